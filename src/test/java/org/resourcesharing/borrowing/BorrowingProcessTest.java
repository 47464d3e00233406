package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.CatalogueRecord;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;
import org.resourcesharing.catalogue.CatalogueRecord.MaterialType;
import org.resourcesharing.catalogue.CatalogueSource;
import org.resourcesharing.copyright.CopyDeliveries;
import org.resourcesharing.copyright.TestCopyDeliveries;
import org.resourcesharing.copyright.TestPdfs;
import org.resourcesharing.fees.Ledger;
import org.resourcesharing.fees.Posting;
import org.resourcesharing.fees.RecordChargeDelegate;
import org.resourcesharing.fees.TestFeeSteps;
import org.resourcesharing.fees.TestLedgers;
import org.resourcesharing.iso18626.Iso18626TestSenders;
import org.resourcesharing.iso18626.Iso18626TestSenders.RecordingSender;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.SendIso18626MessageDelegate;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.mail.TestNotifications;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = {"bpmn/borrowing.bpmn", "bpmn/lender-selection.dmn", "bpmn/fee-policy.dmn", "forms/borrowing-start.form", "forms/verify-citation.form",
        "forms/review-duplicate.form", "forms/review-lender-conditions.form", "forms/receive-item.form", "forms/ship-back.form",
        "forms/end-of-rota.form", "forms/resolve-lender-error.form", "forms/copyright-fee-decision.form",
        "forms/resolve-damage-on-arrival.form", "forms/resolve-borrowed-item.form", "forms/correct-charge.form"})
class BorrowingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final BorrowingProperties PROPERTIES = new BorrowingProperties("http://localhost:8080", List.of("graduate"),
            Currency.getInstance("CAD"), ZoneId.of("America/Toronto"), "ISIL:CA-OPETB",
            List.of("REFERENCE", "RESERVES", "SPECCOLL", "ARCHIVES"), 3, Period.ofDays(7), Period.ofDays(14), Period.ofDays(10), Period.ofDays(3), 5, 5,
            Period.ofDays(5), "CCC", Duration.ofMinutes(10));
    private static final String US_LENDER = "ISIL:US-WAU";
    /** Our other campus, Queen's (Ontario, no fee), McGill (Canada, a fee), University of Washington (US, a fee in USD). */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "ISIL:CA-OODT", partner("ISIL:CA-OODT", "Trent Durham", true, "own-campus", "0.00", "CAD"),
            "ISIL:CA-OKQ", partner("ISIL:CA-OKQ", "Queen's University Library", false, "ocul", "0.00", "CAD"),
            "ISIL:CA-QMM", partner("ISIL:CA-QMM", "McGill University Library", false, "canada", "15.00", "CAD"),
            US_LENDER, partner(US_LENDER, "University of Washington Libraries", false, "us", "35.00", "USD"));
    private static final String KEY = "B-000042";

    private RecordingSender sender;
    private Ledger ledger;
    private TestNotifications notifications;
    private List<Item> ourItems = List.of();
    private List<Item> unionItems = List.of(item("ISIL:CA-OKQ", Availability.ON_SHELF), item("ISIL:CA-QMM", Availability.ON_SHELF),
            item("ISIL:CA-OODT", Availability.ON_SHELF), item("ISIL:CA-OPETB", Availability.ON_LOAN));

    /** The network ends here: lenders, catalogues and mail are stand-ins; the delegates are the real ones. */
    @BeforeEach
    void replaceTheNetworkAtTheDelegatesBoundary() {
        sender = Iso18626TestSenders.recording();
        notifications = new TestNotifications();
        CatalogueSource local = query -> List.of(record(ourItems));
        CatalogueSource union = query -> List.of(record(unionItems));
        Catalogue catalogue = new Catalogue(local, union, () -> Set.of("ISIL:CA-OPETB", "ISIL:CA-OODT"));
        Mocks.register("checkCitation", new CheckCitationDelegate());
        // the requests table's stand-in: every request started with the patron's id
        Mocks.register("findDuplicateRequests", new FindDuplicateRequestsDelegate(patronId -> historyService().createHistoricProcessInstanceQuery()
                .variableValueEquals("patronId", patronId).list().stream().map(HistoricProcessInstance::getBusinessKey).toList(),
                historyService(), runtimeService()));
        Mocks.register("checkLocalHoldings", new CheckLocalHoldingsDelegate(catalogue, PROPERTIES));
        Mocks.register("chooseLenders", new ChooseLendersDelegate(catalogue, id -> Optional.ofNullable(PARTNERS.get(id)),
                id -> new LenderStatistics.Record(null, null), decisionService(), PROPERTIES));
        Mocks.register("takeNextLender", new TakeNextLenderDelegate(id -> Optional.ofNullable(PARTNERS.get(id))));
        Mocks.register("sendIso18626Message", new SendIso18626MessageDelegate(sender));
        Mocks.register("sendNotification", new SendNotificationDelegate(notifications, historyService()));
        Mocks.register("setPatronDueDate", new SetPatronDueDateDelegate(PROPERTIES));
        Mocks.register("checkCopyrightCompliance", new CheckCopyrightComplianceDelegate(historyService(), PROPERTIES));
        ledger = TestLedgers.newLedger(); // one per test: every test's request has the same number
        Mocks.register("recordCharge", new RecordChargeDelegate(ledger, historyService()));
        Mocks.register("recordLenderCharge", new RecordLenderChargeDelegate(ledger, PROPERTIES));
        Mocks.register("assessOverdueFine", TestFeeSteps.assessOverdueFine(decisionService()));
        Mocks.register("assessNotPickedUpFee", TestFeeSteps.assessNotPickedUpFee(decisionService()));
        Mocks.register("assessLostItemCharge", TestFeeSteps.assessLostItemCharge(decisionService()));
        Mocks.register("checkCostAgainstSubsidy", TestFeeSteps.checkCostAgainstSubsidy(decisionService(), "1.40"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aLoanFilledByTheFirstLenderGoesToThePatronAndBack() {
        ProcessInstance borrowing = askingFirstLender();
        ISO18626Message request = sender.onlySent();
        assertThat(request.getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OODT");
        assertThat(request.getRequest().getHeader().getRequestingAgencyRequestId()).isEqualTo(KEY);
        assertThat(request.getRequest().getBibliographicInfo().getBibliographicItemId().get(0).getBibliographicItemIdentifier())
                .isEqualTo("9780771047619");
        assertThat(request.getRequest().getServiceInfo().getCopyrightCompliance()).isNull();
        assertThat(borrowing).variables().doesNotContainKey("copyrightCompliance");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received");

        lenderSays("WillSupply", Map.of());
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer").hasPassed("Task_NoteWillSupply");
        Date lendersDue = date(LocalDate.now().plusWeeks(6));
        lenderSays("Loaned", Map.of("supplierDueDate", lendersDue, "itemId", "39000042"));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any
        assertThat(task(borrowing)).hasDefinitionKey("Task_ReceiveItem").hasCandidateGroup("ill-borrowing");
        complete(task(borrowing), withVariables("itemBarcode", "ILL-0042", "itemCondition", "good"));
        execute(job(borrowing)); // after receiving
        execute(job(borrowing)); // Received to the lender
        execute(job(borrowing)); // the patron's email
        assertThat(borrowing).isWaitingAt("Task_AwaitPickup").variables()
                .containsEntry("patronDueDate", date(LocalDate.now().plusWeeks(6).minusDays(3)));
        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Received");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "shipped", "ready");

        runtimeService().createMessageCorrelation(PatronEvents.PICKED_UP).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        runtimeService().createMessageCorrelation(PatronEvents.RETURNED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing)); // after the return: no fine, on time
        execute(job(borrowing)); // nothing to post
        complete(task(borrowing), withVariables("shippingMethod", "CanadaPost", "trackingNumber", "7023 1111"));
        execute(job(borrowing));
        execute(job(borrowing));
        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("ShippedReturn");
        assertThat(sender.last().getRequestingAgencyMessage().getNote()).isEqualTo("Tracking number: 7023 1111");
        lenderSays("LoanCompleted", Map.of());
        execute(job(borrowing));

        assertThat(borrowing).isEnded().hasPassed("EndEvent_LoanCompleted");
    }

    @Test
    void anUnfilledAnswerMovesToTheNextLenderAndSkipsItNextRound() {
        ProcessInstance borrowing = askingFirstLender();

        lenderSays("Unfilled", Map.of("reasonUnfilled", "NotOnShelf"));
        execute(job(borrowing));

        assertThat(sender.last().getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer").variables().containsEntry("supplyingAgencyId", "ISIL:CA-OKQ")
                .containsEntry("lendersUnfilled", "ISIL:CA-OODT").containsEntry("lenderRota", "ISIL:CA-QMM");
    }

    @Test
    void aLenderSilentPastItsAnswerTimeIsCancelledAndTheNextOneAsked() {
        ProcessInstance borrowing = askingFirstLender();
        Job timer = managementService().createJobQuery().processInstanceId(borrowing.getId()).timers().singleResult();
        assertThat(Duration.between(new Date().toInstant(), timer.getDuedate().toInstant()).toHours()).isBetween(71L, 72L);

        execute(timer);
        execute(job(borrowing)); // Cancel to the silent lender
        execute(job(borrowing)); // Request to the next

        List<ISO18626Message> sent = sender.messages();
        assertThat(sent.get(1).getRequestingAgencyMessage().getAction().value()).isEqualTo("Cancel");
        assertThat(sent.get(1).getRequestingAgencyMessage().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OODT");
        assertThat(sent.get(2).getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
        assertThat(borrowing).variables().containsEntry("lendersTried", "ISIL:CA-OODT (no answer)");
    }

    @Test
    void whenNoLenderIsLeftStaffGiveUpAndThePatronIsTold() {
        unionItems = List.of(item("ISIL:CA-OKQ", Availability.ON_SHELF));
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("RetryPossible", Map.of("reasonRetry", "OnLoan"));

        assertThat(task(borrowing)).hasDefinitionKey("Task_EndOfRota");
        complete(task(borrowing), withVariables("endOfRotaDecision", "giveUp", "patronMessage", "Try the public library."));
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(borrowing).isEnded().hasPassed("EndEvent_Unfilled");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "unfilled");
    }

    @Test
    void atTheEndOfTheRotaStaffMayTryAgainLaterWhenLendersThatCouldNotLendThenAreAskedAgain() {
        unionItems = List.of(item("ISIL:CA-OKQ", Availability.ON_SHELF));
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("RetryPossible", Map.of());
        complete(task(borrowing), withVariables("endOfRotaDecision", "retry"));
        execute(job(borrowing));

        Job wait = managementService().createJobQuery().processInstanceId(borrowing.getId()).timers().singleResult();
        assertThat(Duration.between(new Date().toInstant(), wait.getDuedate().toInstant()).toDays()).isBetween(6L, 7L);
        execute(wait);
        execute(job(borrowing));

        assertThat(sender.messages()).hasSize(2);
        assertThat(sender.last().getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
    }

    @Test
    void anItemOnOurShelfOrInReferenceIsAvailableLocally() {
        ourItems = List.of(new Item("ISIL:CA-OPETB", "REFERENCE", "PS8523.A86 D5", "39000001", "BOOK", Availability.ON_LOAN, null));
        ProcessInstance borrowing = started(patronRequest());
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(borrowing).isEnded().hasPassed("EndEvent_AvailableLocally").hasNotPassed("Task_ChooseLenders");
        assertThat(notifications.sent()).singleElement().satisfies(email -> assertThat(email.model())
                .containsEntry("notice", "available-locally").containsEntry("localCallNumber", "PS8523.A86 D5"));
        assertThat(sender.messages()).isEmpty();
    }

    @Test
    void aPossibleDuplicateGoesToStaffWhoCancelIt() {
        started(patronRequest());
        ProcessInstance second = runtimeService().startProcessInstanceByKey("borrowing", "B-000043", patronRequest());
        execute(job(second));

        assertThat(task(second)).hasDefinitionKey("Task_ReviewDuplicate");
        assertThat(second).variables().containsEntry("possibleDuplicates", KEY);
        complete(task(second), withVariables("duplicateDecision", "cancel", "cancelReason", "You asked for this book on Monday."));
        execute(job(second));
        execute(job(second));

        assertThat(second).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(notifications.sent()).singleElement().satisfies(email -> assertThat(email.model()).containsEntry("notice", "cancelled"));
    }

    @Test
    void aCitationWithAWrongIsbnGoesToStaffWhoCorrectIt() {
        Map<String, Object> request = patronRequest();
        request.put("isbn", "9780771047618");
        ProcessInstance borrowing = started(request);
        execute(job(borrowing));
        execute(job(borrowing)); // "we are checking the details" to the patron

        assertThat(task(borrowing)).hasDefinitionKey("Task_VerifyCitation");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("clarification");
        assertThat(borrowing).variables().extractingByKey("citationProblems").asString().contains("ISBN '9780771047618' is not valid");
        complete(task(borrowing), withVariables("verifyDecision", "corrected", "isbn", "978-0-7710-4761-9"));
        execute(job(borrowing));

        assertThat(borrowing).isWaitingAt("Task_EmailReceived").variables().containsEntry("isbn", "9780771047619");
    }

    @Test
    void lenderConditionsStaffAcceptAreAgreedWithTheLender() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("loanCondition", "LibraryUseOnly"));
        execute(job(borrowing)); // the cost against the subsidy
        assertThat(task(borrowing)).hasDefinitionKey("Task_ReviewConditions");

        complete(task(borrowing), withVariables("conditionsDecision", "accept"));
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Notification");
        assertThat(sender.last().getRequestingAgencyMessage().getNote()).isEqualTo("#ReShareLoanConditionAgreeResponse#");
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer");
    }

    @Test
    void lenderConditionsStaffRejectCancelWithThatLenderAndAskTheNext() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("offeredCost", "40.00", "offeredCostCurrency", "USD"));
        execute(job(borrowing)); // the cost against the subsidy

        complete(task(borrowing), withVariables("conditionsDecision", "reject"));
        execute(job(borrowing));
        execute(job(borrowing));
        execute(job(borrowing));

        List<ISO18626Message> sent = sender.messages();
        assertThat(sent.get(1).getRequestingAgencyMessage().getAction().value()).isEqualTo("Cancel");
        assertThat(sent.get(2).getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
    }

    @Test
    void aCostThePatronAcceptsByTheEmailLinkIsAgreedWithTheLender() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("offeredCost", "40.00", "offeredCostCurrency", "USD"));
        execute(job(borrowing)); // the cost against the subsidy: USD 40.00 is CAD 56.00, above CAD 25.00
        assertThat(borrowing).variables().containsEntry("patronConsentNeeded", true);
        assertThat(task(borrowing)).hasDefinitionKey("Task_ReviewConditions");
        complete(task(borrowing), withVariables("conditionsDecision", "accept"));
        execute(job(borrowing)); // after the task
        execute(job(borrowing)); // the email to the patron

        assertThat(borrowing).isWaitingAt("Gateway_AwaitConsent").variables().containsEntry("patronStatus", "cost-consent");
        var asked = notifications.sent().get(notifications.sent().size() - 1);
        assertThat(asked.model()).containsEntry("notice", "cost-consent").containsEntry("offeredCost", "40.00")
                .containsEntry("offeredCostCurrency", "USD");
        assertThat(sender.messages()).hasSize(1); // nothing agreed before the patron answers

        runtimeService().createMessageCorrelation(PatronEvents.ACCEPTS_COST).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Notification");
        assertThat(sender.last().getRequestingAgencyMessage().getNote()).isEqualTo("#ReShareLoanConditionAgreeResponse#");
        assertThat(borrowing).hasPassed("Event_PatronAcceptsCost").isWaitingAt("Gateway_AwaitAnswer");

        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge

        assertThat(ledger.postingsForRequest(KEY)).extracting(posting -> posting.accountType() + " " + posting.accountId() + " "
                + posting.direction() + " " + posting.kind() + " " + posting.amount() + " " + posting.currency())
                .containsExactly("PARTNER ISIL:CA-OODT PAYABLE BORROWING_FEE 40.00 USD", "PATRON 0612345 RECEIVABLE LENDER_CHARGE_PASSED_ON 40.00 USD");
        assertThat(task(borrowing)).hasDefinitionKey("Task_ReceiveItem");
    }

    @Test
    void aCostWithinTheLibrarysSubsidyIsAgreedWithoutAskingThePatron() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("offeredCost", "20.00", "offeredCostCurrency", "CAD"));
        execute(job(borrowing)); // the cost against the subsidy
        assertThat(borrowing).variables().containsEntry("patronConsentNeeded", false).containsEntry("subsidy", "25.00");
        complete(task(borrowing), withVariables("conditionsDecision", "accept"));
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(sender.last().getRequestingAgencyMessage().getNote()).isEqualTo("#ReShareLoanConditionAgreeResponse#");
        assertThat(borrowing).hasNotPassed("Task_EmailCostConsent").isWaitingAt("Gateway_AwaitAnswer");

        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge: ours alone, within the subsidy

        assertThat(ledger.postingsForRequest(KEY)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).hasToString("BORROWING_FEE");
            assertThat(posting.accountId()).isEqualTo("ISIL:CA-OODT");
            assertThat(posting.amount()).isEqualByComparingTo("20.00");
        });
    }

    @Test
    void aCostThePatronDeclinesIsRefusedToTheLenderAndTheNextOneAsked() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("offeredCost", "40.00", "offeredCostCurrency", "USD"));
        execute(job(borrowing)); // the cost against the subsidy
        complete(task(borrowing), withVariables("conditionsDecision", "accept"));
        execute(job(borrowing));
        execute(job(borrowing));

        runtimeService().createMessageCorrelation(PatronEvents.DECLINES_COST).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing)); // after the answer
        execute(job(borrowing)); // Cancel to the lender
        execute(job(borrowing)); // the next lender asked

        List<ISO18626Message> sent = sender.messages();
        assertThat(sent.get(1).getRequestingAgencyMessage().getAction().value()).isEqualTo("Cancel");
        assertThat(sent.get(2).getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("CA-OKQ");
        assertThat(borrowing).hasPassed("Event_PatronDeclinesCost");

        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge: Queen's asked none, the first lender's cost is not its

        assertThat(borrowing).variables().doesNotContainKeys("offeredCost", "conditionsDecision");
        assertThat(ledger.postingsForRequest(KEY)).isEmpty();
    }

    @Test
    void aCostThePatronLeavesUnansweredIsRefusedToTheLenderAfterTheConsentTime() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("ExpectToSupply", Map.of("offeredCost", "40.00", "offeredCostCurrency", "USD"));
        execute(job(borrowing)); // the cost against the subsidy
        complete(task(borrowing), withVariables("conditionsDecision", "accept"));
        execute(job(borrowing));
        execute(job(borrowing));

        Job consentTime = managementService().createJobQuery().processInstanceId(borrowing.getId()).timers().activityId("Event_NoConsent")
                .singleResult();
        assertThat(consentTime.getDuedate()).isCloseTo(Date.from(java.time.Instant.now().plus(Duration.ofDays(5))), 60_000);
        execute(consentTime);
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(sender.messages().get(1).getRequestingAgencyMessage().getAction().value()).isEqualTo("Cancel");
        assertThat(borrowing).hasPassed("Event_NoConsent").isWaitingAt("Gateway_AwaitAnswer");
        assertThat(borrowing).variables().containsEntry("supplyingAgencyId", "ISIL:CA-OKQ");
    }

    @Test
    void aLoanDamagedOnArrivalIsLentOnlyWhenStaffSaySoAndTheLenderGetsTheirNote() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any
        complete(task(borrowing), withVariables("itemBarcode", "ILL-0042", "itemCondition", "damaged", "receiveNote",
                "Water damage on the back cover"));
        execute(job(borrowing));
        execute(job(borrowing)); // Received, with the note

        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Received");
        assertThat(sender.last().getRequestingAgencyMessage().getNote()).isEqualTo("Water damage on the back cover");
        assertThat(task(borrowing)).hasDefinitionKey("Task_ResolveDamageOnArrival").hasCandidateGroup("ill-borrowing");
        complete(task(borrowing), withVariables("arrivalDamageDecision", "lend"));
        execute(job(borrowing));
        execute(job(borrowing)); // the patron's email

        assertThat(borrowing).isWaitingAt("Task_AwaitPickup");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "shipped", "ready");
    }

    @Test
    void aLoanDamagedOnArrivalThatStaffWillNotLendGoesStraightBack() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any
        complete(task(borrowing), withVariables("itemBarcode", "ILL-0042", "itemCondition", "damaged", "receiveNote", "Pages missing"));
        execute(job(borrowing));
        execute(job(borrowing));
        complete(task(borrowing), withVariables("arrivalDamageDecision", "return"));
        execute(job(borrowing));

        assertThat(task(borrowing)).hasDefinitionKey("Task_ShipBack");
        assertThat(borrowing).hasNotPassed("Task_EmailReady");
    }

    @Test
    void anItemThePatronLostIsChargedToThePatronAndReportedToTheLender() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        runtimeService().createMessageCorrelation(PatronEvents.DAMAGED_OR_LOST).processInstanceBusinessKey(KEY)
                .setVariables(Map.of("reportedCondition", "lost", "reportNote", "Left on a bus")).correlate();

        assertThat(task(borrowing)).hasDefinitionKey("Task_ResolveDamage").hasCandidateGroup("ill-borrowing");
        complete(task(borrowing), withVariables("damageResolution", "Lost by our patron; please send your invoice for the replacement.",
                "chargeAmount", "125.00", "chargeCurrency", "CAD", "damageOutcome", "lost"));
        execute(job(borrowing)); // after the task
        execute(job(borrowing)); // the charge
        execute(job(borrowing)); // the note to the lender

        assertThat(ledger.postingsForRequest(KEY)).singleElement().satisfies(posting -> {
            assertThat(posting.accountType()).hasToString("PATRON");
            assertThat(posting.accountId()).isEqualTo("0612345");
            assertThat(posting.kind()).hasToString("LOST_ITEM");
            assertThat(posting.amount()).isEqualByComparingTo("125.00");
        });
        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Notification");
        assertThat(sender.last().getRequestingAgencyMessage().getNote()).startsWith("Lost by our patron");
        assertThat(borrowing).isEnded().hasPassed("EndEvent_DamageSettled");
    }

    @Test
    void anItemReportedLostHasTheFeePolicysLostItemChargeFilledInForStaff() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        runtimeService().createMessageCorrelation(PatronEvents.DAMAGED_OR_LOST).processInstanceBusinessKey(KEY)
                .setVariables(Map.of("reportedCondition", "lost", "reportNote", "Cannot find it")).correlate();

        assertThat(task(borrowing)).hasDefinitionKey("Task_ResolveDamage");
        assertThat(borrowing).variables().containsEntry("chargeAmount", "150.00").containsEntry("chargeCurrency", "CAD")
                .extractingByKey("lostItemCharge").asString().startsWith("CAD 150.00 by the fee policy: replacement CAD 125.00");
        complete(task(borrowing), withVariables("damageResolution", "Lost; replacement charged to the patron.", "damageOutcome", "lost"));
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(ledger.postingsForRequest(KEY)).singleElement().satisfies(posting -> {
            assertThat(posting.kind()).hasToString("LOST_ITEM");
            assertThat(posting.amount()).isEqualByComparingTo("150.00");
        });
    }

    @Test
    void anItemReportedDamagedHasNoChargeFilledIn() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        runtimeService().createMessageCorrelation(PatronEvents.DAMAGED_OR_LOST).processInstanceBusinessKey(KEY)
                .setVariables(Map.of("reportedCondition", "damaged", "reportNote", "Torn cover")).correlate();

        assertThat(task(borrowing)).hasDefinitionKey("Task_ResolveDamage");
        assertThat(borrowing).variables().doesNotContainKey("chargeAmount").containsKey("lostItemCharge");
    }

    @Test
    void aDamagedItemThePatronBroughtBackGoesBackToTheLenderWithTheAgreement() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        runtimeService().createMessageCorrelation(PatronEvents.DAMAGED_OR_LOST).processInstanceBusinessKey(KEY)
                .setVariables(Map.of("reportedCondition", "damaged", "reportNote", "Coffee on pages 10-20")).correlate();
        complete(task(borrowing), withVariables("damageResolution", "Returned as it is; the patron pays the repair.",
                "chargeAmount", "ten dollars", "chargeCurrency", "CAD", "damageOutcome", "shipBack"));
        execute(job(borrowing));
        execute(job(borrowing)); // the ledger refuses the amount

        assertThat(task(borrowing)).hasDefinitionKey("Task_CorrectPatronCharge");
        complete(task(borrowing), withVariables("chargeAmount", "10.00"));
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(ledger.postingsForRequest(KEY)).extracting(Posting::amount).singleElement()
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("10.00"));
        assertThat(task(borrowing)).hasDefinitionKey("Task_ShipBack");
    }

    @Test
    void aLoanTheLenderClosesAsNotReturnedGoesToStaff() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        runtimeService().createMessageCorrelation(PatronEvents.RETURNED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing)); // after the return: no fine, on time
        execute(job(borrowing)); // nothing to post
        complete(task(borrowing), withVariables("shippingMethod", "CanadaPost", "trackingNumber", "7023 1111"));
        execute(job(borrowing));
        execute(job(borrowing));
        assertThat(borrowing).isWaitingAt("Task_AwaitLoanCompleted");

        lenderSays("CompletedWithoutReturn", Map.of("supplierNote", "Never arrived back"));

        assertThat(task(borrowing)).hasDefinitionKey("Task_ResolveDamage");
        complete(task(borrowing), withVariables("damageResolution", "Lost in the post; Canada Post claim 7023 1111 opened.",
                "damageOutcome", "settled"));
        execute(job(borrowing));
        execute(job(borrowing));
        execute(job(borrowing));
        assertThat(ledger.postingsForRequest(KEY)).isEmpty();
        assertThat(borrowing).isEnded().hasPassed("EndEvent_DamageSettled");
    }

    @Test
    void aLoanBroughtBackLateIsFinedByTheFeePolicyAfterTheGraceDay() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        Date due = (Date) runtimeService().getVariable(borrowing.getId(), "patronDueDate");
        LocalDate dueDay = due.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        runtimeService().createMessageCorrelation(PatronEvents.RETURNED).processInstanceBusinessKey(KEY)
                .setVariable("patronReturnedAt", date(dueDay.plusDays(4))).correlate();
        execute(job(borrowing)); // after the return: the fine worked out
        execute(job(borrowing)); // and posted

        assertThat(borrowing).variables().containsEntry("fineAmount", "15.00").containsEntry("fineDaysLate", 4L);
        assertThat(ledger.postingsForRequest(KEY)).singleElement().satisfies(posting -> {
            assertThat(posting.accountId()).isEqualTo("0612345");
            assertThat(posting.kind()).hasToString("OVERDUE_FINE");
            assertThat(posting.amount()).isEqualByComparingTo("15.00"); // four days late, the first free: three days at 5.00
            assertThat(posting.currency()).isEqualTo("CAD");
        });
        assertThat(task(borrowing)).hasDefinitionKey("Task_ShipBack");
    }

    @Test
    void aRecalledLoanBroughtBackLateIsFinedAtTheRecallRate() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        lenderSays("Recalled", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(1))));
        execute(managementService().createJobQuery().processInstanceId(borrowing.getId()).activityId("Task_EmailRecalled").singleResult());
        Date due = (Date) runtimeService().getVariable(borrowing.getId(), "patronDueDate");
        LocalDate dueDay = due.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        runtimeService().createMessageCorrelation(PatronEvents.RETURNED).processInstanceBusinessKey(KEY)
                .setVariable("patronReturnedAt", date(dueDay.plusDays(10))).correlate();
        execute(job(borrowing));
        execute(job(borrowing));

        assertThat(ledger.postingsForRequest(KEY)).singleElement() // ten days late, the first seven free: three days at 4.00
                .satisfies(posting -> assertThat(posting.amount()).isEqualByComparingTo("12.00"));
    }

    @Test
    void aLoanNotPickedUpInTimeGoesBackToTheLender() {
        ProcessInstance borrowing = notPickedUp();

        assertThat(task(borrowing)).hasDefinitionKey("Task_ShipBack");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "shipped", "ready", "not-picked-up");
        assertThat(borrowing).hasPassed("Task_AssessNotPickedUpFee", "Task_ChargeNotPickedUpFee");
        assertThat(ledger.postingsForRequest(KEY)).isEmpty(); // the policy charges no fee by default
    }

    /** A loan that waited for the patron until the pickup timer ran out: the patron is told and any fee charged. */
    private ProcessInstance notPickedUp() {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any
        complete(task(borrowing), withVariables("itemBarcode", "ILL-0042", "itemCondition", "good"));
        execute(job(borrowing));
        execute(job(borrowing));
        execute(job(borrowing));

        Job pickup = managementService().createJobQuery().processInstanceId(borrowing.getId()).timers().singleResult();
        execute(pickup);
        execute(job(borrowing)); // the email
        execute(job(borrowing)); // the fee, if any
        return borrowing;
    }

    @Test
    void aLoanNotPickedUpIsChargedTheFeeThePolicyNames() throws IOException {
        String policy = new String(resource("bpmn/fee-policy.dmn"), StandardCharsets.UTF_8);
        String withFee = policy.replace("<outputEntry id=\"LiteralExpression_NotPickedUp_Fee\"><text>\"0.00\"</text>",
                "<outputEntry id=\"LiteralExpression_NotPickedUp_Fee\"><text>\"2.50\"</text>")
                .replace("No fee for an item not picked up", "A $2.50 fee for an item not picked up");
        assertThat(withFee).contains("\"2.50\"");
        String deployment = repositoryService().createDeployment().addString("fee-policy.dmn", withFee).deploy().getId();
        try {
            ProcessInstance borrowing = notPickedUp();

            assertThat(borrowing).variables().containsEntry("notPickedUpFee", "2.50").containsEntry("notPickedUpFeeCurrency", "CAD");
            assertThat(ledger.postingsForRequest(KEY)).singleElement().satisfies(posting -> {
                assertThat(posting.accountId()).isEqualTo("0612345");
                assertThat(posting.kind()).hasToString("NOT_PICKED_UP");
                assertThat(posting.amount()).isEqualByComparingTo("2.50");
                assertThat(posting.reason()).isEqualTo("A $2.50 fee for an item not picked up");
            });
            assertThat(task(borrowing)).hasDefinitionKey("Task_ShipBack");
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void whileThePatronHasTheLoanRemindersRecallsOverdueNoticesAndRenewalsReachThePatron() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));
        Job reminder = managementService().createJobQuery().processInstanceId(borrowing.getId()).timers().activityId("Event_DueSoon")
                .singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(LocalDate.now().plusWeeks(6).minusDays(6).atTime(9, 0)
                .atZone(ZoneId.systemDefault()).toInstant())); // three days' margin for the lender, three days' warning
        execute(reminder);
        execute(job(borrowing));

        runtimeService().createMessageCorrelation(PatronEvents.RENEWAL_ASKED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Renew");
        lenderSays("RenewResponse", Map.of("supplierAnswerYesNo", "Y", "supplierDueDate", date(LocalDate.now().plusWeeks(10))));
        execute(job(borrowing));
        assertThat(borrowing).variables().containsEntry("patronDueDate", date(LocalDate.now().plusWeeks(10).minusDays(3)));

        lenderSays("Recalled", Map.of("supplierDueDate", date(LocalDate.now().plusDays(10))));
        execute(job(borrowing));
        lenderSays("Overdue", Map.of());
        execute(job(borrowing));

        assertThat(borrowing).isWaitingAt("Task_AwaitPatronReturn").variables()
                .containsEntry("patronDueDate", date(LocalDate.now().plusDays(7)));
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice"))
                .containsExactly("received", "shipped", "ready", "due-soon", "renewed", "recalled", "overdue");
    }

    @Test
    void aRenewalTheLenderRefusesIsToldToThePatronAndTheDueDateStays() {
        ProcessInstance borrowing = withThePatron(LocalDate.now().plusWeeks(6));

        runtimeService().createMessageCorrelation(PatronEvents.RENEWAL_ASKED).processInstanceBusinessKey(KEY).correlate();
        execute(managementService().createJobQuery().processInstanceId(borrowing.getId()).activityId("Task_SendRenew").singleResult());
        lenderSays("RenewResponse", Map.of("supplierAnswerYesNo", "N"));
        execute(managementService().createJobQuery().processInstanceId(borrowing.getId()).activityId("Task_EmailNotRenewed").singleResult());

        assertThat(borrowing).hasPassed("EndEvent_NotRenewed").isWaitingAt("Task_AwaitPatronReturn").variables()
                .containsEntry("patronDueDate", date(LocalDate.now().plusWeeks(6).minusDays(3)));
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "shipped", "ready", "not-renewed");
    }

    @Test
    void aPatronWhoCancelsWhileALenderIsAskedIsCancelledWithTheLender() {
        ProcessInstance borrowing = askingFirstLender();

        runtimeService().createMessageCorrelation(PatronEvents.CANCELLED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        assertThat(sender.last().getRequestingAgencyMessage().getAction().value()).isEqualTo("Cancel");
        lenderSays("CancelResponse", Map.of("supplierAnswerYesNo", "Y"));
        execute(job(borrowing));

        assertThat(borrowing).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "cancelled");
    }

    @Test
    void aPatronWhoCancelsWhileTheRequestWaitsForStaffIsCancelledAtOnce() {
        unionItems = List.of();
        ProcessInstance borrowing = started(patronRequest());
        execute(job(borrowing));
        execute(job(borrowing));
        assertThat(task(borrowing)).hasDefinitionKey("Task_EndOfRota");

        runtimeService().createMessageCorrelation(PatronEvents.CANCELLED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));

        assertThat(borrowing).isEnded().hasPassed("EndEvent_Cancelled").hasNotPassed("Task_SendCancel");
        assertThat(sender.messages()).isEmpty();
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "cancelled");
    }

    @Test
    void aCancellationTheLenderRefusesLetsTheRequestGoOn() {
        ProcessInstance borrowing = askingFirstLender();

        runtimeService().createMessageCorrelation(PatronEvents.CANCELLED).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        lenderSays("CancelResponse", Map.of("supplierAnswerYesNo", "N"));
        execute(job(borrowing));
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer");
        lenderSays("Loaned", Map.of("supplierDueDate", date(LocalDate.now().plusWeeks(4))));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any

        assertThat(task(borrowing)).hasDefinitionKey("Task_ReceiveItem");
        assertThat(notifications.sent()).extracting(email -> email.model().get("notice")).containsExactly("received", "not-cancelled", "shipped");
    }

    @Test
    void aCopyFromACanadianLenderGoesOutUnderCopyrightActSection30_2() {
        unionItems = List.of(item("ISIL:CA-OKQ", Availability.ON_SHELF));

        ProcessInstance copy = copyRequested("B-000101", "2024");

        assertThat(copy).variables().containsEntry("copyrightCompliance", "CA-CopyrightActS30.2");
        assertThat(sender.last().getRequest().getServiceInfo().getCopyrightCompliance().getValue()).isEqualTo("CA-CopyrightActS30.2");
    }

    @Test
    void aCopyFromAUsLenderWithinTheRuleOfFiveGoesOutUnderTheContuGuidelines() {
        unionItems = List.of(item(US_LENDER, Availability.ON_SHELF));

        ProcessInstance copy = copyRequested("B-000101", "2024");

        assertThat(copy).variables().containsEntry("copiesThisYear", 0L).containsEntry("copyrightCompliance", "CCG");
        assertThat(sender.last().getRequest().getHeader().getSupplyingAgencyId().getAgencyIdValue()).isEqualTo("US-WAU");
        assertThat(sender.last().getRequest().getServiceInfo().getCopyrightCompliance().getValue()).isEqualTo("CCG");
    }

    @Test
    void theSixthRecentArticleFromOneJournalFromUsLendersThisYearWaitsForACopyrightFeeDecisionAndPaidGoesOutUnderCopyrightLaw() {
        copiesArrivedFrom(US_LENDER, "2024");

        ProcessInstance sixth = beyondTheRuleOfFive();
        assertThat(task(sixth)).hasDefinitionKey("Task_CopyrightFeeDecision").hasCandidateGroup("ill-borrowing");
        assertThat(sixth).variables().containsEntry("copiesThisYear", 5L);
        complete(task(sixth), withVariables("royaltyDecision", "pay"));
        execute(job(sixth));
        execute(job(sixth));

        assertThat(sixth).isWaitingAt("Gateway_AwaitAnswer").variables().containsEntry("supplyingAgencyId", US_LENDER)
                .containsEntry("copyrightCompliance", "CCL");
        assertThat(sender.last().getRequest().getServiceInfo().getCopyrightCompliance().getValue()).isEqualTo("CCL");
    }

    @Test
    void theRoyaltyStaffEnteredIsOwedToTheCollectiveAndChargedToThePatronWhoAgreedWhenTheCopyArrives() {
        copiesArrivedFrom(US_LENDER, "2024");
        ProcessInstance sixth = beyondTheRuleOfFive();
        complete(task(sixth), withVariables("royaltyDecision", "pay", "royaltyAmount", "38.50", "royaltyCurrency", "USD",
                "royaltyPassedOn", true));
        execute(job(sixth));
        execute(job(sixth));

        runtimeService().createMessageCorrelation("ISO18626 CopyCompleted").processInstanceBusinessKey("B-000106")
                .setVariable("supplierStatus", "CopyCompleted").correlate();
        execute(job(sixth)); // the lender's charge and the royalty

        assertThat(ledger.postingsForRequest("B-000106")).hasSize(2).allSatisfy(posting -> {
            assertThat(posting.kind()).hasToString("COPYRIGHT_ROYALTY");
            assertThat(posting.amount()).isEqualByComparingTo("38.50");
            assertThat(posting.currency()).isEqualTo("USD");
        }).extracting(posting -> posting.accountType() + " " + posting.accountId() + " " + posting.direction())
                .containsExactlyInAnyOrder("RIGHTS_HOLDER CCC PAYABLE", "PATRON B-000106 RECEIVABLE");
    }

    @Test
    void aCopyUnderTheContuGuidelinesOwesNoRoyalty() {
        unionItems = List.of(item(US_LENDER, Availability.ON_SHELF));
        ProcessInstance copy = copyRequested(KEY, "2024");

        lenderSays("CopyCompleted", Map.of());
        execute(job(copy));

        assertThat(copy).hasPassed("Task_RecordCopyCharge").variables().containsEntry("copyrightCompliance", "CCG");
        assertThat(ledger.postingsForRequest(KEY)).isEmpty();
    }

    @Test
    void beyondTheRuleOfFiveStaffMayAskOnlyLendersOutsideTheUsUnderCopyrightActSection30_2() {
        copiesArrivedFrom(US_LENDER, "2024");
        unionItems = List.of(item(US_LENDER, Availability.ON_SHELF), item("ISIL:CA-QMM", Availability.ON_SHELF));

        ProcessInstance sixth = beyondTheRuleOfFive();
        complete(task(sixth), withVariables("royaltyDecision", "outsideUs"));
        execute(job(sixth));
        execute(job(sixth));

        assertThat(sixth).isWaitingAt("Gateway_AwaitAnswer").variables().containsEntry("supplyingAgencyId", "ISIL:CA-QMM")
                .containsEntry("lenderRota", "").containsEntry("copyrightCompliance", "CA-CopyrightActS30.2")
                .extractingByKey("lenderRotaNotes").asString().contains(US_LENDER + ": in the US");
        assertThat(sender.last().getRequest().getServiceInfo().getCopyrightCompliance().getValue()).isEqualTo("CA-CopyrightActS30.2");
    }

    @Test
    void copiesFromCanadianLendersDoNotCountTowardTheRuleOfFive() {
        copiesArrivedFrom("ISIL:CA-OKQ", "2024");
        unionItems = List.of(item(US_LENDER, Availability.ON_SHELF));

        ProcessInstance sixth = copyRequested("B-000106", "2024");

        assertThat(sixth).variables().containsEntry("copiesThisYear", 0L).containsEntry("beyondRuleOfFive", false)
                .containsEntry("copyrightCompliance", "CCG");
    }

    @Test
    void articlesOlderThanFiveYearsAreNotCounted() {
        copiesArrivedFrom(US_LENDER, "2010");

        ProcessInstance sixth = copyRequested("B-000106", "2010");

        assertThat(sixth).variables().containsEntry("beyondRuleOfFive", false).containsEntry("copyrightCompliance", "CCG");
    }

    @Test
    void aCopyArrivesAsALinkAndThePatronsOwnLinkEndsFiveBusinessDaysAfterFirstUse(@TempDir Path folder) throws IOException {
        byte[] pdf = TestPdfs.pages(3);
        HttpServer lender = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lender.createContext("/copies/QU-5", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, pdf.length);
            exchange.getResponseBody().write(pdf);
            exchange.close();
        });
        lender.start();
        try {
            SettableClock clock = new SettableClock(toronto("2026-11-23T09:00")); // a Monday
            CopyDeliveries deliveries = TestCopyDeliveries.create("borrowed-copies", folder, clock);
            Mocks.register("fetchCopy", new FetchCopyDelegate(deliveries));
            ProcessInstance borrowing = copyRequested(KEY, "2024");

            lenderSays("CopyCompleted", Map.of("supplierNote", "Your copy: http://127.0.0.1:" + lender.getAddress().getPort() + "/copies/QU-5"));
            while (job(borrowing) != null) {
                execute(job(borrowing));
            }

            assertThat(borrowing).isEnded().hasPassed("Task_FetchCopy", "Task_EmailCopyReady", "EndEvent_CopyDelivered");
            var copyReady = notifications.sent().get(notifications.sent().size() - 1).model();
            assertThat(copyReady).containsEntry("notice", "copy-ready");
            String patronLink = (String) copyReady.get("patronDownloadUrl");
            assertThat(patronLink).startsWith("https://ill.library.example.edu/copies/").doesNotContain("QU-5");
            assertThat(TestCopyDeliveries.copyrightBases(deliveries, KEY)).singleElement().asString()
                    .startsWith("Borrowed from Trent Durham under Copyright Act s.30.2");
            String token = patronLink.substring(patronLink.lastIndexOf('/') + 1);

            clock.set(toronto("2026-11-27T16:00")); // first opened on the Friday
            assertThat(TestCopyDeliveries.open(deliveries, token)).contains(toronto("2026-12-04T00:00")); // five business days: to the end of Thursday
            clock.set(toronto("2026-12-03T23:59"));
            assertThat(TestCopyDeliveries.open(deliveries, token)).isPresent();
            clock.set(toronto("2026-12-04T00:00"));
            assertThat(TestCopyDeliveries.open(deliveries, token)).isEmpty();
        } finally {
            lender.stop(0);
        }
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Instant toronto(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZoneId.of("America/Toronto")).toInstant();
    }

    /** Five copies from the journal (B-000101 to B-000105), each sent by this lender. */
    private void copiesArrivedFrom(String lender, String published) {
        unionItems = List.of(item(lender, Availability.ON_SHELF));
        for (int n = 1; n <= 5; n++) {
            String requestNumber = "B-00010" + n;
            copyRequested(requestNumber, published);
            runtimeService().createMessageCorrelation("ISO18626 CopyCompleted").processInstanceBusinessKey(requestNumber)
                    .setVariable("supplierStatus", "CopyCompleted").correlate();
        }
    }

    /** The sixth copy of a recent article from the journal this year, waiting for the Copyright fee decision. */
    private ProcessInstance beyondTheRuleOfFive() {
        ProcessInstance sixth = runtimeService().startProcessInstanceByKey("borrowing", "B-000106", copyRequest("B-000106", "2024"));
        execute(job(sixth));
        execute(job(sixth));
        assertThat(sixth).isWaitingAt("Task_CopyrightFeeDecision").variables().containsEntry("beyondRuleOfFive", true);
        return sixth;
    }

    /** A copy of an article from the Canadian Journal of Fisheries and Aquatic Sciences, asked of the first lender. */
    private ProcessInstance copyRequested(String requestNumber, String published) {
        ProcessInstance borrowing = runtimeService().startProcessInstanceByKey("borrowing", requestNumber, copyRequest(requestNumber, published));
        execute(job(borrowing));
        execute(job(borrowing));
        execute(job(borrowing));
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer");
        return borrowing;
    }

    /** Each for another patron (no duplicates): the rule of five counts the library's copies, not the patron's. */
    private static Map<String, Object> copyRequest(String patronId, String published) {
        Map<String, Object> request = new HashMap<>(Map.of("patronId", patronId, "patronName", "Ada Lovelace",
                "patronEmail", "ada@trentu.example.ca", "patronType", "graduate", "serviceType", "Copy",
                "title", "Canadian journal of fisheries and aquatic sciences", "issn", "0706-652X",
                "titleOfComponent", "Lake trout in the Kawarthas", "pagesRequested", "101-112"));
        request.put("publicationDate", published);
        request.put("requestNumber", patronId);
        return request;
    }

    /** Loaned by the first lender, received, picked up: the patron has it. */
    private ProcessInstance withThePatron(LocalDate lendersDueDate) {
        ProcessInstance borrowing = askingFirstLender();
        lenderSays("Loaned", Map.of("supplierDueDate", date(lendersDueDate)));
        execute(job(borrowing)); // "on its way" to the patron
        execute(job(borrowing)); // the lender's charge, if any
        complete(task(borrowing), withVariables("itemBarcode", "ILL-0042", "itemCondition", "good"));
        execute(job(borrowing));
        execute(job(borrowing));
        execute(job(borrowing));
        runtimeService().createMessageCorrelation(PatronEvents.PICKED_UP).processInstanceBusinessKey(KEY).correlate();
        execute(job(borrowing));
        assertThat(borrowing).isWaitingAt("Task_AwaitPatronReturn");
        return borrowing;
    }

    @Test
    void aLendersErrorAnswerToOurRequestMovesOnToTheNextLender() {
        ProcessInstance borrowing = started(patronRequest());
        execute(job(borrowing));
        execute(job(borrowing));
        sender.refuseWith("UnrecognisedDataValue: we do not lend to you");
        execute(job(borrowing));

        assertThat(borrowing).variables().containsEntry("supplyingAgencyId", "ISIL:CA-OKQ");
    }

    private ProcessInstance askingFirstLender() {
        ProcessInstance borrowing = started(patronRequest());
        execute(job(borrowing)); // after the start: citation, duplicates, our catalogue
        execute(job(borrowing)); // "received" email, then the rota
        execute(job(borrowing)); // the request to the first lender
        assertThat(borrowing).isWaitingAt("Gateway_AwaitAnswer");
        return borrowing;
    }

    private static ProcessInstance started(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey("borrowing", KEY, variables);
    }

    /** As the intake gives it: numbered (the number is the business key the tests start with). */
    private static Map<String, Object> patronRequest() {
        Map<String, Object> request = new HashMap<>(Map.of("patronId", "0612345", "patronName", "Ada Lovelace", "patronEmail",
                "ada@trentu.example.ca", "patronType", "graduate", "serviceType", "Loan", "title", "The Diviners", "author",
                "Laurence, Margaret", "isbn", "9780771047619"));
        request.put("requestNumber", KEY);
        return request;
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = BorrowingProcessTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private void lenderSays(String status, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("supplierStatus", status);
        runtimeService().createMessageCorrelation("ISO18626 " + status).processInstanceBusinessKey(KEY).setVariables(variables).correlate();
    }

    private static CatalogueRecord record(List<Item> items) {
        return new CatalogueRecord("rsw000042", "The diviners", "Laurence, Margaret", 1974, MaterialType.BOOK, List.of("9780771047619"),
                List.of(), List.of(), List.of(), items);
    }

    private static Item item(String agency, Availability availability) {
        return new Item(agency, "STACKS", "PS8523.A86 D5", "3900" + agency.hashCode(), "BOOK", availability, null);
    }

    private static Partner partner(String id, String name, boolean own, String tier, String fee, String currency) {
        return new Partner(id, name, own, "https://" + id.substring(5).toLowerCase() + ".example.ca/iso18626", null, tier, currency,
                new BigDecimal(fee), Duration.ofDays(3), null, true);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
