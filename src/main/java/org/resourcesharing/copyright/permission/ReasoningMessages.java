package org.resourcesharing.copyright.permission;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Puts the assessment's reasonings into words with the bundle {@value #BUNDLE} ({@code reasoning.properties}).
 * The wording is data; the arithmetic and the decisions stay in {@link PermissionAssessment} and the
 * managers' tables.
 */
final class ReasoningMessages {

    static final String BUNDLE = "copyright/reasoning";

    private final MessageSource messages;

    private ReasoningMessages(MessageSource messages) {
        this.messages = messages;
    }

    static ReasoningMessages bundled() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename(BUNDLE);
        bundle.setDefaultEncoding("UTF-8");
        // the bundle without a suffix is English: not the server's own locale
        bundle.setFallbackToSystemLocale(false);
        // every message is a MessageFormat pattern, with or without arguments: an apostrophe is always written ''
        bundle.setAlwaysUseMessageFormat(true);
        return new ReasoningMessages(bundle);
    }

    /** The reasoning as a sentence (a capital first). */
    String sentence(Reasoning reasoning) {
        String text = words(reasoning, Locale.ENGLISH);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String words(Reasoning reasoning, Locale locale) {
        Reasoning.Message message = (Reasoning.Message) reasoning;
        return messages.getMessage(message.code(), arguments(message.arguments(), locale), locale);
    }

    private Object[] arguments(List<Object> arguments, Locale locale) {
        return arguments.stream().map(argument -> argument instanceof Reasoning reasoning ? words(reasoning, locale)
                // page counts and years as they are: MessageFormat would write the year 1990 as "1,990" or "1 990"
                : argument instanceof Integer whole ? whole.toString()
                : argument).toArray();
    }
}
