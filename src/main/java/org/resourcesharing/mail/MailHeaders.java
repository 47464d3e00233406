package org.resourcesharing.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers of a message that identify it, thread it and say who sent it, read leniently: a header
 * that cannot be read is kept as written, or left out, with a problem for staff.
 */
record MailHeaders(
        String messageId,
        String inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        List<String> to,
        String subject,
        OffsetDateTime sentAt,
        String automated,
        String rawFrom,
        String rawDate) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final List<String> BULK_PRECEDENCE = List.of("bulk", "junk", "list", "auto_reply");

    static MailHeaders read(MimeMessage message, List<String> problems) {
        String rawFrom = header(message, "From");
        String rawDate = header(message, "Date");
        InternetAddress from = from(rawFrom, problems);
        return new MailHeaders(
                header(message, "Message-ID"),
                firstId(header(message, "In-Reply-To")),
                ids(header(message, "References")),
                from == null ? rawFrom : from.getAddress(),
                from == null ? null : TextDecoding.repairHeader(from.getPersonal()),
                to(header(message, "To"), problems),
                subject(message, problems),
                date(rawDate, problems),
                automated(message),
                rawFrom,
                rawDate);
    }

    /** The header unfolded and trimmed, or null when missing or empty. */
    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null || value.isBlank() ? null : MimeUtility.unfold(value).strip();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String firstId(String value) {
        if (value == null) {
            return null;
        }
        Matcher id = MESSAGE_ID.matcher(value);
        return id.find() ? id.group() : value;
    }

    private static List<String> ids(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher id = MESSAGE_ID.matcher(value);
        while (id.find()) {
            ids.add(id.group());
        }
        return ids.isEmpty() ? Arrays.asList(value.split("\\s+")) : ids;
    }

    private static InternetAddress from(String raw, List<String> problems) {
        if (raw == null) {
            problems.add("The message has no From header");
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(raw, false);
            if (addresses.length > 0 && addresses[0].getAddress() != null && addresses[0].getAddress().contains("@")) {
                return addresses[0];
            }
        } catch (AddressException e) {
            // reported below
        }
        problems.add("The From header \"" + raw + "\" is not an e-mail address");
        return null;
    }

    private static List<String> to(String raw, List<String> problems) {
        if (raw == null) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(raw, false)).map(InternetAddress::getAddress).toList();
        } catch (AddressException e) {
            problems.add("The To header \"" + raw + "\" could not be read as addresses");
            return Arrays.stream(raw.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        }
    }

    private static String subject(MimeMessage message, List<String> problems) {
        try {
            return TextDecoding.repairHeader(message.getSubject());
        } catch (MessagingException e) {
            problems.add("The Subject header could not be read (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Keeps the sender's offset (RFC 5322 form); falls back to Jakarta Mail's lenient reading, in UTC. */
    private static OffsetDateTime date(String raw, List<String> problems) {
        if (raw == null) {
            return null;
        }
        String cleaned = COMMENT.matcher(raw).replaceAll(" ").replaceAll("\\s+", " ").strip();
        try {
            return OffsetDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
        } catch (DateTimeParseException e) {
            try {
                return new MailDateFormat().parse(raw).toInstant().atOffset(ZoneOffset.UTC);
            } catch (ParseException | RuntimeException unreadable) {
                problems.add("The Date header \"" + raw + "\" could not be read");
                return null;
            }
        }
    }

    /** The first header that marks mail sent by a machine or a list, as "Name: value". */
    private static String automated(MimeMessage message) {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe")) {
            String value = header(message, name);
            if (value != null) {
                return name + ": " + value;
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence;
        }
        String spam = header(message, "X-Spam-Flag");
        return spam != null && spam.equalsIgnoreCase("yes") ? "X-Spam-Flag: " + spam : null;
    }
}
