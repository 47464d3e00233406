package org.resourcesharing.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Walks a message's MIME tree once and keeps what a person reading it would see: the body text
 * (plain text preferred over HTML, forwarded messages included) and the attached files, still
 * undecoded by Tika. Broken structure is read as far as it goes and reported.
 */
final class MimeContent {

    /** A file found in the message, its bytes null when it was over the attachment limit. */
    record RawAttachment(String fileName, String declaredType, byte[] bytes, long size) {
    }

    private record Bytes(byte[] bytes, long size) {
    }

    private static final int MAX_DEPTH = 20;
    private static final String BODY = "The body";

    private final MailParsingLimits limits;
    private final String subject;
    private final List<String> problems;
    private final List<String> texts = new ArrayList<>();
    private final List<RawAttachment> attachments = new ArrayList<>();

    private MimeContent(MailParsingLimits limits, String subject, List<String> problems) {
        this.limits = limits;
        this.subject = subject;
        this.problems = problems;
    }

    static MimeContent of(MimeMessage message, String subject, MailParsingLimits limits, List<String> problems) {
        MimeContent content = new MimeContent(limits, subject, problems);
        content.walk(message, 0);
        return content;
    }

    String text() {
        return String.join("\n\n", texts.stream().filter(text -> !text.isBlank()).toList());
    }

    List<RawAttachment> attachments() {
        return List.copyOf(attachments);
    }

    private void walk(Part part, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add("The message nests parts more than " + MAX_DEPTH + " deep; the deeper parts were not read");
            return;
        }
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        try {
            if (baseType.equals("message/rfc822")) {
                walkForwarded(part, depth);
            } else if (isAttachment(part, baseType)) {
                addAttachment(part, baseType);
            } else if (baseType.startsWith("multipart/")) {
                walkMultipart(part, baseType, depth);
            } else {
                addText(part, type);
            }
        } catch (MessagingException | IOException e) {
            problems.add("A part of type " + baseType + " could not be read (" + e.getMessage() + ")");
        }
    }

    private ContentType contentType(Part part) {
        String raw = null;
        try {
            raw = part.getContentType();
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (MessagingException e) {
            problems.add("The Content-Type \"" + raw + "\" could not be read; the part was read as plain text");
            return new ContentType("text", "plain", null);
        }
    }

    private static boolean isAttachment(Part part, String baseType) throws MessagingException {
        if (baseType.startsWith("multipart/")) {
            return false;
        }
        if (!baseType.equals("text/plain") && !baseType.equals("text/html")) {
            return true;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
    }

    private void walkMultipart(Part part, String baseType, int depth) throws MessagingException, IOException {
        Multipart multipart;
        int count;
        try {
            if (!(part.getContent() instanceof Multipart parts)) {
                throw new MessagingException("no parts found");
            }
            multipart = parts;
            count = multipart.getCount();
        } catch (MessagingException | IOException e) {
            problems.add("The message's parts could not be separated (" + e.getMessage() + "); its raw text is shown instead");
            texts.add(QuotedReplies.strip(newlines(decode(part, null)), subject));
            return;
        }
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
            problems.add("The message's parts end without their closing boundary (cut off?); what arrived was read");
        }
        if (baseType.equals("multipart/alternative")) {
            walkAlternative(multipart, count, depth);
        } else {
            for (int i = 0; i < count; i++) {
                walk(multipart.getBodyPart(i), depth + 1);
            }
        }
    }

    /** The plain-text version when it has any text, else the last (richest) one. */
    private void walkAlternative(Multipart alternatives, int count, int depth) throws MessagingException {
        for (int i = 0; i < count; i++) {
            Part candidate = alternatives.getBodyPart(i);
            if (candidate.isMimeType("text/plain")) {
                int before = texts.size();
                walk(candidate, depth + 1);
                if (texts.subList(before, texts.size()).stream().anyMatch(text -> !text.isBlank())) {
                    return;
                }
            }
        }
        if (count > 0) {
            walk(alternatives.getBodyPart(count - 1), depth + 1);
        }
    }

    /** A message attached whole is read like the body it was; if it cannot be opened, Tika gets it as a file. */
    private void walkForwarded(Part part, int depth) throws MessagingException, IOException {
        if (!(part.getContent() instanceof MimeMessage forwarded)) {
            addAttachment(part, "message/rfc822");
            return;
        }
        texts.add("---------- Forwarded message ----------\n"
                + header(forwarded, "From") + header(forwarded, "Date") + header(forwarded, "Subject"));
        walk(forwarded, depth + 1);
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        if (values == null || values.length == 0) {
            return "";
        }
        try {
            return name + ": " + TextDecoding.repairHeader(MimeUtility.decodeText(MimeUtility.unfold(values[0]))) + "\n";
        } catch (UnsupportedEncodingException e) {
            return name + ": " + values[0] + "\n";
        }
    }

    private void addText(Part part, ContentType type) throws MessagingException {
        String text = newlines(decode(part, type.getParameter("charset")));
        if (type.match("text/html")) {
            text = HtmlText.of(text);
        } else if ("flowed".equalsIgnoreCase(type.getParameter("format"))) {
            text = unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
        }
        texts.add(QuotedReplies.strip(text, subject));
    }

    private String decode(Part part, String charset) throws MessagingException {
        Bytes bytes = bytes(part, limits.maxMessageBytes(), BODY);
        if (bytes.bytes() == null) {
            problems.add("A text part is larger than the message limit; it was not read");
            return "";
        }
        return TextDecoding.decode(bytes.bytes(), charset, BODY, problems);
    }

    private void addAttachment(Part part, String baseType) throws MessagingException {
        String name = fileName(part);
        Bytes bytes = bytes(part, limits.maxAttachmentBytes(), "Attachment \"" + (name == null ? baseType : name) + "\"");
        attachments.add(new RawAttachment(name, baseType, bytes.bytes(), bytes.size()));
    }

    /** The part's decoded bytes; when its transfer encoding is broken, decoded as far as possible. */
    private Bytes bytes(Part part, long max, String what) throws MessagingException {
        try (InputStream in = part.getInputStream()) {
            return readAtMost(in, max);
        } catch (IOException | MessagingException e) {
            String encoding = ((MimePart) part).getEncoding();
            problems.add(what + " could not be decoded from its transfer encoding " + encoding + " (" + e.getMessage()
                    + "); read as far as possible");
            return lenientlyDecoded(part, encoding, max);
        }
    }

    private Bytes lenientlyDecoded(Part part, String encoding, long max) throws MessagingException {
        try (InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream() : ((MimeMessage) part).getRawInputStream()) {
            Bytes bytes = readAtMost(raw, max);
            if (bytes.bytes() == null || !"base64".equalsIgnoreCase(encoding)) {
                return bytes;
            }
            // Whatever is not in the alphabet is dropped; a lone last character cannot be decoded.
            String alphabet = new String(bytes.bytes(), StandardCharsets.US_ASCII).replaceAll("[^A-Za-z0-9+/]", "");
            byte[] decoded = Base64.getDecoder().decode(alphabet.substring(0, alphabet.length() - (alphabet.length() % 4 == 1 ? 1 : 0)));
            return new Bytes(decoded, decoded.length);
        } catch (IOException e) {
            return new Bytes(new byte[0], 0);
        }
    }

    /** Reads to the end, keeping at most {@code max} bytes: over that, only the size is kept. */
    private static Bytes readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            size += n;
            if (size <= max) {
                kept.write(buffer, 0, n);
            }
        }
        return new Bytes(size <= max ? kept.toByteArray() : null, size);
    }

    /** Joins the lines that format=flowed (RFC 3676) broke softly, so that sentences and titles are whole again. */
    private static String unflow(String text, boolean delSp) {
        StringBuilder joined = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String unstuffed = line.startsWith(" ") ? line.substring(1) : line;
            boolean soft = unstuffed.endsWith(" ") && !unstuffed.equals("-- ") && !unstuffed.startsWith(">");
            joined.append(soft && delSp ? unstuffed.substring(0, unstuffed.length() - 1) : unstuffed);
            if (!soft) {
                joined.append('\n');
            }
        }
        return joined.toString();
    }

    private static String newlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            return TextDecoding.repairHeader(name.contains("=?") ? MimeUtility.decodeText(name) : name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }
}
