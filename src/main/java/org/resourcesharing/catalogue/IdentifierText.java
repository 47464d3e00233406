package org.resourcesharing.catalogue;

import java.util.function.Function;

/** What every identifier type does first and last: refuse missing text, and answer "is this valid?" without an exception. */
final class IdentifierText {

    private IdentifierText() {
    }

    /** The text without surrounding blanks; missing or blank text is refused. */
    static String present(String kind, String raw) {
        if (raw == null) {
            throw new InvalidIdentifierException(kind, null, "missing");
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidIdentifierException(kind, raw, "empty");
        }
        return trimmed;
    }

    static boolean parses(String raw, Function<String, ?> normalise) {
        try {
            normalise.apply(raw);
            return true;
        } catch (InvalidIdentifierException invalid) {
            return false;
        }
    }
}
