package org.resourcesharing.borrowing;

import java.util.Arrays;
import java.util.Optional;

/** What the patron wants: the item itself, a copy of part of it, or whichever a library can supply first. */
enum ServiceType {
    Loan("Borrow the item (a loan)"),
    Copy("A copy of an article or chapter"),
    CopyOrLoan("A copy or a loan, whichever comes first");

    private final String inWords;

    ServiceType(String inWords) {
        this.inWords = inWords;
    }

    public String inWords() {
        return inWords;
    }

    /** Read as people type it: case does not matter. */
    static Optional<ServiceType> read(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(text.strip())).findFirst();
    }
}
