package org.resourcesharing.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code [RS-<business key>]} in a subject: how a reply finds its process even when the mail client drops our Message-ID. */
public final class CaseToken {

    private static final Pattern TOKEN = Pattern.compile("\\[RS-([^\\]\\s]+)\\]");

    private CaseToken() {
    }

    public static String format(String businessKey) {
        return "[RS-" + businessKey + "]";
    }

    public static Optional<String> find(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
