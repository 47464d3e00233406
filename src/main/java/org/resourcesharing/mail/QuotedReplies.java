package org.resourcesharing.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the earlier messages that replies carry along, so that what is read (by staff and by the
 * extractor) is what the sender wrote now: lines quoted with "&gt;" and everything from a reply
 * header on ("On … wrote:", "Le … a écrit :", "Am … schrieb …:", "El … escribió:", "-----Original
 * Message-----", Outlook's "From: … Sent: …" block). Forwarded messages are kept: there the earlier
 * message is the point.
 */
final class QuotedReplies {

    private static final Pattern REPLY_HEADER = Pattern.compile("(?iU)^\\s*(?:"
            + "on\\s.{1,250}\\swrote\\s*:"
            + "|le\\s.{1,250}\\sa\\s+écrit\\s*:"
            + "|am\\s.{1,250}\\sschrieb(?:\\s.{0,250})?:"
            + "|el\\s.{1,250}\\sescribió\\s*:"
            + "|-{2,}\\s*(?:original message|message d'origine|ursprüngliche nachricht|mensaje original)\\s*-{2,}"
            + ")\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iU)^\\s*\\*?(?:from|de|von)\\s*\\*?\\s*:\\s*\\S.*");
    private static final Pattern OUTLOOK_SENT = Pattern.compile("(?iU)^\\s*\\*?(?:sent|date|envoyé|gesendet|datum|enviado|fecha)\\s*\\*?\\s*:.*");
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern FORWARD_MARKER = Pattern.compile("(?iU)^\\s*(?:-{2,}\\s*)?(?:forwarded message|begin forwarded message"
            + "|message transféré|weitergeleitete nachricht|mensaje reenviado)\\b.*$");
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("(?iU)^\\s*(?:fwd?|tr|wg|rv|enc)\\s*:.*");
    private static final int OUTLOOK_BLOCK_LINES = 4;

    private QuotedReplies() {
    }

    /** @param subject tells a forward ("Fwd:", "TR:", "WG:", "RV:"), whose earlier message is kept */
    static String strip(String text, String subject) {
        boolean forwarded = subject != null && FORWARD_SUBJECT.matcher(subject).matches();
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FORWARD_MARKER.matcher(line).matches()) {
                forwarded = true;
            }
            if (!forwarded && startsReplyHeader(lines, i)) {
                if (!kept.isEmpty() && OUTLOOK_RULE.matcher(kept.get(kept.size() - 1)).matches()) {
                    kept.remove(kept.size() - 1);
                }
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean startsReplyHeader(String[] lines, int i) {
        if (REPLY_HEADER.matcher(lines[i]).matches()
                || i + 1 < lines.length && REPLY_HEADER.matcher(lines[i] + " " + lines[i + 1]).matches()) {
            return true;
        }
        if (OUTLOOK_FROM.matcher(lines[i]).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 1 + OUTLOOK_BLOCK_LINES); j++) {
                if (OUTLOOK_SENT.matcher(lines[j]).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
