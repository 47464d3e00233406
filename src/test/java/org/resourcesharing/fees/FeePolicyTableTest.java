package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The managers' fee policy, bpmn/fee-policy.dmn: one case per row of each table, in the table's order. */
class FeePolicyTableTest {

    private static DmnEngine dmn;
    private static DmnDecision charges;
    private static DmnDecision subsidy;

    @BeforeAll
    static void readTheTables() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new ClassPathResource("bpmn/fee-policy.dmn").getInputStream()) {
            charges = dmn.parseDecision(FeePolicy.CHARGES, table);
        }
        try (InputStream table = new ClassPathResource("bpmn/fee-policy.dmn").getInputStream()) {
            subsidy = dmn.parseDecision(FeePolicy.SUBSIDY, table);
        }
    }

    @ParameterizedTest(name = "patron charges row {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1 | overdue       | 5.00 | 1 | 75.00 | -     | -      | CAD | Interlibrary loan returned late: $5.00 a day after one grace day, at most $75.00 an item
            2 | recalled      | 4.00 | 7 | 56.00 | -     | -      | CAD | Recalled and not returned by the new due date: $4.00 a day after 7 days, at most $56.00
            3 | lost          | -    | - | -     | 25.00 | 125.00 | CAD | Lost item: its replacement cost ($125.00 when the lender names none) and a $25.00 processing fee
            4 | not-picked-up | -    | - | -     | 0.00  | -      | CAD | No fee for an item not picked up
            """)
    void patronCharges(int row, String charge, String perDay, Integer daysFree, String maximum, String fee, String replacement, String currency,
            String description) {
        Map<String, Object> answer = dmn.evaluateDecisionTable(charges, Variables.createVariables().putValue("charge", charge))
                .getSingleResult().getEntryMap();

        assertThat(Arrays.asList(answer.get("perDay"), answer.get("daysFree"), answer.get("maximum"), answer.get("fee"),
                answer.get("defaultReplacementCost"), answer.get("currency"), answer.get("description"))).as("row %d", row)
                .containsExactly(perDay, daysFree, maximum, fee, replacement, currency, description);
    }

    @ParameterizedTest(name = "subsidy row {0}: tier {1}, cost in {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1 | own-campus    | CAD | 25.00 | The library pays up to $25.00 a request to a Canadian lender
            1 | ocul          | CAD | 25.00 | The library pays up to $25.00 a request to a Canadian lender
            1 | canada        | USD | 25.00 | The library pays up to $25.00 a request to a Canadian lender
            2 | us            | USD | 30.00 | The library pays up to $30.00 a request to a lender abroad
            2 | international | EUR | 30.00 | The library pays up to $30.00 a request to a lender abroad
            3 | -             | CAD | 25.00 | The library pays up to $25.00 a request to a lender charging in Canadian dollars
            4 | -             | GBP | 30.00 | The library pays up to $30.00 a request to a lender charging in another currency
            """)
    void subsidyPerRequest(int row, String tier, String currency, String limit, String reason) {
        Map<String, Object> answer = dmn.evaluateDecisionTable(subsidy,
                Variables.createVariables().putValue("lenderTier", tier).putValue("lenderCurrency", currency)).getSingleResult().getEntryMap();

        assertThat(Arrays.asList(answer.get("subsidy"), answer.get("subsidyCurrency"), answer.get("subsidyReason"))).as("row %d", row)
                .containsExactly(limit, "CAD", reason);
    }
}
