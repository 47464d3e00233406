package org.resourcesharing.copyright.permission;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the instructor will use the work. Every use reaches only the students enrolled in the course,
 * which fair dealing requires. {@code electronic} says which column of the licence table applies:
 * LMS posting and display in class are electronic, course packs and handouts are printed copies.
 */
public enum IntendedUse {
    LMS_POSTING("Post in the course's learning management system (enrolled students only)", true),
    COURSE_PACK("Include in a course pack", false),
    HANDOUT("Hand out copies in class", false),
    CLASS_DISPLAY("Display in class", true);

    private final String inWords;
    private final boolean electronic;

    IntendedUse(String inWords, boolean electronic) {
        this.inWords = inWords;
        this.electronic = electronic;
    }

    public String inWords() {
        return inWords;
    }

    boolean electronic() {
        return electronic;
    }

    static Optional<IntendedUse> read(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(use -> use.name().equalsIgnoreCase(value.toString().strip())).findFirst();
    }
}
