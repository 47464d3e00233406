package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Optional;

/** Where the copy would be made from: only a licensed e-resource brings licence terms into the assessment. */
public enum Source {
    LICENSED_ERESOURCE("A licensed e-resource of the library"),
    LIBRARY_PRINT("A print copy in the library"),
    INSTRUCTOR_COPY("The instructor's own copy");

    private final String inWords;

    Source(String inWords) {
        this.inWords = inWords;
    }

    public String inWords() {
        return inWords;
    }

    static Optional<Source> read(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(source -> source.name().equalsIgnoreCase(value.toString().strip())).findFirst();
    }
}
