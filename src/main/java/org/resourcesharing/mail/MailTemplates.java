package org.resourcesharing.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification from {@code mail-templates/<template>/<language>.subject.txt}, {@code .txt}
 * and {@code .html} (Thymeleaf). English and French ship; a language without templates falls back
 * to English.
 */
@Component
class MailTemplates {

    static final Set<String> LANGUAGES = Set.of("en", "fr");

    /** A template without an {@code .html} part (messages between libraries) is sent as plain text only: html is null. */
    record Rendered(String subject, String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    /** Whether a template has an HTML part: templates come with the application, so looked up once. */
    private final Map<String, Boolean> withHtml = new ConcurrentHashMap<>();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    Rendered render(String template, String language, Map<String, Object> model) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        Context context = new Context(Locale.forLanguageTag(lang), model);
        String base = template + "/" + lang;
        boolean hasHtml = withHtml.computeIfAbsent(base, name -> MailTemplates.class.getClassLoader().getResource("mail-templates/" + name + ".html") != null);
        return new Rendered(engine.process(base + ".subject.txt", context).strip(), engine.process(base + ".txt", context),
                hasHtml ? engine.process(base + ".html", context) : null);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail-templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
