package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * The real delegate and a real ledger. The ledger has a database of its own here, so a posting
 * survives the failure of its step; in the application it shares the engine's transaction.
 */
@Deployment(resources = "fees/record-charge.bpmn")
class RecordChargeDelegateTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final Ledger LEDGER = TestLedgers.newLedger();

    private RecordChargeDelegate recordCharge;
    private String businessKey;

    @BeforeEach
    void registerTheDelegate() {
        recordCharge = new RecordChargeDelegate(LEDGER, historyService());
        Mocks.register("recordCharge", recordCharge);
        businessKey = "ISIL:CA-OKQ/QU-" + UUID.randomUUID();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theChargeIsPostedToThePartnerForTheRequestByTheProcess() {
        ProcessInstance lending = lent("5.00", "CAD");
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_Wait");
        Posting posting = onlyPosting();
        assertThat(posting.accountType()).isEqualTo(AccountType.PARTNER);
        assertThat(posting.accountId()).isEqualTo("ISIL:CA-OKQ");
        assertThat(posting.direction()).isEqualTo(Direction.RECEIVABLE);
        assertThat(posting.kind()).isEqualTo(Kind.LENDING_FEE);
        assertThat(posting.amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(posting.currency()).isEqualTo("CAD");
        assertThat(posting.processInstanceId()).isEqualTo(lending.getId());
        assertThat(posting.postingKey()).isEqualTo(lending.getId() + ":Task_ChargeLendingFee:LENDING_FEE:1");
        assertThat(posting.postedBy()).isEqualTo("process:fees-record-charge");
        assertThat(posting.reason()).isEqualTo("Charge lending fee");
    }

    @Test
    void aJobRetriedAfterTheChargeWasPostedPostsItOnce() {
        AtomicBoolean failed = new AtomicBoolean();
        Mocks.register("recordCharge", (JavaDelegate) execution -> {
            recordCharge.execute(execution);
            if (!failed.getAndSet(true)) {
                throw new IllegalStateException("node lost after posting");
            }
        });
        ProcessInstance lending = lent("5.00", "CAD");

        assertThatThrownBy(() -> managementService().executeJob(job(lending).getId())).hasMessageContaining("node lost after posting");
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_Wait");
        assertThat(LEDGER.postingsForRequest(businessKey)).hasSize(1);
    }

    @Test
    void comingBackToTheStepPostsAgain() {
        ProcessInstance lending = lent("5.00", "CAD");
        execute(job(lending));
        continueFromWait(lending, true);
        execute(job(lending));
        continueFromWait(lending, false);

        assertThat(lending).isEnded();
        assertThat(LEDGER.postingsForRequest(businessKey)).extracting(Posting::postingKey).containsExactly(
                lending.getId() + ":Task_ChargeLendingFee:LENDING_FEE:1", lending.getId() + ":Task_ChargeLendingFee:LENDING_FEE:2");
    }

    @Test
    void aFreeLoanPostsNothing() {
        ProcessInstance free = lent("0.00", "CAD");
        execute(job(free));
        ProcessInstance noFee = lent(null, null);
        execute(job(noFee));

        assertThat(free).isWaitingAt("Task_Wait");
        assertThat(noFee).isWaitingAt("Task_Wait");
        assertThat(LEDGER.postingsForRequest(businessKey)).isEmpty();
    }

    @Test
    void aDoubleIsTakenAsTheDecimalItPrintsAs() {
        ProcessInstance lending = lent(0.1, "USD");
        execute(job(lending));

        assertThat(onlyPosting().amount()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void aChargeTheLedgerRefusesGoesToStaffWithTheReason() {
        ProcessInstance unknownCurrency = lent("5.00", "XYZ");
        execute(job(unknownCurrency));
        ProcessInstance tooPrecise = lent("5.005", "CAD");
        execute(job(tooPrecise));

        assertThat(unknownCurrency).isWaitingAt("Task_CheckCharge").variables().extractingByKey("ledgerRefusal").asString()
                .contains("currency 'XYZ' is not an ISO 4217 code");
        assertThat(task(unknownCurrency)).hasCandidateGroup("ill-lending");
        assertThat(tooPrecise).isWaitingAt("Task_CheckCharge").variables().extractingByKey("ledgerRefusal").asString()
                .contains("amount 5.005 has more decimals than CAD has (2)");
        assertThat(LEDGER.postingsForRequest(businessKey)).isEmpty();
    }

    @Test
    void aChargeInACurrencyWithoutARateGoesToStaffNotConvertedByGuess() {
        ProcessInstance lending = lent("150.00", "SEK");
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_CheckCharge").variables().extractingByKey("ledgerRefusal").asString()
                .contains("currency no SEK exchange rate on or before " + LocalDate.now(TestLedgers.ZONE));
        assertThat(LEDGER.postingsForRequest(businessKey)).isEmpty();
    }

    @Test
    void aChargeInAnotherCurrencyIsPostedWithItsHomeAmount() {
        ProcessInstance lending = lent("35.00", "USD");
        execute(job(lending));

        assertThat(onlyPosting().homeAmount()).isEqualTo(new BigDecimal("49.04")); // 35.00 × 1.4012 (TestLedgers.USD_RATE) = 49.042
        assertThat(onlyPosting().rateSource()).isEqualTo("Bank of Canada FXUSDCAD");
    }

    @Test
    void somethingThatIsNotAnAmountGoesToStaffToo() {
        ProcessInstance lending = lent("five dollars", "CAD");
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_CheckCharge").variables().extractingByKey("ledgerRefusal").asString()
                .contains("amount 'five dollars' is not an amount");
    }

    private ProcessInstance lent(Object lendingFee, String feeCurrency) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerAgencyId", "ISIL:CA-OKQ");
        variables.put("lendingFee", lendingFee);
        variables.put("feeCurrency", feeCurrency);
        return runtimeService().startProcessInstanceByKey("fees-record-charge", businessKey, variables);
    }

    private static void continueFromWait(ProcessInstance lending, boolean chargeAgain) {
        String waiting = runtimeService().createExecutionQuery().processInstanceId(lending.getId()).activityId("Task_Wait").singleResult().getId();
        runtimeService().signal(waiting, Map.of("chargeAgain", chargeAgain));
    }

    private Posting onlyPosting() {
        List<Posting> postings = LEDGER.postingsForRequest(businessKey);
        assertThat(postings).hasSize(1);
        return postings.get(0);
    }
}
