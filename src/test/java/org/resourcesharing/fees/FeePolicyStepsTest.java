package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * The delegates a diagram calls to apply the fee policy, with the variables borrowing has: the
 * patron's due date as a {@link Date} at the start of the day, a lender's offered cost as text.
 * "Today" is 2026-03-10 in Toronto; USD 1 = CAD 1.3650.
 */
@Deployment(resources = {"fees/fee-policy-steps.bpmn", "bpmn/fee-policy.dmn"})
class FeePolicyStepsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final ZoneId ZONE = ZoneId.of("America/Toronto");
    private static final Clock MARCH_10 = Clock.fixed(LocalDate.of(2026, 3, 10).atTime(14, 0).atZone(ZONE).toInstant(), ZONE);

    @BeforeEach
    void registerTheDelegates() {
        FeePolicy policy = new FeePolicy(decisionService(), new FixedRates().with("USD", "CAD", "1.3650"));
        Mocks.register("assessOverdueFine", new AssessOverdueFineDelegate(policy, MARCH_10));
        Mocks.register("checkCostAgainstSubsidy", new CheckCostAgainstSubsidyDelegate(policy, MARCH_10));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aLoanBroughtBackTodayNineDaysLateIsFinedForEightDays() {
        ProcessInstance step = run("fine", "patronDueDate", startOfDay(LocalDate.of(2026, 3, 1)));

        assertThat(step).variables()
                .containsEntry("fineAmount", "40.00")
                .containsEntry("fineCurrency", "CAD")
                .containsEntry("fineDaysLate", 9L)
                .containsEntry("fineReason", "Interlibrary loan returned late: $5.00 a day after one grace day, at most $75.00 an item"
                        + " (due 2026-03-01, back 2026-03-10: 9 days late, 8 charged)");
    }

    @Test
    void aLoanBroughtBackOnTheGraceDayIsFinedNothing() {
        ProcessInstance step = run("fine", "patronDueDate", startOfDay(LocalDate.of(2026, 3, 9)));

        assertThat(step).variables().containsEntry("fineAmount", "0.00").containsEntry("fineDaysLate", 1L);
    }

    @Test
    void aRecalledItemReturnedOnAGivenDayIsFinedByTheRecallRowAtTheMaximum() {
        ProcessInstance step = run("fine", "patronDueDate", "2026-01-15", "patronReturnedDate", "2026-03-01", "recalled", true);

        assertThat(step).variables().containsEntry("fineAmount", "56.00")
                .hasEntrySatisfying("fineReason", reason -> assertThat(reason.toString()).startsWith("Recalled and not returned")
                        .endsWith("45 days late, 38 charged, at the maximum)"));
    }

    @Test
    void aLenderCostInUsDollarsAboveTheSubsidyNeedsThePatronsConsent() {
        ProcessInstance step = run("cost", "offeredCost", "25.00", "offeredCostCurrency", "USD", "lenderTier", "us");

        assertThat(step).variables()
                .containsEntry("patronConsentNeeded", true)
                .containsEntry("subsidy", "30.00")
                .containsEntry("subsidyCurrency", "CAD")
                .containsEntry("subsidyCheck",
                        "USD 25.00 (CAD 34.12 at 1.3650, test rates, 2026-03-02) is more than the subsidy of CAD 30.00: the patron must consent");
    }

    @Test
    void aLenderCostWithinTheSubsidyIsPaidByTheLibrary() {
        ProcessInstance step = run("cost", "offeredCost", "15.00", "offeredCostCurrency", "CAD", "lenderTier", "canada");

        assertThat(step).variables().containsEntry("patronConsentNeeded", false)
                .containsEntry("subsidyCheck", "CAD 15.00 is within the subsidy of CAD 25.00: the library pays it");
    }

    @Test
    void aCostThatCannotBeConvertedNeedsThePatronsConsent() {
        ProcessInstance step = run("cost", "offeredCost", "12.00", "offeredCostCurrency", "EUR", "lenderTier", "international");

        assertThat(step).variables().containsEntry("patronConsentNeeded", true).containsEntry("subsidy", "30.00")
                .containsEntry("subsidyCheck", "EUR 12.00 cannot be compared with the subsidy of CAD 30.00 (no rate from EUR to CAD on 2026-03-10):"
                        + " the patron must consent");
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant()); // as SetPatronDueDateDelegate makes it, in the zone the delegate reads it in
    }

    private static ProcessInstance run(String step, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        values.put("step", step);
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("fees-policy-steps", values);
        assertThat(instance).isWaitingAt("Task_Wait");
        return instance;
    }
}
