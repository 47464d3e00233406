package org.resourcesharing.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of a message the parser is willing to read, so that one hostile or broken message
 * cannot exhaust memory or threads: mail from strangers is untrusted input.
 *
 * @param maxMessageBytes a larger message is read no further than its headers
 * @param maxAttachmentBytes a larger attachment is listed but not read
 * @param tikaTimeout how long reading one attachment's text may take
 * @param maxExtractedChars text kept from one attachment; the rest is cut off
 */
public record MailParsingLimits(long maxMessageBytes, long maxAttachmentBytes, Duration tikaTimeout, int maxExtractedChars) {

    private static final long MEGABYTE = 1024L * 1024L;

    public MailParsingLimits {
        Objects.requireNonNull(tikaTimeout, "tikaTimeout");
        if (maxMessageBytes <= 0 || maxAttachmentBytes <= 0 || maxExtractedChars <= 0
                || tikaTimeout.isNegative() || tikaTimeout.isZero()) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** 15 MB messages, 10 MB attachments, 20 seconds and 200,000 characters per attachment. */
    public static MailParsingLimits defaults() {
        return new MailParsingLimits(15 * MEGABYTE, 10 * MEGABYTE, Duration.ofSeconds(20), 200_000);
    }
}
