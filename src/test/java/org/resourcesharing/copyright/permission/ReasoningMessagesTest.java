package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resourcesharing.copyright.permission.Reasoning.message;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The bundle of the assessment's words (copyright/reasoning*.properties) and how figures are written in each language. */
class ReasoningMessagesTest {

    private final ReasoningMessages messages = ReasoningMessages.bundled();

    @Test
    void theFrenchBundleWordsEveryEnglishMessage() throws IOException {
        assertThat(bundle("reasoning_fr").stringPropertyNames()).isEqualTo(bundle("reasoning").stringPropertyNames());
    }

    @Test
    void sharesYearsAndPageCountsAreWrittenAsEachLanguageWritesThem() {
        Reasoning share = message("share", new BigDecimal("22.8"), 1250);

        assertThat(messages.sentence(share, "en")).isEqualTo("22.8% of 1250 pages");
        assertThat(messages.sentence(share, "fr")).isEqualTo("22,8 % de 1250 pages");
        assertThat(messages.sentence(message("term.deathInFuture", "Anne Writer", 2031), "en"))
                .isEqualTo("The year of death given for Anne Writer, 2031, is in the future");
        assertThat(messages.sentence(message("term.deathInFuture", "Anne Writer", 2031), "fr"))
                .isEqualTo("L'année du décès indiquée pour Anne Writer, 2031, n'est pas encore arrivée");
    }

    @Test
    void aUnitTheManagersGaveNoFrenchNameIsNamedInEnglishRatherThanNotAtAll() {
        Reasoning unit = message("shorter.wholeUnit", new Reasoning.Translated("chapter", null));

        assertThat(messages.sentence(unit, "fr")).isEqualTo("Chapter");
        assertThat(messages.sentence(message("shorter.wholeUnit", new Reasoning.Translated("chapter", "un chapitre entier")), "fr"))
                .isEqualTo("Un chapitre entier");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ReasoningMessagesTest.class.getResourceAsStream("/copyright/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
