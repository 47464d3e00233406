package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.CatalogueQuery;
import org.resourcesharing.catalogue.CatalogueRecord;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;
import org.resourcesharing.catalogue.CatalogueRecord.MaterialType;
import org.resourcesharing.catalogue.CatalogueSource;
import org.resourcesharing.catalogue.CatalogueUnavailableException;
import org.resourcesharing.fees.Ledger;
import org.resourcesharing.fees.Posting;
import org.resourcesharing.fees.RecordChargeDelegate;
import org.resourcesharing.fees.TestLedgers;
import org.resourcesharing.iso18626.Iso18626Events;
import org.resourcesharing.iso18626.Iso18626Messages;
import org.resourcesharing.iso18626.Iso18626TestSenders;
import org.resourcesharing.iso18626.Iso18626TestSenders.RecordingSender;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.SendIso18626MessageDelegate;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.mail.TestNotifications;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = {"bpmn/lending.bpmn", "bpmn/lending-policy.dmn", "bpmn/copy-copyright.dmn", "forms/review-lending-request.form",
        "forms/resolve-partner-error.form", "forms/confirm-email-request.form", "forms/pull-item.form", "forms/pack-and-ship.form",
        "forms/check-in-item.form", "forms/resolve-damaged-item.form", "forms/recall-item.form",
        "forms/respond-to-cancellation.form", "forms/copyright-review.form", "forms/correct-charge.form", "forms/lending-start.form"})
class LendingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final CatalogueRecord DIVINERS_ON_OUR_SHELF = new CatalogueRecord("rsw000042", "The diviners", "Laurence, Margaret",
            1974, MaterialType.BOOK, List.of("9780771047619"), List.of(), List.of(), List.of(),
            List.of(new Item("ISIL:CA-OPETB", "STACKS", "PS8523.A86 D5 1974", "39000042", "BOOK", Availability.ON_SHELF, null)));

    private static final LendingProperties PROPERTIES = new LendingProperties(4, Period.ofDays(1), 3, Duration.ofDays(7), 1, 4, Period.ofDays(30),
            Period.ofDays(14), Map.of("1234-5679", "NOT_PERMITTED"));
    /** Queen's takes ISO 18626 messages; Vienna only email. */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "ISIL:CA-OKQ", new Partner("ISIL:CA-OKQ", "Queen's University Library", false, "https://queens.example.ca/iso18626", "ill@queens.example.ca",
                    "ocul", "CAD", BigDecimal.ZERO, Duration.ofDays(3), null, true),
            "ISIL:AT-UBW", new Partner("ISIL:AT-UBW", "Universitätsbibliothek Wien", false, null, "fernleihe@univie.example.ac.at",
                    "international", "EUR", BigDecimal.ZERO, Duration.ofDays(5), null, true));

    /** A real ledger on its own database: postings are looked up by request, so the tests share it. */
    private static final Ledger LEDGER = TestLedgers.newLedger();

    private RecordingSender sender;
    private TestNotifications notifications;
    private CatalogueSource catalogueAnswers = query -> List.of(DIVINERS_ON_OUR_SHELF);

    /** The network ends here: partners' endpoints and the catalogue are stand-ins, the delegates are the real ones. */
    @BeforeEach
    void replaceTheNetworkAtTheDelegatesBoundary() {
        sender = Iso18626TestSenders.recording();
        notifications = new TestNotifications();
        Mocks.register("tellBorrower", new TellBorrowerDelegate(new SendIso18626MessageDelegate(sender),
                new SendNotificationDelegate(notifications, historyService()), agencyId -> Optional.ofNullable(PARTNERS.get(agencyId))));
        Mocks.register("applyLendingPolicy", new ApplyLendingPolicyDelegate(decisionService(), PROPERTIES));
        Mocks.register("checkCopyCopyright", new CheckCopyCopyrightDelegate(decisionService(), PROPERTIES,
                Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneId.of("America/Toronto"))));
        Mocks.register("setLoanDueDate", new SetLoanDueDateDelegate(PROPERTIES));
        Mocks.register("recordCharge", new RecordChargeDelegate(LEDGER, historyService()));
        CatalogueSource catalogue = query -> catalogueAnswers.search(query);
        Mocks.register("lookUpLendingAvailability",
                new LookUpLendingAvailabilityDelegate(new Catalogue(catalogue, catalogue, () -> Set.of("ISIL:CA-OPETB", "ISIL:CA-OODT"))));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aRequestWeCanSupplyIsAnsweredWillSupply() {
        ProcessInstance lending = requestReceived();
        assertThat(task(lending)).hasCandidateGroup("ill-lending");

        complete(task(lending), withVariables("supplyDecision", "supply", "answerNote", "Shipping by Canada Post today"));
        execute(job(lending)); // after the review
        execute(job(lending)); // the answer

        assertThat(lending).isWaitingAt("Task_PullItem").hasPassed("Task_AnswerWillSupply");
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("WillSupply");
        assertThat(answer.getMessageInfo().getReasonForMessage().value()).isEqualTo("RequestResponse");
        assertThat(answer.getMessageInfo().getNote()).isEqualTo("Shipping by Canada Post today");
        assertThat(answer.getHeader().getRequestingAgencyRequestId()).isEqualTo("QU-2026-0042");
        assertThat(answer.getHeader().getSupplyingAgencyRequestId()).isEqualTo("L-7F3A09B1");
        assertThat(answer.getHeader().getRequestingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
        assertThat(sender.businessKeys()).containsExactly("ISIL:CA-OKQ/QU-2026-0042");
    }

    @Test
    void aCopyIsScannedAndDeliveredWithItsDownloadLinkAndNeverGoesDownTheLoanSteps() {
        catalogueAnswers = query -> List.of(new CatalogueRecord("rsw000120", "Canadian journal of fisheries and aquatic sciences", null,
                1980, MaterialType.SERIAL, List.of(), List.of("0706-652X"), List.of(), List.of(),
                List.of(new Item("ISIL:CA-OPETB", "PERIODICALS", "SH1 .J6", "39000120", "JOURNAL", Availability.IN_LIBRARY_USE, null))));
        Map<String, Object> request = partnerRequest("Canadian journal of fisheries and aquatic sciences", null);
        request.putAll(Map.of("serviceType", "Copy", "titleOfComponent", "Lake trout in the Kawarthas", "pagesRequested", "101-112",
                "maximumCost", "10.00", "maximumCostCurrency", "CAD", "publicationDate", "2019"));
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0050").setVariables(request).correlateStartMessage();
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_ReviewRequest").variables().containsEntry("policyDecision", "copy")
                .containsEntry("lendingFee", "5.00");
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));

        assertThat(task(lending)).hasDefinitionKey("Task_ScanAndDeliver").hasCandidateGroup("ill-lending");
        complete(task(lending), withVariables("deliveryUrl", "https://dd.library.example.ca/d/8f3a", "pagesSent", 12));
        execute(job(lending)); // after the scan
        execute(job(lending)); // CopyCompleted
        execute(job(lending)); // our fee

        assertThat(lending).isEnded().hasPassed("Task_CheckCopyright", "Task_SendCopyCompleted", "EndEvent_CopyDelivered")
                .hasNotPassed("Task_PullItem", "Task_OfferTerms", "Task_CopyrightReview");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(lending.getId()).variableName("copyrightBasis")
                .singleResult().getValue()).isEqualTo("Copyright Act s.30.2(2)");
        assertThat(postingsOf(lending)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).isEqualTo(Posting.Kind.LENDING_FEE);
            assertThat(posting.amount()).isEqualByComparingTo("5.00");
            assertThat(posting.currency()).isEqualTo("CAD");
        });
        SupplyingAgencyMessage completed = sender.last().getSupplyingAgencyMessage();
        assertThat(completed.getStatusInfo().getStatus().value()).isEqualTo("CopyCompleted");
        assertThat(completed.getMessageInfo().getNote()).isEqualTo("Download: https://dd.library.example.ca/d/8f3a");
    }

    @Test
    void aLoanIsPulledShippedAndCompletedWhenItComesBackInGoodCondition() {
        ProcessInstance lending = loanShipped();

        SupplyingAgencyMessage loaned = sender.last().getSupplyingAgencyMessage();
        assertThat(loaned.getStatusInfo().getStatus().value()).isEqualTo("Loaned");
        assertThat(Iso18626Messages.offsetDateTime(loaned.getStatusInfo().getDueDate()).toLocalDate())
                .isEqualTo(LocalDate.now().plusWeeks(6)); // the policy's period for an Ontario university
        assertThat(loaned.getDeliveryInfo().getItemId()).isEqualTo("39000042");
        assertThat(loaned.getDeliveryInfo().getSentVia().getValue()).isEqualTo("CanadaPost");
        assertThat(loaned.getMessageInfo().getNote()).isEqualTo("Tracking number: 7023 1234 5678 9012");

        runtimeService().createMessageCorrelation("ISO18626 Received").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042").correlate();
        assertThat(lending).isWaitingAt("Task_AwaitReturn").hasPassed("EndEvent_ReceivedNoted");
        runtimeService().createMessageCorrelation("ISO18626 ShippedReturn").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042").correlate();
        execute(job(lending));
        assertThat(task(lending)).hasDefinitionKey("Task_CheckIn").hasCandidateGroup("ill-lending");
        complete(task(lending), withVariables("returnCondition", "fine"));
        execute(job(lending)); // after the check-in
        execute(job(lending)); // LoanCompleted
        execute(job(lending)); // our fee: none to an Ontario university
        execute(job(lending)); // no damage

        assertThat(lending).isEnded().hasPassed("EndEvent_LoanCompleted").hasNotPassed("Task_ResolveDamage");
        assertThat(postingsOf(lending)).as("a free loan and no damage post nothing").isEmpty();
        assertThat(sender.last().getSupplyingAgencyMessage().getStatusInfo().getStatus().value()).isEqualTo("LoanCompleted");
    }

    @Test
    void aDamagedReturnIsResolvedByStaffBeforeTheLoanIsCompleted() {
        ProcessInstance lending = loanShipped();
        runtimeService().createMessageCorrelation("ISO18626 ShippedReturn").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042").correlate();
        execute(job(lending));

        complete(task(lending), withVariables("returnCondition", "damaged", "checkInNote", "Water damage on pages 40-60"));
        execute(job(lending));
        assertThat(task(lending)).hasDefinitionKey("Task_ResolveDamage");
        complete(task(lending), withVariables("damageResolution", "Queen's pays the repair", "chargeAmount", "45.00", "chargeCurrency", "CAD"));
        execute(job(lending)); // LoanCompleted
        execute(job(lending)); // our fee: none to an Ontario university
        execute(job(lending)); // the repair

        assertThat(lending).isEnded().hasPassed("Task_ResolveDamage", "Task_ChargeDamage", "EndEvent_LoanCompleted");
        assertThat(sender.last().getSupplyingAgencyMessage().getMessageInfo().getNote()).isEqualTo("Water damage on pages 40-60");
        assertThat(postingsOf(lending)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).isEqualTo(Posting.Kind.DAMAGE);
            assertThat(posting.accountId()).isEqualTo("ISIL:CA-OKQ");
            assertThat(posting.direction()).isEqualTo(Posting.Direction.RECEIVABLE);
            assertThat(posting.amount()).isEqualByComparingTo("45.00");
            assertThat(posting.currency()).isEqualTo("CAD");
        });
    }

    @Test
    void anItemNotBackLongAfterItsDueDateIsPresumedLostSettledByStaffAndChargedOnce() {
        ProcessInstance lending = loanShipped();
        Job lost = managementService().createJobQuery().processInstanceId(lending.getId()).timers().activityId("Event_PresumedLost").singleResult();
        assertThat(lost.getDuedate()).isEqualTo(java.util.Date.from(LocalDate.now().plusWeeks(6).plusDays(30).atTime(9, 0)
                .atZone(ZoneId.systemDefault()).toInstant()));

        execute(lost);
        assertThat(task(lending)).hasDefinitionKey("Task_ResolveDamage");
        assertThat(lending).variables().containsEntry("returnCondition", "lost");
        complete(task(lending), withVariables("damageResolution", "Replacement cost and processing", "chargeAmount", "150.00",
                "chargeCurrency", "XCD1"));
        execute(job(lending)); // CompletedWithoutReturn
        execute(job(lending)); // our fee: none
        execute(job(lending)); // the charge, which the ledger refuses
        assertThat(task(lending)).hasDefinitionKey("Task_CorrectDamageCharge").hasCandidateGroup("ill-lending");
        assertThat(lending).variables().extractingByKey("ledgerError").asString().contains("currency");
        complete(task(lending), withVariables("chargeCurrency", "CAD"));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_LoanCompleted").hasNotPassed("Task_CheckIn");
        assertThat(sender.last().getSupplyingAgencyMessage().getStatusInfo().getStatus().value()).isEqualTo("CompletedWithoutReturn");
        assertThat(postingsOf(lending)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).isEqualTo(Posting.Kind.LOST_ITEM);
            assertThat(posting.amount()).isEqualByComparingTo("150.00");
        });
    }

    @Test
    void aLoanWithAFeeTheBorrowerAcceptedInAdvanceIsInvoicedInItsCurrencyWhenItComesBack() {
        Map<String, Object> request = partnerRequestFromTier("canada");
        request.putAll(Map.of("maximumCost", "20.00", "maximumCostCurrency", "CAD"));
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099").setVariables(request).correlateStartMessage();
        execute(job(lending));
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_PullItem").hasNotPassed("Task_OfferTerms");
        complete(task(lending), withVariables("itemBarcode", "39000042"));
        execute(job(lending));
        complete(task(lending), withVariables("shippingMethod", "ConsortiumCourier"));
        execute(job(lending));
        execute(job(lending));
        runtimeService().createMessageCorrelation("ISO18626 ShippedReturn").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099").correlate();
        execute(job(lending));
        complete(task(lending), withVariables("returnCondition", "fine"));
        execute(job(lending));
        execute(job(lending));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded();
        assertThat(postingsOf(lending)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).isEqualTo(Posting.Kind.LENDING_FEE);
            assertThat(posting.amount()).isEqualByComparingTo("15.00");
            assertThat(posting.currency()).isEqualTo("CAD");
            assertThat(posting.postedBy()).isEqualTo("process:lending");
        });
    }

    @Test
    void anItemNotBackAfterItsDueDateAndGraceBringsOverdueNotices() {
        ProcessInstance lending = loanShipped();

        Job overdue = managementService().createJobQuery().processInstanceId(lending.getId()).timers().activityId("Event_Overdue").singleResult();
        assertThat(LocalDate.ofInstant(overdue.getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(LocalDate.now().plusWeeks(6).plusDays(1));
        execute(overdue);
        execute(managementService().createJobQuery().processInstanceId(lending.getId()).activityId("Task_SendOverdue").singleResult());

        assertThat(sender.last().getSupplyingAgencyMessage().getStatusInfo().getStatus().value()).isEqualTo("Overdue");
        assertThat(lending).isWaitingAt("Task_AwaitReturn").hasPassed("EndEvent_OverdueSent");
        assertThat(notifications.sent()).as("the overdue notice also reaches a person at the library").singleElement().satisfies(email -> {
            assertThat(email.recipient()).isEqualTo("ill@queens.example.ca");
            assertThat(email.model()).containsEntry("status", "Overdue");
        });
        assertThat(managementService().createJobQuery().processInstanceId(lending.getId()).timers().activityId("Event_Overdue").count())
                .as("the next notice is scheduled").isOne();
    }

    @Test
    void aFirstRenewalIsGrantedAndASecondRefusedWithTheOneRenewalConfigured() {
        ProcessInstance lending = loanShipped();
        LocalDate due = LocalDate.now().plusWeeks(6);

        renew(lending);
        SupplyingAgencyMessage granted = sender.last().getSupplyingAgencyMessage();
        renew(lending);
        SupplyingAgencyMessage refused = sender.last().getSupplyingAgencyMessage();

        assertThat(granted.getMessageInfo().getReasonForMessage().value()).isEqualTo("RenewResponse");
        assertThat(granted.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
        assertThat(Iso18626Messages.offsetDateTime(granted.getStatusInfo().getDueDate()).toLocalDate()).isEqualTo(due.plusWeeks(4));
        assertThat(refused.getMessageInfo().getAnswerYesNo().value()).isEqualTo("N");
        assertThat(Iso18626Messages.offsetDateTime(refused.getStatusInfo().getDueDate()).toLocalDate()).isEqualTo(due.plusWeeks(4));
        assertThat(lending).isWaitingAt("Task_AwaitReturn").variables().containsEntry("renewals", 1);
        Job overdue = managementService().createJobQuery().processInstanceId(lending.getId()).timers().activityId("Event_Overdue").singleResult();
        assertThat(LocalDate.ofInstant(overdue.getDuedate().toInstant(), ZoneId.systemDefault())).as("overdue moved with the renewal")
                .isEqualTo(due.plusWeeks(4).plusDays(1));
    }

    @Test
    void staffRecallAnItemWithANewDueDateAndTheOverdueNoticesFollowIt() {
        ProcessInstance lending = loanShipped();

        runtimeService().createMessageCorrelation("Recall requested").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042").correlate();
        assertThat(task(lending)).hasDefinitionKey("Task_RecallItem").hasCandidateGroup("ill-lending");
        LocalDate recallDue = LocalDate.now().plusDays(10);
        complete(task(lending), withVariables("recallDueDate", recallDue.toString(), "recallReason", "Needed for a course reserve"));
        execute(job(lending));

        SupplyingAgencyMessage recalled = sender.last().getSupplyingAgencyMessage();
        assertThat(recalled.getStatusInfo().getStatus().value()).isEqualTo("Recalled");
        assertThat(recalled.getMessageInfo().getNote()).isEqualTo("Needed for a course reserve");
        assertThat(Iso18626Messages.offsetDateTime(recalled.getStatusInfo().getDueDate()).toLocalDate()).isEqualTo(recallDue);
        assertThat(lending).isWaitingAt("Task_AwaitReturn");
        Job overdue = managementService().createJobQuery().processInstanceId(lending.getId()).timers().activityId("Event_Overdue").singleResult();
        assertThat(LocalDate.ofInstant(overdue.getDuedate().toInstant(), ZoneId.systemDefault())).isEqualTo(recallDue.plusDays(1));
    }

    private void renew(ProcessInstance lending) {
        runtimeService().createMessageCorrelation("ISO18626 Renew").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042")
                .setVariable("requesterAction", "Renew").correlate();
        execute(job(lending)); // the answer
    }

    @Test
    void aCancellationBeforeTheItemIsPulledIsConfirmedAtOnce() {
        ProcessInstance lending = willSupply();

        runtimeService().createMessageCorrelation("ISO18626 Cancel").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042").correlate();
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Event_CancelBeforePulling", "Task_ConfirmCancel", "EndEvent_Cancelled")
                .hasNotPassed("Task_PackAndShip");
        SupplyingAgencyMessage answer = sender.last().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
        assertThat(answer.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
    }

    @Test
    void aCancellationAfterPullingThatStaffAcceptEndsTheRequest() {
        ProcessInstance lending = pulled();

        cancel();
        Task respond = taskService().createTaskQuery().processInstanceId(lending.getId()).taskDefinitionKey("Task_RespondToCancel").singleResult();
        taskService().complete(respond.getId(), withVariables("cancelAccepted", true));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Task_AcceptCancel", "EndEvent_CancelledAfterPulling").hasNotPassed("Task_SendLoaned");
        SupplyingAgencyMessage answer = sender.last().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
        assertThat(answer.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("Cancelled");
    }

    @Test
    void aCancellationAfterPullingThatStaffDeclineLetsTheLoanGoOn() {
        ProcessInstance lending = pulled();

        cancel();
        Task respond = taskService().createTaskQuery().processInstanceId(lending.getId()).taskDefinitionKey("Task_RespondToCancel").singleResult();
        taskService().complete(respond.getId(), withVariables("cancelAccepted", false, "cancelNote", "Already with the courier"));
        execute(job(lending));

        SupplyingAgencyMessage answer = sender.last().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getAnswerYesNo().value()).isEqualTo("N");
        assertThat(answer.getMessageInfo().getNote()).isEqualTo("Already with the courier");
        assertThat(lending).isWaitingAt("Task_PackAndShip").hasPassed("EndEvent_CancelDeclined");
        complete(task(lending), withVariables("shippingMethod", "ConsortiumCourier"));
        execute(job(lending));
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_AwaitReturn");
    }

    private ProcessInstance pulled() {
        ProcessInstance lending = willSupply();
        complete(task(lending), withVariables("itemBarcode", "39000042"));
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_PackAndShip");
        return lending;
    }

    private static void cancel() {
        runtimeService().createMessageCorrelation("ISO18626 Cancel").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042")
                .setVariable("requesterNote", "Our patron found a copy").correlate();
    }

    @Test
    void aPartnerRefusingALoanMessageGoesToStaff() {
        ProcessInstance lending = willSupply();
        complete(task(lending), withVariables("itemBarcode", "39000042"));
        execute(job(lending));
        complete(task(lending), withVariables("shippingMethod", "ConsortiumCourier"));
        sender.refuseWith("UnrecognisedDataValue: requestingAgencyRequestId QU-2026-0042 was cancelled");
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_ResolveLoanMessageError")
                .variables().extractingByKey("partnerError").asString().contains("was cancelled");
    }

    private ProcessInstance willSupply() {
        ProcessInstance lending = requestReceived();
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_PullItem");
        return lending;
    }

    /** Pulled, packed, shipped by Canada Post: Loaned sent, waiting for the item to come back. */
    private ProcessInstance loanShipped() {
        ProcessInstance lending = willSupply();
        assertThat(task(lending)).hasCandidateGroup("ill-lending");
        complete(task(lending), withVariables("itemBarcode", "39000042"));
        execute(job(lending));
        complete(task(lending), withVariables("shippingMethod", "CanadaPost", "trackingNumber", "7023 1234 5678 9012"));
        execute(job(lending)); // after packing: the due date
        execute(job(lending)); // Loaned
        assertThat(lending).isWaitingAt("Task_AwaitReturn");
        return lending;
    }

    @Test
    void aRequestWeCannotSupplyIsAnsweredUnfilledWithTheReason() {
        ProcessInstance lending = requestReceived();

        complete(task(lending), withVariables("supplyDecision", "unfilled", "reasonUnfilled", "NotHeld"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Task_AnswerUnfilled", "EndEvent_Unfilled");
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("Unfilled");
        assertThat(answer.getMessageInfo().getReasonUnfilled().getValue()).isEqualTo("NotHeld");
        assertThat(answer.getMessageInfo().getNote()).isNull();
    }

    @Test
    void aCancellationBeforeOurAnswerIsConfirmed() {
        ProcessInstance lending = requestReceived();

        runtimeService().createMessageCorrelation("ISO18626 Cancel").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042")
                .setVariable("requesterAction", "Cancel").correlate();
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Event_CancelReceived", "Task_ConfirmCancel", "EndEvent_Cancelled")
                .hasNotPassed("Gateway_CanSupply");
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
        assertThat(answer.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("Cancelled");
    }

    @Test
    void aCancellationThatComesBeforeTheCatalogueCheckIsConfirmedAndNothingElseIsDone() {
        List<CatalogueQuery> queries = new ArrayList<>();
        catalogueAnswers = query -> {
            queries.add(query);
            return List.of(DIVINERS_ON_OUR_SHELF);
        };
        ProcessInstance lending = requestJustArrived();
        assertThat(lending).isWaitingAt("Task_CheckCatalogue");

        runtimeService().createMessageCorrelation("ISO18626 Cancel").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042")
                .setVariable("requesterAction", "Cancel").correlate();
        assertThat(managementService().createJobQuery().processInstanceId(lending.getId()).count())
                .as("the catalogue check is dropped; only the confirmation is to be sent").isOne();
        assertThat(managementService().createJobQuery().processInstanceId(lending.getId()).activityId("Task_ConfirmCancel").count()).isOne();
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Event_CancelReceived", "Task_ConfirmCancel", "EndEvent_Cancelled")
                .hasNotPassed("Task_CheckCatalogue", "Task_ApplyPolicy", "Task_ReviewRequest", "Task_AnswerAtOnce");
        assertThat(queries).as("the catalogue is never asked").isEmpty();
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
        assertThat(answer.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("Cancelled");
    }

    @Test
    void aCancellationAfterStaffDecidedButBeforeOurAnswerWentOutIsConfirmedInsteadOfTheAnswer() {
        ProcessInstance lending = requestReceived();
        complete(task(lending), withVariables("supplyDecision", "supply"));
        assertThat(lending).isWaitingAt("Task_ReviewRequest"); // the continuation after the review

        cancel();
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Event_CancelReceived", "EndEvent_Cancelled")
                .hasNotPassed("Gateway_CanSupply", "Task_AnswerWillSupply");
        assertThat(sender.onlySent().getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
    }

    @Test
    void aRequestThePolicyAnswersAtOnceLeavesTheDecisionSoALaterCancellationFindsItAnswered() {
        catalogueAnswers = query -> List.of();
        ProcessInstance lending = requestReceived();

        assertThat(lending).isWaitingAt("Task_AnswerAtOnce").hasPassed("EndEvent_PolicyAnswersAtOnce", "Event_PolicyAnswersAtOnce")
                .hasNotPassed("Task_ReviewRequest");
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(lending.getId()).eventName("ISO18626 Cancel").count())
                .as("the Unfilled is on its way: a Cancel now is confirmed to the partner and kept for staff by the inbox").isZero();
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_AnsweredAtOnce").hasNotPassed("Task_ConfirmCancel");
        assertThat(sender.onlySent().getSupplyingAgencyMessage().getStatusInfo().getStatus().value()).isEqualTo("Unfilled");
    }

    @Test
    void aPartnerErrorGoesToStaffWithThePartnersWords() {
        sender.refuseWith("UnrecognisedDataValue: requestingAgencyRequestId QU-2026-0042 is closed");
        ProcessInstance lending = requestReceived();
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_ResolvePartnerError")
                .variables().extractingByKey("partnerError").asString().contains("QU-2026-0042 is closed");
        assertThat(task(lending)).hasCandidateGroup("ill-lending");
        complete(task(lending), withVariables("resolutionNote", "Emailed Queen's ILL; they re-sent the request"));

        assertThat(lending).isEnded().hasPassed("Event_WillSupplyRefused", "EndEvent_ClosedAfterError");
    }

    @Test
    void anUnreachablePartnerIsRetriedFiveTimesThenBecomesAnIncidentAndTheRequestStays() {
        sender.failTechnically();
        ProcessInstance lending = requestReceived();
        complete(task(lending), withVariables("supplyDecision", "unfilled", "reasonUnfilled", "NotOnShelf"));
        execute(job(lending));

        Job send = job(lending);
        assertThat(send.getRetries()).isEqualTo(5); // R5/PT5M
        List<Integer> retriesLeft = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                managementService().executeJob(send.getId());
            } catch (RuntimeException expected) {
                retriesLeft.add(managementService().createJobQuery().jobId(send.getId()).singleResult().getRetries());
            }
        }

        assertThat(retriesLeft).containsExactly(4, 3, 2, 1, 0);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(lending.getId()).singleResult().getIncidentMessage())
                .contains("unreachable");
        assertThat(lending).isActive().isWaitingAt("Task_AnswerUnfilled");
        assertThat(sender.attempts()).isEqualTo(5);
    }

    @Test
    void theCatalogueCheckTellsStaffWhereOurCopyIs() {
        ProcessInstance lending = requestReceived();

        assertThat(lending).isWaitingAt("Task_ReviewRequest").variables()
                .containsEntry("shelfStatus", "ON_SHELF").containsEntry("callNumber", "PS8523.A86 D5 1974")
                .containsEntry("shelfLocation", "STACKS").containsEntry("publicationYear", 1974).containsEntry("materialType", "BOOK");
    }

    @Test
    void theLendingPolicyTellsStaffWhatTheManagersTableSays() {
        ProcessInstance lending = requestReceived();

        assertThat(lending).isWaitingAt("Task_ReviewRequest").hasPassed("Task_ApplyPolicy").variables()
                .containsEntry("policyDecision", "lend").containsEntry("policyReason", "Loan to an Ontario university library")
                .containsEntry("loanPeriodWeeks", 6).containsEntry("lendingFee", "0.00").containsEntry("feeCurrency", "CAD");
    }

    @Test
    void aRequestNoRuleCoversIsLeftToAPerson() {
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0045")
                .setVariables(Map.of("supplyingAgencyId", "ISIL:CA-OPETB", "title", "Unknown book", "serviceType", "Loan"))
                .correlateStartMessage();
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_ReviewRequest").variables()
                .containsEntry("shelfStatus", "ON_SHELF").containsEntry("policyDecision", "review")
                .containsEntry("policyReason", "No lending rule covers this request");
    }

    @Test
    void anItemWeDoNotHoldIsAnsweredUnfilledAtOnceAndABadIdentifierIsNoted() {
        List<CatalogueQuery> queries = new ArrayList<>();
        catalogueAnswers = query -> {
            queries.add(query);
            return List.of();
        };
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0043")
                .setVariables(partnerRequest("The Diviners", "978-0-7710-4761-0"))
                .correlateStartMessage();
        execute(job(lending)); // catalogue and policy
        execute(job(lending)); // the answer

        assertThat(lending).isEnded().hasPassed("Task_AnswerAtOnce", "EndEvent_AnsweredAtOnce").hasNotPassed("Task_ReviewRequest")
                .variables().containsEntry("shelfStatus", "NOT_HELD")
                .extractingByKey("catalogueNote").asString().contains("isbn").contains("check digit");
        assertThat(queries).singleElement().satisfies(query -> {
            assertThat(query.isbn()).isNull();
            assertThat(query.title()).isEqualTo("The Diviners");
        });
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("Unfilled");
        assertThat(answer.getMessageInfo().getReasonUnfilled().getValue()).isEqualTo("NotHeld");
        assertThat(answer.getMessageInfo().getNote()).isEqualTo("We do not hold it");
    }

    @Test
    void anItemOnLoanIsAnsweredRetryPossibleAfterItsDueDate() {
        catalogueAnswers = query -> List.of(withItem(new Item("ISIL:CA-OPETB", "STACKS", "PS8523.A86 D5 1974", "39000042", "BOOK",
                Availability.ON_LOAN, LocalDate.of(2026, 12, 14))));
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0046").setVariables(partnerRequest("The Diviners", "9780771047619"))
                .correlateStartMessage();
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_AnsweredAtOnce");
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getStatusInfo().getStatus().value()).isEqualTo("RetryPossible");
        assertThat(answer.getMessageInfo().getReasonRetry().getValue()).isEqualTo("OnLoan");
        assertThat(Iso18626Messages.offsetDateTime(answer.getMessageInfo().getRetryAfter()).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void aLoanThePolicyRefusesIsAnsweredUnfilledWithTheReason() {
        catalogueAnswers = query -> List.of(withItem(new Item("ISIL:CA-OPETB", "REFERENCE", "AE5 .E363 2004", "39000777", "REFERENCE",
                Availability.IN_LIBRARY_USE, null)));
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0047").setVariables(partnerRequest("The Canadian encyclopedia", null))
                .correlateStartMessage();
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_AnsweredAtOnce").variables().containsEntry("policyDecision", "refuse");
        SupplyingAgencyMessage answer = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(answer.getMessageInfo().getReasonUnfilled().getValue()).isEqualTo("PolicyProblem");
        assertThat(answer.getMessageInfo().getNote()).isEqualTo("Reference works do not circulate");
    }

    @Test
    void aRequestByEmailForAnItemWeDoNotHoldIsAnsweredAtOnceByEmail() {
        catalogueAnswers = query -> List.of();
        ProcessInstance lending = emailRequestReceived();
        complete(task(lending), withVariables("isRequest", true, "title", "Unknown book", "serviceType", "Loan",
                "requesterEmail", "fernleihe@univie.example.ac.at"));
        execute(job(lending)); // after the confirmation
        execute(job(lending)); // the catalogue check
        execute(job(lending)); // the answer

        assertThat(lending).isEnded().hasPassed("Task_AnswerAtOnce", "EndEvent_AnsweredAtOnce");
        assertThat(sender.businessKeys()).isEmpty();
        assertThat(notifications.sent()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo("lending-status");
            assertThat(email.recipient()).isEqualTo("fernleihe@univie.example.ac.at");
            assertThat(email.model()).containsEntry("status", "Unfilled").containsEntry("reasonUnfilled", "NotHeld");
        });
    }

    @Test
    void aCatalogueThatCannotAnswerIsRetriedNotTakenForNotHeld() {
        catalogueAnswers = query -> {
            throw new CatalogueUnavailableException("Koha answered HTTP 503", null);
        };
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0044")
                .setVariables(Map.of("supplyingAgencyId", "ISIL:CA-OPETB", "title", "The Diviners"))
                .correlateStartMessage();

        Job check = job(lending);
        try {
            managementService().executeJob(check.getId());
        } catch (CatalogueUnavailableException expected) {
            // the engine records the failure on the job
        }

        Job failed = managementService().createJobQuery().jobId(check.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("HTTP 503");
        assertThat(lending).isWaitingAt("Task_CheckCatalogue");
        assertThat(runtimeService().getVariable(lending.getId(), "shelfStatus")).isNull();
    }

    @Test
    void aRequestByEmailIsConfirmedByStaffAndEveryStepIsToldByEmail() {
        ProcessInstance lending = emailRequestReceived();
        assertThat(lending).isWaitingAt("Task_ConfirmEmailRequest");
        assertThat(task(lending)).hasCandidateGroup("ill-lending");

        complete(task(lending), withVariables("isRequest", true, "title", "The Diviners", "author", "Laurence",
                "isbn", "9780771047619", "serviceType", "Loan", "requesterEmail", "fernleihe@univie.example.ac.at"));
        execute(job(lending)); // after the confirmation
        execute(job(lending)); // the catalogue check
        assertThat(lending).isWaitingAt("Task_ReviewRequest").variables().containsEntry("shelfStatus", "ON_SHELF");
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending)); // after the review
        execute(job(lending)); // the answer
        assertThat(lending).isWaitingAt("Task_PullItem").hasPassed("Task_AnswerWillSupply");
        complete(task(lending), withVariables("itemBarcode", "39000042"));
        execute(job(lending));
        complete(task(lending), withVariables("shippingMethod", "Courier", "trackingNumber", "1Z999"));
        execute(job(lending));
        execute(job(lending));
        runtimeService().createMessageCorrelation("ISO18626 ShippedReturn").processInstanceBusinessKey("EMAIL-1A2B3C4D").correlate();
        execute(job(lending));
        complete(task(lending), withVariables("returnCondition", "fine"));
        execute(job(lending));
        execute(job(lending));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_LoanCompleted");
        assertThat(sender.businessKeys()).isEmpty();
        assertThat(notifications.sent()).extracting(email -> email.model().get("status")).containsExactly("WillSupply", "Loaned", "LoanCompleted");
        assertThat(notifications.sent()).allSatisfy(email -> {
            assertThat(email.template()).isEqualTo("lending-status");
            assertThat(email.recipient()).isEqualTo("fernleihe@univie.example.ac.at");
            assertThat(email.language()).isEqualTo("de");
        });
        assertThat(notifications.sent().get(1).model()).containsEntry("itemId", "39000042").containsKey("dueDate");
    }

    @Test
    void aRequestTakenByPhoneIsStartedByStaffAndAnsweredByEmail() {
        String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("lending").singleResult().getId();
        ProcessInstance lending = formService().submitStartForm(definition, Map.of("requestingAgencyName", "Bibliothèque de Laval",
                "requesterEmail", "peb@bibl.example.qc.ca", "partnerTier", "canada", "emailLanguage", "fr", "supplyingAgencyId", "ISIL:CA-OPETB",
                "serviceType", "Loan", "title", "The Diviners", "isbn", "9780771047619", "requestNote", "Phoned by Mme Roy"));
        assertThat(lending.getBusinessKey()).isEqualTo("STAFF-" + lending.getId());
        execute(job(lending));
        assertThat(lending).isWaitingAt("Task_ReviewRequest").variables().containsEntry("shelfStatus", "ON_SHELF")
                .containsEntry("requestChannel", "email");

        complete(task(lending), withVariables("supplyDecision", "unfilled", "reasonUnfilled", "NotAvailableForILL"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("StartEvent_StaffRequest", "EndEvent_Unfilled");
        assertThat(sender.businessKeys()).isEmpty();
        assertThat(notifications.sent()).singleElement().satisfies(email -> {
            assertThat(email.recipient()).isEqualTo("peb@bibl.example.qc.ca");
            assertThat(email.language()).isEqualTo("fr");
            assertThat(email.model()).containsEntry("status", "Unfilled");
        });
    }

    @Test
    void aPartnerTheDirectoryListsAsEmailOnlyIsToldByEmailToo() {
        Map<String, Object> request = partnerRequest("The Diviners", "9780771047619");
        request.putAll(Map.of("requestingAgencyId", "ISIL:AT-UBW", "requestingAgencyName", "Universitätsbibliothek Wien",
                "partnerTier", "international"));
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:AT-UBW/W-77").setVariables(request).correlateStartMessage();
        execute(job(lending));
        complete(task(lending), withVariables("supplyDecision", "unfilled", "reasonUnfilled", "NotAvailableForILL"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_Unfilled");
        assertThat(sender.businessKeys()).isEmpty();
        assertThat(notifications.sent()).singleElement().satisfies(email -> {
            assertThat(email.recipient()).isEqualTo("fernleihe@univie.example.ac.at");
            assertThat(email.model()).containsEntry("status", "Unfilled").containsEntry("reasonUnfilled", "NotAvailableForILL");
        });
    }

    @Test
    void aLoanAbroadOffersItsTermsAndGoesAheadOnceTheBorrowerAgrees() {
        ProcessInstance lending = loanAbroadReviewed();

        SupplyingAgencyMessage terms = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(terms.getStatusInfo().getStatus().value()).isEqualTo("ExpectToSupply");
        assertThat(terms.getMessageInfo().getReasonForMessage().value()).isEqualTo("RequestResponse");
        assertThat(terms.getMessageInfo().getOfferedCosts().getMonetaryValue()).isEqualByComparingTo("35.00");
        assertThat(terms.getMessageInfo().getOfferedCosts().getCurrencyCode().getValue()).isEqualTo("USD");
        assertThat(terms.getDeliveryInfo().getLoanCondition().getValue()).isEqualTo("SignatureRequired");
        assertThat(lending).isWaitingAt("Gateway_AwaitTerms");

        borrowerNotifies("Could you ship by air mail?");
        execute(job(lending));
        assertThat(lending).isWaitingAt("Gateway_AwaitTerms").hasPassed("Gateway_Agreed");
        borrowerNotifies(PartnerActionController.AGREEMENT_NOTE + " We agree.");
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isWaitingAt("Task_PullItem").hasPassed("Task_AnswerWillSupply");
        SupplyingAgencyMessage willSupply = sender.last().getSupplyingAgencyMessage();
        assertThat(willSupply.getStatusInfo().getStatus().value()).isEqualTo("WillSupply");
        assertThat(willSupply.getMessageInfo().getReasonForMessage().value()).isEqualTo("StatusChange");
    }

    @Test
    void aBorrowerWhoDeclinesOurTermsCancelsAndWeConfirm() {
        ProcessInstance lending = loanAbroadReviewed();

        runtimeService().createMessageCorrelation("ISO18626 Cancel").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099").correlate();
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Task_ConfirmTermsDeclined", "EndEvent_TermsDeclined").hasNotPassed("Task_PullItem");
        SupplyingAgencyMessage confirmed = sender.last().getSupplyingAgencyMessage();
        assertThat(confirmed.getMessageInfo().getReasonForMessage().value()).isEqualTo("CancelResponse");
        assertThat(confirmed.getMessageInfo().getAnswerYesNo().value()).isEqualTo("Y");
    }

    @Test
    void termsNotAgreedInTheConfiguredTimeEndUnfilled() {
        ProcessInstance lending = loanAbroadReviewed();
        Job timer = managementService().createJobQuery().processInstanceId(lending.getId()).timers().singleResult();
        assertThat(Duration.between(timer.getDuedate().toInstant(), java.time.Instant.now()).abs().minusDays(14).abs())
                .isLessThan(Duration.ofHours(1));

        execute(timer);
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("Task_TermsUnanswered", "EndEvent_TermsUnanswered");
        SupplyingAgencyMessage unfilled = sender.last().getSupplyingAgencyMessage();
        assertThat(unfilled.getStatusInfo().getStatus().value()).isEqualTo("Unfilled");
        assertThat(unfilled.getMessageInfo().getReasonForMessage().value()).isEqualTo("StatusChange");
    }

    @Test
    void aConditionStaffAddInTheReviewIsOfferedEvenWithoutAFee() {
        ProcessInstance lending = requestReceived();
        complete(task(lending), withVariables("supplyDecision", "supply", "loanConditionCode", "LibraryUseOnly",
                "loanConditions", "For use in your library only"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isWaitingAt("Gateway_AwaitTerms");
        SupplyingAgencyMessage terms = sender.onlySent().getSupplyingAgencyMessage();
        assertThat(terms.getDeliveryInfo().getLoanCondition().getValue()).isEqualTo("LibraryUseOnly");
        assertThat(terms.getMessageInfo().getNote()).isEqualTo("For use in your library only");
        assertThat(terms.getMessageInfo().getOfferedCosts()).isNull();
    }

    @Test
    void aCopyOurLicenceForbidsIsAnsweredUnfilledWithTheLicenceAsReason() {
        ProcessInstance lending = copyReviewed("1234-5679", MaterialType.SERIAL, "2019");

        execute(job(lending));
        assertThat(lending).isEnded().hasPassed("Task_AnswerCopyRefused", "EndEvent_CopyRefused").hasNotPassed("Task_ScanAndDeliver");
        SupplyingAgencyMessage refused = sender.last().getSupplyingAgencyMessage();
        assertThat(refused.getStatusInfo().getStatus().value()).isEqualTo("Unfilled");
        assertThat(refused.getMessageInfo().getReasonUnfilled().getValue()).isEqualTo("PolicyProblem");
        assertThat(refused.getMessageInfo().getNote()).contains("licence");
    }

    @Test
    void aBookChapterGoesToCopyrightReviewAndStaffDecide() {
        ProcessInstance lending = copyReviewed(null, MaterialType.BOOK, "2001");
        assertThat(task(lending)).hasDefinitionKey("Task_CopyrightReview").hasCandidateGroup("ill-lending");
        assertThat(lending).variables().containsEntry("copyrightDecision", "review").containsEntry("copyrightBasis", "Fair dealing");

        complete(task(lending), withVariables("copyrightDecision", "allow", "copyrightBasis", "Fair dealing: one chapter"));
        execute(job(lending));

        assertThat(task(lending)).hasDefinitionKey("Task_ScanAndDeliver");
    }

    @Test
    void aCopyStaffFindNotAllowedIsAnsweredUnfilled() {
        ProcessInstance lending = copyReviewed(null, MaterialType.BOOK, "2001");

        complete(task(lending), withVariables("copyrightDecision", "refuse", "copyrightBasis", "Fair dealing",
                "copyrightReason", "The pages asked for are more than one chapter of the book"));
        execute(job(lending));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_CopyRefused");
        assertThat(sender.last().getSupplyingAgencyMessage().getMessageInfo().getNote()).isEqualTo("The pages asked for are more than one chapter of the book");
    }

    /** A copy request from an Ontario library that accepts our fee, reviewed and answered WillSupply: at the copyright step. */
    private ProcessInstance copyReviewed(String issn, MaterialType material, String published) {
        catalogueAnswers = query -> List.of(new CatalogueRecord("rsw000300", "A work", null, 2001, material, List.of(),
                issn == null ? List.of() : List.of(issn), List.of(), List.of(),
                List.of(new Item("ISIL:CA-OPETB", "STACKS", "QA1 .W6", "39000300", "BOOK", Availability.ON_SHELF, null))));
        Map<String, Object> request = partnerRequest("A work", null);
        request.putAll(Map.of("serviceType", "Copy", "titleOfComponent", "Chapter 3", "pagesRequested", "40-61", "publicationDate", published,
                "maximumCost", "5.00", "maximumCostCurrency", "CAD"));
        if (issn != null) {
            request.put("issn", issn);
        }
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099").setVariables(request).correlateStartMessage();
        execute(job(lending));
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));
        return lending;
    }

    /** A loan to a library abroad: the policy's fee (35 USD) and condition (signature required) are offered; we wait for the answer. */
    private ProcessInstance loanAbroadReviewed() {
        ProcessInstance lending = runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099").setVariables(partnerRequestFromTier("international"))
                .correlateStartMessage();
        execute(job(lending));
        assertThat(lending).variables().containsEntry("feeNeedsAgreement", true).containsEntry("loanConditionCode", "SignatureRequired");
        complete(task(lending), withVariables("supplyDecision", "supply"));
        execute(job(lending));
        execute(job(lending));
        return lending;
    }

    private static Map<String, Object> partnerRequestFromTier(String tier) {
        Map<String, Object> request = partnerRequest("The Diviners", "9780771047619");
        request.put("partnerTier", tier);
        return request;
    }

    /** This instance's postings: the ledger is shared by the tests, and some reuse a business key. */
    private static List<Posting> postingsOf(ProcessInstance lending) {
        return LEDGER.postingsForRequest(lending.getBusinessKey()).stream()
                .filter(posting -> posting.processInstanceId().equals(lending.getId())).toList();
    }

    private static void borrowerNotifies(String note) {
        runtimeService().createMessageCorrelation("ISO18626 Notification").processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0099")
                .setVariables(Map.of("requesterAction", "Notification", "requesterNote", note)).correlate();
    }

    @Test
    void anEmailStaffFindIsNoRequestEndsThere() {
        ProcessInstance lending = emailRequestReceived();

        complete(task(lending), withVariables("isRequest", false, "title", "-", "requesterEmail", "fernleihe@univie.example.ac.at"));
        execute(job(lending));

        assertThat(lending).isEnded().hasPassed("EndEvent_NotARequest").hasNotPassed("Task_CheckCatalogue");
        assertThat(notifications.sent()).isEmpty();
    }

    private static Map<String, Object> partnerRequest(String title, String isbn) {
        Map<String, Object> request = new HashMap<>(Map.of("requestingAgencyId", "ISIL:CA-OKQ",
                "requestingAgencyName", "Queen's University Library", "supplyingAgencyId", "ISIL:CA-OPETB",
                "requestingAgencyRequestId", "QU-2026-0099", "supplyingAgencyRequestId", "L-0000AAAA", "serviceType", "Loan",
                "partnerTier", "ocul", "title", title));
        if (isbn != null) {
            request.put("isbn", isbn);
        }
        return request;
    }

    private static CatalogueRecord withItem(Item item) {
        return new CatalogueRecord("rsw000042", "The diviners", "Laurence, Margaret", 1974, MaterialType.BOOK, List.of("9780771047619"),
                List.of(), List.of(), List.of(), List.of(item));
    }

    private ProcessInstance emailRequestReceived() {
        return runtimeService().createMessageCorrelation("Email request")
                .processInstanceBusinessKey("EMAIL-1A2B3C4D")
                .setVariables(Map.of("requestChannel", "email", "requesterEmail", "fernleihe@univie.example.ac.at",
                        "requestingAgencyId", "ISIL:AT-UBW", "requestingAgencyName", "Universitätsbibliothek Wien",
                        "supplyingAgencyId", "ISIL:CA-OPETB", "emailLanguage", "de", "emailText",
                        "Sehr geehrte Damen und Herren, wir bitten um Fernleihe des Buches „The Diviners“ von Margaret Laurence.",
                        "title", "The Diviners"))
                .correlateStartMessage();
    }

    private ProcessInstance requestReceived() {
        ProcessInstance lending = requestJustArrived();
        execute(job(lending)); // the catalogue check
        return lending;
    }

    /** Queen's request as the inbox starts it: the catalogue check is still to come. */
    private static ProcessInstance requestJustArrived() {
        return runtimeService().createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-2026-0042")
                .setVariables(Map.of(
                        "requestingAgencyId", "ISIL:CA-OKQ", "requestingAgencyName", "Queen's University Library",
                        "supplyingAgencyId", "ISIL:CA-OPETB", "requestingAgencyRequestId", "QU-2026-0042",
                        "supplyingAgencyRequestId", "L-7F3A09B1", "serviceType", "Loan", "partnerTier", "ocul",
                        "title", "The Diviners", "author", "Laurence, Margaret", "isbn", "9780771047619"))
                .correlateStartMessage();
    }
}
