package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The managers' copyright table for copies we supply, bpmn/copy-copyright.dmn: one case per row, in the table's order. */
class CopyCopyrightTest {

    private static DmnEngine dmn;
    private static DmnDecision table;

    @BeforeAll
    static void readTheTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = new ClassPathResource("bpmn/copy-copyright.dmn").getInputStream()) {
            table = dmn.parseDecision(CheckCopyCopyrightDelegate.DECISION, file);
        }
    }

    @ParameterizedTest(name = "row {0}: {2}, {3} periodical, {4}, {5} months old, licence {1} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1  | NOT_PERMITTED | SERIAL     | scholarly | unknown | 30 | refuse | Licence terms
            2  | PERMITTED     | ELECTRONIC | unknown   | unknown | 2  | allow  | Licence terms
            3  | NONE          | ELECTRONIC | unknown   | unknown | 40 | review | Licence terms
            4  | NONE          | SERIAL     | scholarly | unknown | 2  | allow  | Copyright Act s.30.2(1)
            5  | NONE          | SERIAL     | other     | poetry  | 40 | refuse | Copyright Act s.30.2(2)
            6  | NONE          | SERIAL     | newspaper | unknown | 13 | allow  | Copyright Act s.30.2(2)
            7  | NONE          | SERIAL     | unknown   | unknown | 11 | review | Copyright Act s.30.2(2)
            8  | NONE          | SERIAL     | unknown   | unknown | -  | review | Copyright Act s.30.2
            9  | NONE          | BOOK       | unknown   | unknown | 60 | review | Fair dealing
            10 | NONE          | SCORE      | unknown   | music   | 60 | review | Copyright review
            """)
    void decides(int row, String licence, String material, String kind, String form, Integer months, String decision, String basis) {
        VariableMap copy = Variables.createVariables().putValue("licenceTerms", licence).putValue("materialType", material)
                .putValue("periodicalKind", kind).putValue("literaryForm", form).putValue("monthsSincePublication", months);

        DmnDecisionRuleResult answer = dmn.evaluateDecisionTable(table, copy).getSingleResult();

        Map<String, Object> outputs = answer.getEntryMap();
        assertThat(Arrays.asList(outputs.get("copyrightDecision"), outputs.get("copyrightBasis"))).as("row %d", row)
                .containsExactly(decision, basis);
        assertThat(outputs.get("copyrightReason")).as("row %d", row).asString().isNotBlank();
    }

    @Test
    void aBareYearCountsFromItsLastDaySoAnIssueIsNeverTakenToBeOlderThanItCanBe() {
        CheckCopyCopyrightDelegate delegate = new CheckCopyCopyrightDelegate(null, new LendingProperties(4, Period.ofDays(1), 3, 
                Duration.ofDays(7), 1, 4, Period.ofDays(30), Period.ofDays(14), Map.of()), Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneId.of("UTC")));

        assertThat(delegate.monthsSincePublication("2025", null)).isEqualTo(10);      // December 2025 at the latest
        assertThat(delegate.monthsSincePublication("2025-10", null)).isEqualTo(12);
        assertThat(delegate.monthsSincePublication("Spring 2019", null)).isEqualTo(82);
        assertThat(delegate.monthsSincePublication(null, 2024)).isEqualTo(22);
        assertThat(delegate.monthsSincePublication("n.d.", null)).isNull();
        assertThat(delegate.monthsSincePublication("2027", null)).isZero();
    }
}
