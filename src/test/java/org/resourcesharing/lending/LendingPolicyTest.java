package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The managers' lending policy table, bpmn/lending-policy.dmn: one case per row, in the table's order. */
class LendingPolicyTest {

    private static DmnEngine dmn;
    private static DmnDecision policy;

    @BeforeAll
    static void readTheTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new ClassPathResource("bpmn/lending-policy.dmn").getInputStream()) {
            policy = dmn.parseDecision(ApplyLendingPolicyDelegate.DECISION, table);
        }
    }

    @ParameterizedTest(name = "row {0}: {2} of a {4} ({1}) from {3}, {5}, for {6} -> {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1  | NOT_HELD | Loan       | -           | -          | -    | ocul          | unfilled | We do not hold it                                         | -  | -     | -   | Unfilled      | NotHeld | -
            2  | ON_LOAN  | Loan       | STACKS      | BOOK       | 1974 | ocul          | retry    | Our copy is on loan; ask again after its due date         | -  | -     | -   | RetryPossible | OnLoan | -
            3  | ON_SHELF | Loan       | SPECCOLL    | BOOK       | 1962 | ocul          | refuse   | Special collections do not circulate                      | -  | -     | -   | Unfilled      | PolicyProblem | -
            4  | ON_SHELF | Loan       | STACKS      | BOOK       | 1887 | ocul          | refuse   | Items published before 1900 do not circulate              | -  | -     | -   | Unfilled      | PolicyProblem | -
            5  | IN_LIBRARY_USE_ONLY | Copy | SPECCOLL | BOOK      | 1962 | canada        | review   | A copy from special collections: check the condition and the rights | - | - | - | - | - | -
            6  | ON_SHELF | Copy       | STACKS      | BOOK       | 1850 | us            | review   | A copy from an item published before 1900: check its condition | - | - | -  | -             | - | -
            7  | IN_LIBRARY_USE_ONLY | Loan | REFERENCE | BOOK     | 2004 | ocul          | refuse   | Reference works do not circulate                          | -  | -     | -   | Unfilled      | PolicyProblem | -
            8  | IN_LIBRARY_USE_ONLY | Loan | RESERVES  | BOOK     | 2019 | canada        | refuse   | The item is on course reserve                             | -  | -     | -   | Unfilled      | PolicyProblem | -
            9  | ON_SHELF | Loan       | NEWBOOKS    | BOOK       | 2026 | own-campus    | refuse   | New titles do not circulate yet                           | -  | -     | -   | Unfilled      | PolicyProblem | -
            10 | ON_SHELF | Loan       | STACKS      | ELECTRONIC | 2021 | ocul          | refuse   | E-books cannot be lent; a chapter copy can be asked for   | -  | -     | -   | Unfilled      | PolicyProblem | -
            11 | IN_LIBRARY_USE_ONLY | Loan | PERIODICALS | SERIAL | 1998 | us            | refuse   | Journal volumes do not circulate; an article copy can be asked for | - | - | - | Unfilled | PolicyProblem | -
            12 | IN_LIBRARY_USE_ONLY | CopyOrLoan | REFERENCE | BOOK | 2010 | ocul      | review   | Only a copy is possible: agree the pages with the borrower | - | -     | -   | -             | - | -
            13 | IN_LIBRARY_USE_ONLY | CopyOrLoan | PERIODICALS | SERIAL | 2015 | canada | review | Only a copy is possible: agree the pages with the borrower | - | -     | -   | -             | - | -
            14 | IN_LIBRARY_USE_ONLY | Copy | PERIODICALS | SERIAL | 2015 | own-campus   | copy     | Copy for our own campus                                   | -  | 0.00  | CAD | -             | - | -
            15 | IN_LIBRARY_USE_ONLY | Copy | PERIODICALS | SERIAL | 2015 | ocul         | copy     | Copy for an Ontario university library                    | -  | 5.00  | CAD | -             | - | -
            16 | ON_SHELF | Copy       | STACKS      | BOOK       | 2001 | canada        | copy     | Copy for a Canadian library                               | -  | 15.00 | CAD | -             | - | -
            17 | ON_SHELF | Copy       | STACKS      | BOOK       | 2001 | us            | copy     | Copy for a US library                                     | -  | 35.00 | USD | -             | - | -
            18 | IN_LIBRARY_USE_ONLY | Copy | PERIODICALS | SERIAL | 2015 | international | copy    | Copy for a library abroad                                 | -  | 35.00 | USD | -             | - | -
            19 | ON_SHELF | Loan       | STACKS      | BOOK       | 1974 | own-campus    | lend     | Loan to our own campus                                    | 6  | 0.00  | CAD | -             | - | -
            20 | ON_SHELF | CopyOrLoan | STACKS      | BOOK       | 1974 | ocul          | lend     | Loan to an Ontario university library                     | 6  | 0.00  | CAD | -             | - | -
            21 | ON_SHELF | Loan       | STACKS      | BOOK       | 1974 | canada        | lend     | Loan to a Canadian library                                | 4  | 15.00 | CAD | -             | - | -
            22 | ON_SHELF | Loan       | STACKS      | BOOK       | 1974 | us            | lend     | Loan to a US library                                      | 4  | 35.00 | USD | -             | - | -
            23 | ON_SHELF | Loan       | STACKS      | BOOK       | 1974 | international | review   | A loan abroad: confirm shipping and insurance before lending | 4 | 35.00 | USD | -           | - | SignatureRequired
            24 | NOT_CHECKED | Loan    | -           | -          | -    | -             | review   | No lending rule covers this request                       | -  | -     | -   | -             | - | -
            """)
    void decides(int row, String shelf, String service, String location, String material, Integer published, String tier, String decision,
            String reason, Integer weeks, String fee, String currency, String answerStatus, String reasonCode, String conditionCode) {
        VariableMap request = Variables.createVariables().putValue("shelfStatus", shelf).putValue("serviceType", service)
                .putValue("shelfLocation", location).putValue("materialType", material).putValue("publicationYear", published)
                .putValue("partnerTier", tier);

        DmnDecisionRuleResult answer = dmn.evaluateDecisionTable(policy, request).getSingleResult();

        Map<String, Object> outputs = answer.getEntryMap(); // an empty output cell gives no entry
        Object code = outputs.getOrDefault("reasonUnfilled", outputs.get("reasonRetry"));
        assertThat(Arrays.asList(outputs.get("policyDecision"), outputs.get("policyReason"), outputs.get("loanPeriodWeeks"),
                outputs.get("lendingFee"), outputs.get("feeCurrency"), outputs.get("answerStatus"), code, outputs.get("loanConditionCode"))).as("row %d", row)
                .containsExactly(decision, reason, weeks, fee, currency, answerStatus, reasonCode, conditionCode);
    }
}
