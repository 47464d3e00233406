package org.resourcesharing.copyright.permission;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Puts the assessment's reasonings into English or French with the bundle {@value #BUNDLE}: English in
 * {@code reasoning.properties}, French in {@code reasoning_fr.properties}. The wording is data; the
 * arithmetic and the decisions stay in {@link PermissionAssessment} and the managers' tables.
 */
final class ReasoningMessages {

    static final String BUNDLE = "copyright/reasoning";
    /** What staff and the decision log read. */
    static final String ENGLISH = "en";

    private final MessageSource messages;

    private ReasoningMessages(MessageSource messages) {
        this.messages = messages;
    }

    static ReasoningMessages bundled() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename(BUNDLE);
        bundle.setDefaultEncoding("UTF-8");
        // English is the bundle without a suffix: a server whose own locale is French must still give staff English
        bundle.setFallbackToSystemLocale(false);
        // every message is a MessageFormat pattern, with or without arguments: an apostrophe is always written ''
        bundle.setAlwaysUseMessageFormat(true);
        return new ReasoningMessages(bundle);
    }

    /** The reasoning as a sentence (a capital first) in {@code language}, "en" or "fr"; any other language is English. */
    String sentence(Reasoning reasoning, String language) {
        String text = words(reasoning, "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String words(Reasoning reasoning, Locale locale) {
        if (reasoning instanceof Reasoning.Translated translated) {
            return Locale.FRENCH.equals(locale) && translated.french() != null && !translated.french().isBlank() ? translated.french()
                    : translated.english();
        }
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
