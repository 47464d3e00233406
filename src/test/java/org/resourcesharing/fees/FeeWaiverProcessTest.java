package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.authorizationService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
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
 * Every path of bpmn/fee-waiver.bpmn with the real delegates and a real ledger (on a database of its
 * own here; in the application it shares the engine's transaction). Staff may waive up to CAD 25.00.
 */
@Deployment(resources = {"bpmn/fee-waiver.bpmn", "forms/fee-waiver-start.form", "forms/approve-fee-waiver.form",
        "forms/fee-waiver-refused.form"})
class FeeWaiverProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final TestWaivers FEES = TestWaivers.withStaffLimit("25.00");
    private static final Ledger LEDGER = FEES.ledger();

    /** Every test its own patron: the ledger's database is shared by the tests of this class. */
    private String patron;
    private String request;

    @BeforeEach
    void registerTheDelegates() {
        Mocks.register("checkWaiver", new CheckWaiverDelegate(FEES.waivers()));
        Mocks.register("postWaiver", new PostWaiverDelegate(FEES.waivers()));
        Mocks.register("waiverApproval", new WaiverApprovalListener());
        patron = "P" + UUID.randomUUID().toString().substring(0, 8);
        request = "BR-2026-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        identityService().clearAuthentication();
    }

    @Test
    void withinTheStaffLimitPartOfAChargeIsWaivedAtOnceInTheStaffMembersName() {
        Posting fine = charge(Kind.OVERDUE_FINE, "75.00", "CAD");

        ProcessInstance waiver = ask(fine.id().toString(), "20.00", "Paid at the desk on 2026-03-01, receipt 4411", "bella");

        assertThat(waiver).isEnded().hasPassedInOrder("Task_CheckWaiver", "Task_PostWaiver", "EndEvent_WaiverPosted")
                .hasNotPassed("Task_ApproveWaiver");
        List<Posting> postings = LEDGER.postingsFor(AccountType.PATRON, patron);
        assertThat(postings).hasSize(2);
        Posting posted = postings.get(1);
        assertThat(posted.kind()).isEqualTo(Kind.WAIVER);
        assertThat(posted.direction()).isEqualTo(Direction.PAYABLE);
        assertThat(posted.amount()).isEqualTo(new BigDecimal("20.00"));
        assertThat(posted.currency()).isEqualTo("CAD");
        assertThat(posted.businessKey()).isEqualTo(request);
        assertThat(posted.processInstanceId()).isEqualTo(waiver.getId());
        assertThat(posted.postingKey()).isEqualTo("waiver:" + fine.id() + ":" + waiver.getId());
        assertThat(posted.postedBy()).isEqualTo("bella");
        assertThat(posted.reason()).isEqualTo("Waived: Paid at the desk on 2026-03-01, receipt 4411 (asked by bella, within the staff limit)");
        assertThat(LEDGER.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("55.00"));
        assertThat(waiver).variables().containsEntry("waiverPostingId", posted.id().toString()).containsEntry("accountBalance", "55.00")
                .containsEntry("withinStaffLimit", true).containsEntry("waiveAll", false).containsEntry("waiveAmount", "20.00");
    }

    @Test
    void allOfAChargeWithinTheLimitIsWaivedByReversingIt() {
        Posting fine = charge(Kind.OVERDUE_FINE, "15.00", "CAD");

        ProcessInstance waiver = ask(fine.id().toString(), null, "Patron says it was paid; needs the item for an assignment due tomorrow", "bella");

        assertThat(waiver).isEnded().hasPassed("EndEvent_WaiverPosted");
        Posting reversal = LEDGER.postingsFor(AccountType.PATRON, patron).get(1);
        assertThat(reversal.reverses()).isEqualTo(fine.id());
        assertThat(reversal.amount()).isEqualTo(new BigDecimal("-15.00"));
        assertThat(reversal.kind()).isEqualTo(Kind.OVERDUE_FINE);
        assertThat(reversal.postedBy()).isEqualTo("bella");
        assertThat(LEDGER.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("0.00"));
        assertThat(waiver).variables().containsEntry("waiveAll", true).containsEntry("waiveAmount", "15.00");
    }

    @Test
    void aWaiverStartedFromTasklistIsAskedForByTheSignedInStaffMember() {
        Posting fine = charge(Kind.OVERDUE_FINE, "10.00", "CAD");
        List<Authorization> granted = grantStartingWaivers("ill-borrowing");
        try {
            identityService().setAuthentication("bella", List.of("ill-borrowing"));
            String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("fee-waiver").latestVersion()
                    .singleResult().getId();
            formService().submitStartForm(definition, Map.of("postingId", " " + fine.id() + " ", "waiveAmount", "",
                    "waiverReason", "Paid by e-transfer"));
        } finally {
            identityService().clearAuthentication();
            granted.forEach(authorization -> authorizationService().deleteAuthorization(authorization.getId()));
        }

        Posting reversal = LEDGER.postingsFor(AccountType.PATRON, patron).get(1);
        assertThat(reversal.reverses()).isEqualTo(fine.id());
        assertThat(reversal.postedBy()).isEqualTo("bella");
    }

    @Test
    void aboveTheStaffLimitAManagerApprovesAndTheWaiverIsPostedInTheManagersName() {
        Posting fine = charge(Kind.OVERDUE_FINE, "75.00", "CAD");
        ProcessInstance waiver = ask(fine.id().toString(), null, "Item was returned in the book drop before the due date", "bella");

        assertThat(waiver).isWaitingAt("Task_ApproveWaiver");
        assertThat(task(waiver)).hasCandidateGroup("managers").isNotAssigned();
        assertThat(waiver).variables().containsEntry("requestedBy", "bella").containsEntry("accountType", "PATRON")
                .containsEntry("accountId", patron).containsEntry("postingKind", "OVERDUE_FINE").containsEntry("postingAmount", "75.00")
                .containsEntry("postingCurrency", "CAD").containsEntry("postingRequest", request).containsEntry("postingReason", "Overdue")
                .containsEntry("alreadyWaived", "0.00").containsEntry("outstanding", "75.00").containsEntry("accountBalance", "75.00")
                .containsEntry("waiveAmount", "75.00").containsEntry("staffLimit", "CAD 25.00").containsEntry("withinStaffLimit", false);
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron)).hasSize(1); // nothing posted before the approval

        decideAs(waiver, "max", "approve", "Book drop log confirms it");
        execute(job(waiver)); // after the approval

        assertThat(waiver).isEnded().hasPassedInOrder("Task_ApproveWaiver", "Task_PostWaiver", "EndEvent_WaiverPosted");
        Posting reversal = LEDGER.postingsFor(AccountType.PATRON, patron).get(1);
        assertThat(reversal.reverses()).isEqualTo(fine.id());
        assertThat(reversal.postedBy()).isEqualTo("max");
        assertThat(reversal.reason()).isEqualTo(
                "Waived: Item was returned in the book drop before the due date (asked by bella; approved by max: Book drop log confirms it)");
        assertThat(LEDGER.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("0.00"));
    }

    @Test
    void aManagerWhoAskedForAWaiverAboveTheLimitMayNotDecideItAnotherManagerDoes() {
        Posting lost = charge(Kind.LOST_ITEM, "150.00", "CAD");
        ProcessInstance waiver = ask(lost.id().toString(), null, "Found on our own shelf, never lent", "max");
        String taskId = task(waiver).getId();

        assertThatThrownBy(() -> decideAs(waiver, "max", "approve", "Agreed")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("max asked for this waiver, so another manager approves or refuses it");
        assertThatThrownBy(() -> taskService().setAssignee(taskId, "max")).as("assigned to the manager who asked")
                .hasMessageContaining("another manager");
        assertThat(task(waiver)).isNotAssigned();
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron)).hasSize(1);

        decideAs(waiver, "ines", "approve", "Shelf check confirms it");
        execute(job(waiver));
        assertThat(waiver).isEnded().hasPassed("EndEvent_WaiverPosted");
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron).get(1).postedBy()).isEqualTo("ines");
    }

    @Test
    void aboveTheStaffLimitAManagerRefusesAndTheStaffMemberIsToldWhy() {
        Posting lost = charge(Kind.LOST_ITEM, "150.00", "CAD");
        ProcessInstance waiver = ask(lost.id().toString(), "150.00", "Patron cannot pay", "bella");

        decideAs(waiver, "max", "refuse", "Offer a payment plan instead; lost items are not waived");
        execute(job(waiver));

        assertThat(waiver).isWaitingAt("Task_WaiverRefused").hasNotPassed("Task_PostWaiver");
        assertThat(task(waiver)).isAssignedTo("bella");
        assertThat(waiver).variables().containsEntry("decidedBy", "max")
                .containsEntry("decisionNote", "Offer a payment plan instead; lost items are not waived");
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron)).hasSize(1);

        taskService().complete(task(waiver).getId());
        execute(job(waiver));
        assertThat(waiver).isEnded().hasPassed("EndEvent_WaiverRefused");
        assertThat(LEDGER.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("150.00"));
    }

    @Test
    void aChargeReversedWhileTheManagerDecidedIsNotWaivedAgainAndTheStaffMemberIsToldWhy() {
        Posting fine = charge(Kind.OVERDUE_FINE, "60.00", "CAD");
        ProcessInstance waiver = ask(fine.id().toString(), null, "Returned on time", "bella");
        decideAs(waiver, "max", "approve", "Agreed");
        LEDGER.reverse(fine.id(), "admin", "Charged by mistake");

        execute(job(waiver));

        assertThat(waiver).isWaitingAt("Task_WaiverRefused");
        assertThat(task(waiver)).isAssignedTo("bella");
        assertThat(waiver).variables().extractingByKey("waiverRefusal").asString()
                .isEqualTo("The ledger did not take the waiver: postingId posting " + fine.id() + " has been reversed; nothing is left to waive");
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron)).hasSize(2);
    }

    @Test
    void theRestOfAPartlyWaivedChargeIsWaivedByAWaiverPostingNotAReversal() {
        Posting fine = charge(Kind.OVERDUE_FINE, "30.00", "CAD");
        ask(fine.id().toString(), "10.00", "Two days the library was closed", "bella");

        ProcessInstance rest = ask(fine.id().toString(), null, "Paid the rest at the desk", "leo");

        assertThat(rest).isEnded().hasPassed("EndEvent_WaiverPosted");
        assertThat(rest).variables().containsEntry("alreadyWaived", "10.00").containsEntry("waiveAmount", "20.00");
        Posting second = LEDGER.postingsFor(AccountType.PATRON, patron).get(2);
        assertThat(second.kind()).isEqualTo(Kind.WAIVER);
        assertThat(second.amount()).isEqualTo(new BigDecimal("20.00"));
        assertThat(second.reverses()).isNull();
        assertThat(LEDGER.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("0.00"));
        assertThatThrownBy(() -> ask(fine.id().toString(), null, "Again", "bella"))
                .hasMessageContaining("postingId posting " + fine.id() + " has been waived in full already");
    }

    @Test
    void aSmallChargeInAnotherCurrencyThanTheLimitsNeedsAManager() {
        Posting fee = charge(Kind.LENDER_CHARGE_PASSED_ON, "10.00", "USD");

        ProcessInstance waiver = ask(fee.id().toString(), null, "Lender waived its fee", "bella");

        assertThat(waiver).isWaitingAt("Task_ApproveWaiver");
    }

    @Test
    void aWaiverThatCannotBeStartsNothingAndSaysWhy() {
        Posting fine = charge(Kind.OVERDUE_FINE, "20.00", "CAD");
        Posting payable = LEDGER.post(new PostingRequest(AccountType.PATRON, patron, Direction.PAYABLE, Kind.DAMAGE, new BigDecimal("5.00"),
                "CAD", request, null, "refund-" + UUID.randomUUID(), "test", "Refund"));
        String unknown = UUID.randomUUID().toString();
        long before = runtimeService().createProcessInstanceQuery().processDefinitionKey("fee-waiver").count();

        assertThatThrownBy(() -> ask(unknown, null, "Paid", "bella")).hasMessageContaining("postingId no posting " + unknown);
        assertThatThrownBy(() -> ask("BR-2026-0042", null, "Paid", "bella"))
                .hasMessageContaining("postingId 'BR-2026-0042' is not a posting id");
        assertThatThrownBy(() -> ask(fine.id().toString(), "20.01", "Paid", "bella"))
                .hasMessageContaining("amount CAD 20.01 is more than the CAD 20.00 outstanding of posting " + fine.id());
        assertThatThrownBy(() -> ask(fine.id().toString(), "5.005", "Paid", "bella"))
                .hasMessageContaining("amount 5.005 has more decimals than CAD has (2)");
        assertThatThrownBy(() -> ask(fine.id().toString(), "0", "Paid", "bella")).hasMessageContaining("amount more than zero");
        assertThatThrownBy(() -> ask(fine.id().toString(), null, " ", "bella")).hasMessageContaining("reason required");
        assertThatThrownBy(() -> ask(payable.id().toString(), null, "Paid", "bella"))
                .hasMessageContaining("is what we owe " + patron + "; only a charge they owe us can be waived");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("fee-waiver").count()).isEqualTo(before);
        assertThat(LEDGER.postingsFor(AccountType.PATRON, patron)).hasSize(2);
    }

    private Posting charge(Kind kind, String amount, String currency) {
        String reason = kind == Kind.OVERDUE_FINE ? "Overdue" : kind.name();
        return LEDGER.post(new PostingRequest(AccountType.PATRON, patron, Direction.RECEIVABLE, kind, new BigDecimal(amount), currency,
                request, null, "test-" + UUID.randomUUID(), "process:borrowing", reason));
    }

    /** As the REST API starts it: the caller named as requestedBy, no engine authentication. */
    private static ProcessInstance ask(String postingId, String amount, String reason, String requestedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("postingId", postingId);
        variables.put("waiveAmount", amount);
        variables.put("waiverReason", reason);
        variables.put("requestedBy", requestedBy);
        return runtimeService().startProcessInstanceByKey("fee-waiver", variables);
    }

    /** A manager claims and completes Approve waiver in Tasklist, signed in. */
    private static void decideAs(ProcessInstance waiver, String manager, String decision, String note) {
        String taskId = task(waiver).getId();
        identityService().setAuthentication(manager, List.of("managers"));
        try {
            taskService().claim(taskId, manager);
            taskService().complete(taskId, Map.of("waiverDecision", decision, "decisionNote", note));
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static List<Authorization> grantStartingWaivers(String group) {
        Authorization definition = authorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        definition.setGroupId(group);
        definition.setResource(Resources.PROCESS_DEFINITION);
        definition.setResourceId("fee-waiver");
        definition.addPermission(Permissions.READ);
        definition.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        Authorization instances = authorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instances.setGroupId(group);
        instances.setResource(Resources.PROCESS_INSTANCE);
        instances.setResourceId(Authorization.ANY);
        instances.addPermission(Permissions.CREATE);
        return List.of(authorizationService().saveAuthorization(definition), authorizationService().saveAuthorization(instances));
    }
}
