package org.resourcesharing.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads an incoming e-mail into a {@link ParsedMail}: headers, body text without quoted replies,
 * the text of its attachments and its language. Mail from strangers is untrusted and often broken,
 * so parsing never throws for bad content: whatever cannot be read becomes a problem staff can read,
 * and everything else is still returned. Thread-safe; close it to stop its attachment threads.
 */
public final class MailParser implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final MailParsingLimits limits;
    private final AttachmentReader attachmentReader;
    private final LanguageGuesser languageGuesser = new LanguageGuesser();

    public MailParser(MailParsingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.attachmentReader = new AttachmentReader(limits);
    }

    public ParsedMail parse(MimeMessage message) {
        List<String> problems = new ArrayList<>();
        MailHeaders headers = MailHeaders.read(message, problems);
        MessageDigest digest = startDigest(headers);
        String text = "";
        List<Attachment> attachments = new ArrayList<>();
        try {
            long size = readRawBody(message, digest, problems);
            if (size > limits.maxMessageBytes()) {
                problems.add("The message is " + megabytes(size) + ", over the " + megabytes(limits.maxMessageBytes())
                        + " limit; only its headers were read");
            } else {
                MimeContent content = MimeContent.of(message, headers.subject(), limits, problems);
                text = content.text();
                if (size < 0) {
                    digest.update(text.getBytes(StandardCharsets.UTF_8));
                }
                for (MimeContent.RawAttachment raw : content.attachments()) {
                    Attachment attachment = attachmentReader.read(raw.fileName(), raw.declaredType(), raw.bytes(), raw.size());
                    attachments.add(attachment);
                    if (attachment.problem() != null) {
                        problems.add("Attachment \"" + (raw.fileName() == null ? raw.declaredType() : raw.fileName()) + "\": "
                                + attachment.problem());
                    }
                }
            }
        } catch (RuntimeException e) {
            // A last resort: a bug or a parser failure must cost staff a message's content, never the message.
            problems.add("The message could not be read completely (" + e + ")");
        }
        return new ParsedMail(headers.messageId(), headers.inReplyTo(), headers.references(), headers.fromAddress(),
                headers.fromName(), headers.to(), headers.subject(), headers.sentAt(), text, language(text, attachments),
                attachments, problems, HexFormat.of().formatHex(digest.digest()), headers.automated());
    }

    @Override
    public void close() {
        attachmentReader.close();
    }

    /** The body's language, else the attachments' (a message that only says "see attached"). */
    private String language(String text, List<Attachment> attachments) {
        String language = languageGuesser.guess(text);
        if (language != null) {
            return language;
        }
        return languageGuesser.guess(attachments.stream().map(Attachment::text).filter(Objects::nonNull)
                .collect(Collectors.joining("\n")));
    }

    private static MessageDigest startDigest(MailHeaders headers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : new String[] {headers.rawFrom(), headers.rawDate(), headers.subject()}) {
                digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Feeds the body as received to the digest and returns its size: the declared size when that is
     * already over the limit (only the size is digested), a size past the limit once reading gets there, or -1
     * for a message that has no received form (built in memory), whose text is digested instead.
     */
    private long readRawBody(MimeMessage message, MessageDigest digest, List<String> problems) {
        try {
            int declared = message.getSize();
            if (declared > limits.maxMessageBytes()) {
                digest.update(Integer.toString(declared).getBytes(StandardCharsets.US_ASCII));
                return declared;
            }
            try (InputStream body = message.getRawInputStream()) {
                byte[] buffer = new byte[BUFFER];
                long size = 0;
                for (int n = body.read(buffer); n >= 0 && size <= limits.maxMessageBytes(); n = body.read(buffer)) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                return size;
            }
        } catch (MessagingException e) {
            return -1;
        } catch (IOException e) {
            problems.add("The message could not be read to its end (" + e.getMessage() + ")");
            return -1;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
