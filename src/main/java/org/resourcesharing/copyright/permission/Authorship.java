package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who holds the copyright as the Act counts its term. Only works of named individual authors are
 * assessed automatically (rules.md section 2); the others have terms of their own and go to a person.
 */
public enum Authorship {
    PERSONAL("Named author(s)"),
    CROWN("Government (Crown) publication"),
    ANONYMOUS("Anonymous or pseudonymous"),
    POSTHUMOUS("Published after the author's death");

    private final String inWords;

    Authorship(String inWords) {
        this.inWords = inWords;
    }

    public String inWords() {
        return inWords;
    }

    static Optional<Authorship> read(Object value) {
        return value == null || value.toString().isBlank() ? Optional.of(PERSONAL)
                : Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(value.toString().strip())).findFirst();
    }
}
