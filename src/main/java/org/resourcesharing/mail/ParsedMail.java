package org.resourcesharing.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything readable in one e-mail, with the reasons anything else could not be read, so that a
 * broken message still reaches staff rather than disappearing.
 *
 * @param messageId the Message-ID header as written, angle brackets included; null when missing
 * @param inReplyTo the In-Reply-To header, angle brackets included; null when missing
 * @param references the message ids in the References header, oldest first
 * @param fromAddress the sender's address (the raw From header when it is not an address)
 * @param fromName the sender's name, or null
 * @param to the addresses in To
 * @param subject the decoded subject, or null
 * @param sentAt the Date header with the sender's offset, or null
 * @param text the body as plain text, quoted earlier messages removed; empty when there is none
 * @param language ISO 639-1 code of the body's language (of the attachments' when the body is too
 *     short), or null when unsure
 * @param attachments the attached files, in message order
 * @param problems what could not be read and why, for staff on a triage task
 * @param digest SHA-256 (hex) of From, Date, Subject and the body as received: the identity of a
 *     message that has no Message-ID
 * @param automated the header showing that a machine or a mailing list sent the message
 *     ("Auto-Submitted: auto-replied", "Precedence: bulk", "List-Unsubscribe", …), or null
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        List<String> to,
        String subject,
        OffsetDateTime sentAt,
        String text,
        String language,
        List<Attachment> attachments,
        List<String> problems,
        String digest,
        String automated) {

    public ParsedMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }
}
