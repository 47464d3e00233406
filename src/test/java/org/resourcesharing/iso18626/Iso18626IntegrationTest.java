package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.catalogue.ImportedCatalogue;
import org.resourcesharing.catalogue.TestMarcRecords;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.iso18626.Iso18626Transactions.Role;
import org.resourcesharing.iso18626.model.ConfirmationHeader;
import org.resourcesharing.iso18626.model.ErrorData;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.RequestingAgencyAuthentication;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The protocol layer over real HTTP against the running application, with the demo's partner directory. */
@ResourceSharingIntegrationTest
class Iso18626IntegrationTest {

    private static final String QUEENS = "ISIL:CA-OKQ";
    private static final String MCGILL = "ISIL:CA-QMM";
    private static final String BATA = "ISIL:CA-OPETB";
    private static final String DURHAM = "ISIL:CA-OODT";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Iso18626Codec codec;
    @Autowired
    Iso18626Sender sender;
    @Autowired
    Iso18626Transactions transactions;
    @Autowired
    Iso18626MessageLog messageLog;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ImportedCatalogue importedCatalogue;

    /** Our copy of the book the partners ask for is on the shelf, so requests reach lending staff. */
    @BeforeEach
    void putTheRequestedBookOnOurShelf() {
        importedCatalogue.importMarc(new ByteArrayInputStream(TestMarcRecords.export(TestMarcRecords.twoSolitudes())));
    }

    /** The demo's own agencies call this instance; in a test it listens on a random port, which a manager sets. */
    @BeforeEach
    void pointTheOwnAgenciesAtThisServer() {
        for (String agency : List.of(BATA, DURHAM)) {
            JsonNode partner = http.withBasicAuth("max", "demo").getForObject("/api/partners/" + agency, JsonNode.class);
            Map<String, Object> form = Map.of("name", partner.path("name").asText(), "own", true, "emailOnly", false,
                    "endpointUrl", "http://localhost:" + port + "/iso18626", "email", partner.path("email").asText(),
                    "tier", "own-campus", "currency", "CAD", "lendingFee", "0.00", "answerTimeout", "P2D");
            ResponseEntity<JsonNode> saved = http.withBasicAuth("max", "demo")
                    .exchange("/api/partners/" + agency, HttpMethod.PUT, new HttpEntity<>(form), JsonNode.class);
            assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aPartnersRequestStartsTheLendingProcessAndIsConfirmed() {
        String requestId = newRequestId();

        ISO18626Message confirmation = post(request(QUEENS, BATA, requestId), "queens", "demo-queens");

        ConfirmationHeader header = confirmation.getRequestConfirmation().getConfirmationHeader();
        assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(header.getRequestingAgencyRequestId()).isEqualTo(requestId);
        assertThat(header.getTimestampReceived()).isNotNull();
        ProcessInstance lending = lendingFor(QUEENS, requestId);
        assertThat(runtimeService.getVariables(lending.getId())).containsEntry("title", "Two Solitudes")
                .containsEntry("isbn", "9781551999012").containsEntry("requestingAgencyName", "Queen's University Library")
                .containsEntry("partnerTier", "ocul").containsEntry("serviceType", "Loan");
        assertThat(awaitReviewTask(lending.getId()).getName()).isEqualTo("Review lending request");
    }

    @Test
    void theSameRequestSentTwiceStartsOneProcessAndIsConfirmedTwice() {
        String requestId = newRequestId();
        String request = request(QUEENS, BATA, requestId);

        ISO18626Message first = post(request, "queens", "demo-queens");
        ISO18626Message second = post(request, "queens", "demo-queens");

        assertThat(first.getRequestConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(second.getRequestConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(QUEENS + "/" + requestId).count()).isOne();
        assertThat(messageLog.forBusinessKey(QUEENS + "/" + requestId)).extracting(Entry::outcome)
                .containsExactly(Outcome.ROUTED, Outcome.DUPLICATE);
    }

    @Test
    void aVersion11RequestWithoutMultipleItemRequestIdIsAcceptedAndRouted() {
        String requestId = newRequestId();
        String version11 = request(QUEENS, BATA, requestId)
                .replaceAll("<([\\w]+:)?multipleItemRequestId\\s*/>|<([\\w]+:)?multipleItemRequestId>\\s*</([\\w]+:)?multipleItemRequestId>", "")
                .replace("version=\"1.2\"", "version=\"1.1\"");
        assertThat(version11).doesNotContain("multipleItemRequestId").contains("version=\"1.1\"");

        ISO18626Message confirmation = post(version11, "queens", "demo-queens");

        assertThat(confirmation.getRequestConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(lendingFor(QUEENS, requestId)).isNotNull();
        assertThat(messageLog.forBusinessKey(QUEENS + "/" + requestId).get(0).note()).contains("multipleItemRequestId");
    }

    @Test
    void aPartnerWithASharedSecretAuthenticatesWithItsSecurityCode() {
        String requestId = newRequestId();
        ISO18626Message request = requestMessage(MCGILL, BATA, requestId);
        RequestingAgencyAuthentication authentication = new RequestingAgencyAuthentication();
        authentication.setAccountId("trent");
        authentication.setSecurityCode("demo-mcgill-shared-secret");
        request.getRequest().getHeader().setRequestingAgencyAuthentication(authentication);

        ResponseEntity<String> response = postRaw(codec.write(request), null, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lendingFor(MCGILL, requestId)).isNotNull();
    }

    @Test
    void aPartnerThatDoesNotAuthenticateIsRefused() {
        String requestId = newRequestId();

        ResponseEntity<String> anonymous = postRaw(request(QUEENS, BATA, requestId), null, null);
        ResponseEntity<String> wrongPassword = postRaw(request(QUEENS, BATA, requestId), "queens", "guess");
        ResponseEntity<String> anotherPartnersPassword = postRaw(request(QUEENS, BATA, requestId), "uw-libraries", "demo-uw");

        assertThat(List.of(anonymous, wrongPassword, anotherPartnersPassword)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(QUEENS + "/" + requestId).count()).isZero();
        assertThat(messageLog.forRequestId(requestId)).extracting(Entry::outcome).containsOnly(Outcome.REJECTED);
    }

    @Test
    void malformedXmlIsABadlyFormedMessage() {
        ErrorData error = refusal(postRaw("<ISO18626Message xmlns=\"http://illtransactions.org/2013/iso18626\"><request><header>", "queens", "demo-queens"));

        assertThat(error.getErrorType().value()).isEqualTo("BadlyFormedMessage");
    }

    @Test
    void aSchemaInvalidMessageIsABadlyFormedMessage() {
        String withoutBibliographicInfo = request(QUEENS, BATA, newRequestId())
                .replaceAll("(?s)<([\\w]+:)?bibliographicInfo>.*</([\\w]+:)?bibliographicInfo>", "");

        ErrorData error = refusal(postRaw(withoutBibliographicInfo, "queens", "demo-queens"));

        assertThat(error.getErrorType().value()).isEqualTo("BadlyFormedMessage");
        assertThat(error.getErrorValue()).isNotBlank();
    }

    @Test
    void anUnknownAgencyIsAnUnrecognisedDataValueNamingTheElement() {
        ErrorData unknownSender = refusal(postRaw(request("ISIL:XX-NOWHERE", BATA, newRequestId()), "queens", "demo-queens"));
        ErrorData notOurAgency = refusal(postRaw(request(QUEENS, MCGILL, newRequestId()), "queens", "demo-queens"));

        assertThat(unknownSender.getErrorType().value()).isEqualTo("UnrecognisedDataValue");
        assertThat(unknownSender.getErrorValue()).contains("requestingAgencyId").contains("ISIL:XX-NOWHERE");
        assertThat(notOurAgency.getErrorType().value()).isEqualTo("UnrecognisedDataValue");
        assertThat(notOurAgency.getErrorValue()).contains("supplyingAgencyId").contains(MCGILL);
    }

    @Test
    void aMessageAboutAnUnknownRequestIsAnUnrecognisedDataValue() {
        String cancel = codec.write(Iso18626Messages.requestingAgencyMessage(header(BATA, QUEENS, "NEVER-SENT-1"), TypeAction.CANCEL, null));

        ISO18626Message confirmation = codec.parse(postRaw(cancel, "queens", "demo-queens").getBody().getBytes(StandardCharsets.UTF_8)).message();

        ErrorData error = confirmation.getRequestingAgencyMessageConfirmation().getErrorData();
        assertThat(error.getErrorType().value()).isEqualTo("UnrecognisedDataValue");
        assertThat(error.getErrorValue()).contains("requestingAgencyRequestId").contains("NEVER-SENT-1");
    }

    @Test
    void anUnsupportedActionOrReasonIsRefusedWithItsOwnErrorType() {
        String requestId = newRequestId();
        post(request(QUEENS, BATA, requestId), "queens", "demo-queens");
        String teleport = codec.write(Iso18626Messages.requestingAgencyMessage(header(BATA, QUEENS, requestId), TypeAction.CANCEL, null))
                .replace(">Cancel<", ">Teleport<");
        String gossip = codec.write(Iso18626Messages.supplyingAgencyMessage(header(QUEENS, BATA, "B-" + requestId),
                TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED, null)).replace(">StatusChange<", ">Gossip<");

        ErrorData action = refusalOf(postRaw(teleport, "queens", "demo-queens")).getRequestingAgencyMessageConfirmation().getErrorData();
        ErrorData reason = refusalOf(postRaw(gossip, "queens", "demo-queens")).getSupplyingAgencyMessageConfirmation().getErrorData();

        assertThat(action.getErrorType().value()).isEqualTo("UnsupportedActionType");
        assertThat(action.getErrorValue()).contains("Teleport");
        assertThat(reason.getErrorType().value()).isEqualTo("UnsupportedReasonForMessageType");
        assertThat(reason.getErrorValue()).contains("Gossip");
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET-PATRON-LIST-4711");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + request(QUEENS, BATA, newRequestId()).replaceFirst("<\\?xml[^>]*\\?>", "").replace("Two Solitudes", "&x;");

        ResponseEntity<String> response = postRaw(xxe, "queens", "demo-queens");

        assertThat(refusal(response).getErrorType().value()).isEqualTo("BadlyFormedMessage");
        assertThat(response.getBody()).doesNotContain("TOP-SECRET");
    }

    @Test
    void anOversizedMessageIsRefusedAndNoAnswerCarriesAStackTrace() {
        String huge = request(QUEENS, BATA, newRequestId()).replace("Two Solitudes", "x".repeat(1_100_000));

        ResponseEntity<String> response = postRaw(huge, "queens", "demo-queens");

        assertThat(refusal(response).getErrorType().value()).isEqualTo("BadlyFormedMessage");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aCancellationReachesTheWaitingLendingProcessAndALateOneIsKeptForStaff() {
        String requestId = newRequestId();
        post(request(QUEENS, BATA, requestId), "queens", "demo-queens");
        awaitReviewTask(lendingFor(QUEENS, requestId).getId());
        String cancel = codec.write(Iso18626Messages.requestingAgencyMessage(header(BATA, QUEENS, requestId), TypeAction.CANCEL, "Patron found a copy"));

        ISO18626Message first = post(cancel, "queens", "demo-queens");
        ISO18626Message late = post(cancel, "queens", "demo-queens");

        assertThat(first.getRequestingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(late.getRequestingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(QUEENS + "/" + requestId).count()).isZero();
        assertThat(messageLog.forBusinessKey(QUEENS + "/" + requestId)).filteredOn(entry -> entry.direction() == Direction.IN)
                .extracting(Entry::messageType, Entry::outcome).containsExactly(
                tuple("request", Outcome.ROUTED),
                tuple("requestingAgencyMessage", Outcome.ROUTED),
                tuple("requestingAgencyMessage", Outcome.NOT_EXPECTED));
    }

    @Test
    void aCancellationSentRightAfterTheRequestEndsItWhereverTheCatalogueCheckHasGot() {
        String requestId = newRequestId();
        post(request(QUEENS, BATA, requestId), "queens", "demo-queens");
        ProcessInstance lending = lendingFor(QUEENS, requestId);
        String cancel = codec.write(Iso18626Messages.requestingAgencyMessage(header(BATA, QUEENS, requestId), TypeAction.CANCEL, "Sent in error"));

        // the job executor checks the catalogue meanwhile: the Cancel comes before, during or after that check
        ISO18626Message confirmation = post(cancel, "queens", "demo-queens");

        assertThat(confirmation.getRequestingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lending.getId()).activityId("Event_CancelReceived")
                .finished().count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(lending.getId()).count()).as("no review left for staff").isZero();
        assertThat(messageLog.forBusinessKey(QUEENS + "/" + requestId)).filteredOn(entry -> entry.direction() == Direction.IN)
                .extracting(Entry::messageType, Entry::outcome)
                .containsExactly(tuple("request", Outcome.ROUTED), tuple("requestingAgencyMessage", Outcome.ROUTED));
    }

    @Test
    void aLateAnswerFromALenderWeNoLongerAskIsKeptButMovesNothing() {
        repositoryService.createDeployment().name("iso18626-test").addClasspathResource("iso18626/awaiting-supplier.bpmn").deploy();
        String requestId = "B-" + newRequestId();
        String businessKey = "borrowing/" + requestId;
        ProcessInstance borrowing = runtimeService.startProcessInstanceByKey("iso18626-awaiting-supplier", businessKey,
                Map.of("supplyingAgencyId", "ISIL:CA-QMM"));
        transactions.create(Role.REQUESTER, BATA, requestId, QUEENS, null, businessKey);
        ISO18626Message lateLoaned = Iso18626Messages.supplyingAgencyMessage(header(QUEENS, BATA, requestId),
                TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED, "Sent after all");

        ISO18626Message confirmation = post(codec.write(lateLoaned), "queens", "demo-queens");

        assertThat(confirmation.getSupplyingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(borrowing.getId()).eventName("ISO18626 Loaned").count())
                .as("still waiting for McGill").isOne();
        assertThat(messageLog.forBusinessKey(businessKey)).filteredOn(entry -> entry.direction() == Direction.IN)
                .extracting(Entry::outcome).containsExactly(Outcome.NOT_EXPECTED);
    }

    @Test
    void aSuppliersMessageReachesTheBorrowingProcessWaitingForIt() {
        repositoryService.createDeployment().name("iso18626-test").addClasspathResource("iso18626/awaiting-supplier.bpmn").deploy();
        String requestId = "B-" + newRequestId();
        String businessKey = "borrowing/" + requestId;
        // the borrowing process names the lender it asked; only that lender's messages reach it
        ProcessInstance borrowing = runtimeService.startProcessInstanceByKey("iso18626-awaiting-supplier", businessKey,
                Map.of("supplyingAgencyId", QUEENS));
        transactions.create(Role.REQUESTER, BATA, requestId, QUEENS, null, businessKey);
        ISO18626Message loaned = Iso18626Messages.supplyingAgencyMessage(header(QUEENS, BATA, requestId),
                TypeReasonForMessage.STATUS_CHANGE, TypeStatus.LOANED, "Due back 15 January");
        loaned.getSupplyingAgencyMessage().getHeader().setSupplyingAgencyRequestId("QU-L-881");

        ISO18626Message confirmation = post(codec.write(loaned), "queens", "demo-queens");

        assertThat(confirmation.getSupplyingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(confirmation.getSupplyingAgencyMessageConfirmation().getReasonForMessage()).isEqualTo(TypeReasonForMessage.STATUS_CHANGE);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(borrowing.getId()).eventName("ISO18626 Loaned").count())
                .isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(borrowing.getId()).variableName("supplierNote")
                .singleResult().getValue()).isEqualTo("Due back 15 January");
        assertThat(transactions.find(Role.REQUESTER, BATA, requestId, QUEENS).orElseThrow().supplyingRequestId()).isEqualTo("QU-L-881");
    }

    @Test
    void ownAgenciesLendToEachOtherOverTheSameProtocolPath() {
        String requestId = "DUR-" + newRequestId();
        ISO18626Message request = requestMessage(DURHAM, BATA, requestId);

        sender.send(new Iso18626Sender.Outgoing(request, "borrowing/" + requestId, null));

        ProcessInstance lending = lendingFor(DURHAM, requestId);
        assertThat(runtimeService.getVariable(lending.getId(), "requestingAgencyName")).isEqualTo("Trent University Durham GTA Library");
        assertThat(messageLog.forRequestId(requestId)).extracting(Entry::direction, Entry::outcome).containsExactlyInAnyOrder(
                tuple(Direction.OUT, Outcome.SENT), tuple(Direction.IN, Outcome.ROUTED));
        assertThat(transactions.find(Role.REQUESTER, DURHAM, requestId, BATA)).isPresent();
    }

    @Test
    void anUnreachablePartnerIsRetriedThenBecomesAnIncidentAndTheRequestRemains() throws Exception {
        String requestId = newRequestId();
        post(request(QUEENS, BATA, requestId), "queens", "demo-queens");
        ProcessInstance lending = lendingFor(QUEENS, requestId);
        String task = awaitReviewTask(lending.getId()).getId();
        taskService.complete(task, Map.of("supplyDecision", "supply"));

        Job send = awaitFailedJob(lending.getId());
        assertThat(send.getRetries()).isEqualTo(4);
        for (int retry = 0; retry < 4; retry++) {
            try {
                managementService.executeJob(send.getId());
            } catch (RuntimeException stillUnreachable) {
                assertThat(stillUnreachable).hasMessageContaining("Queen's University Library");
            }
        }

        assertThat(runtimeService.createIncidentQuery().processInstanceId(lending.getId()).singleResult().getIncidentMessage())
                .contains("Queen's University Library", "host name cannot be resolved");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lending.getId()).active().count()).isOne();
        assertThat(messageLog.forBusinessKey(QUEENS + "/" + requestId)).filteredOn(entry -> entry.direction() == Direction.OUT)
                .hasSize(5).extracting(Entry::outcome).containsOnly(Outcome.SEND_FAILED);
    }

    @Test
    void staffReadTheDirectoryWithoutSecretsAndOnlyManagersChangeIt() {
        ResponseEntity<String> list = http.withBasicAuth("bella", "demo").getForEntity("/api/partners", String.class);
        Map<String, Object> form = Map.of("name", "Bibliothèque et Archives nationales du Québec", "own", false, "emailOnly", false,
                "endpointUrl", "https://ill.banq.example/iso18626", "tier", "canada", "currency", "CAD", "lendingFee", "10.00",
                "answerTimeout", "P4D", "incomingAuthentication", Map.of("type", "BASIC", "username", "banq", "secret", "s3cret-banq"));

        ResponseEntity<String> byStaff = http.withBasicAuth("leo", "demo")
                .exchange("/api/partners/ISIL:CA-QMBN", HttpMethod.PUT, new HttpEntity<>(form), String.class);
        ResponseEntity<JsonNode> byManager = http.withBasicAuth("max", "demo")
                .exchange("/api/partners/ISIL:CA-QMBN", HttpMethod.PUT, new HttpEntity<>(form), JsonNode.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains(QUEENS, "Universitätsbibliothek Wien").doesNotContain("demo-queens", "secret");
        assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byManager.getBody().path("tier").asText()).isEqualTo("canada");
        assertThat(http.withBasicAuth("cora", "demo").getForEntity("/api/partners", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anInvalidPartnerIsRefusedFieldByField() {
        Map<String, Object> form = Map.of("name", "", "own", false, "emailOnly", false, "endpointUrl", "ftp://files.example",
                "tier", "ocul", "currency", "XYZ", "lendingFee", "-1", "answerTimeout", "three days");

        ResponseEntity<JsonNode> response = http.withBasicAuth("max", "demo")
                .exchange("/api/partners/ISIL:CA-NEW", HttpMethod.PUT, new HttpEntity<>(form), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).contains("name", "lendingFee");
        ResponseEntity<JsonNode> semantic = http.withBasicAuth("max", "demo").exchange("/api/partners/ISIL:CA-NEW", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "New", "own", false, "emailOnly", false, "endpointUrl", "ftp://files.example",
                        "tier", "ocul", "currency", "XYZ", "lendingFee", "1", "answerTimeout", "three days")), JsonNode.class);
        assertThat(semantic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(semantic.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("currency", "answerTimeout", "incomingAuthentication", "endpointUrl");
    }

    @Test
    void lendingStaffReadARequestsMessagesAndOtherStaffDoNot() {
        String requestId = newRequestId();
        post(request(QUEENS, BATA, requestId), "queens", "demo-queens");

        ResponseEntity<JsonNode> lendingStaff = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/iso18626/messages?businessKey={key}", JsonNode.class, QUEENS + "/" + requestId);
        ResponseEntity<String> copyrightStaff = http.withBasicAuth("cora", "demo")
                .getForEntity("/api/iso18626/messages?businessKey={key}", String.class, QUEENS + "/" + requestId);

        assertThat(lendingStaff.getBody().get(0).path("messageXml").asText()).contains(requestId).contains("Two Solitudes");
        assertThat(lendingStaff.getBody().get(0).path("confirmationXml").asText()).contains("OK");
        assertThat(copyrightStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The catalogue check before the review runs in the job executor. */
    private Task awaitReviewTask(String processInstanceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
            if (task != null) {
                return task;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("no review task within 30 s");
    }

    private Job awaitFailedJob(String processInstanceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).withException().singleResult();
            if (job != null) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job executor did not try to send within 30 s");
    }

    private ProcessInstance lendingFor(String requester, String requestId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("lending")
                .processInstanceBusinessKey(requester + "/" + requestId).singleResult();
        assertThat(instance).as("lending process for %s/%s", requester, requestId).isNotNull();
        return instance;
    }

    private static String newRequestId() {
        return "QU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Header header(String supplying, String requesting, String requestId) {
        return Iso18626Messages.header(Iso18626Messages.agencyId(supplying), Iso18626Messages.agencyId(requesting), requestId, null,
                OffsetDateTime.now());
    }

    private static ISO18626Message requestMessage(String requester, String supplier, String requestId) {
        return Iso18626Messages.request(header(supplier, requester, requestId), TypeServiceType.LOAN, "Two Solitudes",
                "MacLennan, Hugh", "1945", Iso18626Messages.itemId("ISBN", "9781551999012"));
    }

    private String request(String requester, String supplier, String requestId) {
        return codec.write(requestMessage(requester, supplier, requestId));
    }

    private ResponseEntity<String> postRaw(String xml, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.postForEntity("/iso18626", new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private ISO18626Message post(String xml, String user, String password) {
        ResponseEntity<String> response = postRaw(xml, user, password);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return codec.parse(response.getBody().getBytes(StandardCharsets.UTF_8)).message();
    }

    private ISO18626Message refusalOf(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).doesNotContain("Exception");
        return codec.parse(response.getBody().getBytes(StandardCharsets.UTF_8)).message();
    }

    private ErrorData refusal(ResponseEntity<String> response) {
        ISO18626Message confirmation = refusalOf(response);
        assertThat(confirmation.getRequestConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.ERROR);
        return confirmation.getRequestConfirmation().getErrorData();
    }
}
