package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resourcesharing.copyright.permission.Reasoning.message;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The bundle of the assessment's words (copyright/reasoning*.properties) and how figures are written in it. */
class ReasoningMessagesTest {

    private final ReasoningMessages messages = ReasoningMessages.bundled();

    @Test
    void sharesYearsAndPageCountsAreWrittenAsTheyWereBeforeTheBundle() {
        assertThat(messages.sentence(message("share", new BigDecimal("22.8"), 1250))).isEqualTo("22.8% of 1250 pages");
        assertThat(messages.sentence(message("term.deathInFuture", "Anne Writer", 2031)))
                .isEqualTo("The year of death given for Anne Writer, 2031, is in the future");
    }
}
