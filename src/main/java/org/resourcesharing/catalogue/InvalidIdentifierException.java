package org.resourcesharing.catalogue;

/**
 * A standard identifier that does not survive validation. Searching a catalogue for a mistyped
 * ISBN finds nothing or, worse, the wrong book, so the caller must show {@link #reason()} to the
 * person who typed it instead of searching.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final String kind;
    private final String raw;
    private final String reason;

    /**
     * @param kind   what was expected, e.g. {@code ISBN}
     * @param raw    the value as received, possibly null
     * @param reason why it was refused, phrased to follow the value, e.g. {@code check digit should be 3}
     */
    public InvalidIdentifierException(String kind, String raw, String reason) {
        super(kind + (raw == null ? "" : " '" + raw + "'") + ": " + reason);
        this.kind = kind;
        this.raw = raw;
        this.reason = reason;
    }

    public String kind() {
        return kind;
    }

    public String raw() {
        return raw;
    }

    public String reason() {
        return reason;
    }
}
