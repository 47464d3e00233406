package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.TestPdfs;
import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.resourcesharing.testsupport.PageForms;
import org.resourcesharing.testsupport.MailText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The whole loan and copy paths between two libraries, each step over real HTTP: our Peterborough
 * library (ISIL:CA-OPETB) borrows "The patriots and the people" for a patron from our Durham
 * library (ISIL:CA-OODT), and gets a patron an article copy from Durham's Communications of the
 * ACM; Durham's lending process answers through the same /iso18626 endpoint. Staff work the tasks
 * of both processes; the job executor does the rest.
 */
@ResourceSharingIntegrationTest
class BorrowingOverHttpIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern COPY_LINK = Pattern.compile("https?://\\S+/copies/[A-Za-z0-9_-]{43}");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Iso18626MessageLog messageLog;
    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;
    @Value("${resource-sharing.demo.mail-server.imap-port}")
    int imapPort;

    private ProcessInstance borrowing;
    /** Business keys of the requests a test started on both sides, removed if a failure left them running. */
    private final List<String> businessKeys = new ArrayList<>();

    @AfterEach
    void removeWhatIsStillRunning() {
        businessKeys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId())));
    }

    /** The demo's own agencies call this instance; in a test it listens on a random port, which a manager sets. */
    @BeforeEach
    void pointTheOwnAgenciesAtThisServer() {
        for (String agency : List.of("ISIL:CA-OPETB", "ISIL:CA-OODT")) {
            JsonNode partner = http.withBasicAuth("max", "demo").getForObject("/api/partners/" + agency, JsonNode.class);
            Map<String, Object> form = Map.of("name", partner.path("name").asText(), "own", true, "emailOnly", false,
                    "endpointUrl", "http://localhost:" + port + "/iso18626", "email", partner.path("email").asText(),
                    "tier", "own-campus", "currency", "CAD", "lendingFee", "0.00", "answerTimeout", "P2D");
            assertThat(http.withBasicAuth("max", "demo").exchange("/api/partners/" + agency, HttpMethod.PUT, new HttpEntity<>(form),
                    JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aLoanTravelsFromTheLenderToThePatronAndBackOverIso18626() {
        String requestNumber = "B-HTTP-" + Instant.now().toEpochMilli();
        Map<String, Object> request = new HashMap<>(Map.of("patronId", "0612345", "patronName", "Ada Lovelace",
                "patronEmail", "ada@trentu.example.ca", "patronType", "graduate", "serviceType", "Loan",
                "title", "The patriots and the people", "isbn", "9780802037893", "requestNumber", requestNumber));
        ProcessInstance borrowing = runtimeService.startProcessInstanceByKey("borrowing", requestNumber, request);
        String lendingKey = "ISIL:CA-OPETB/" + requestNumber;
        businessKeys.addAll(List.of(requestNumber, lendingKey));

        this.borrowing = borrowing;
        Task review = awaitTask(lendingKey, "Task_ReviewRequest");
        assertThat(runtimeService.getVariable(borrowing.getId(), "supplyingAgencyId")).isEqualTo("ISIL:CA-OODT");
        taskService.complete(review.getId(), Map.of("supplyDecision", "supply"));
        awaitVariable(borrowing.getId(), "patronStatus", "asked"); // WillSupply arrived
        taskService.complete(awaitTask(lendingKey, "Task_PullItem").getId(), Map.of("itemBarcode", "39000777"));
        taskService.complete(awaitTask(lendingKey, "Task_PackAndShip").getId(), Map.of("shippingMethod", "ConsortiumCourier"));

        Task receive = awaitTask(requestNumber, "Task_ReceiveItem");
        assertThat(runtimeService.getVariable(borrowing.getId(), "itemId")).isEqualTo("39000777");
        taskService.complete(receive.getId(), Map.of("itemBarcode", "ILL-0777", "itemCondition", "good"));
        awaitWaiting(borrowing.getId(), "Task_AwaitPickup");
        assertThat(http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests/{n}/pickup", null, String.class, requestNumber)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitWaiting(borrowing.getId(), "Task_AwaitPatronReturn");
        assertThat(http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests/{n}/return", null, String.class, requestNumber)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        taskService.complete(awaitTask(requestNumber, "Task_ShipBack").getId(), Map.of("shippingMethod", "ConsortiumCourier"));

        taskService.complete(awaitTask(lendingKey, "Task_CheckIn").getId(), Map.of("returnCondition", "fine"));
        await("the borrowing request to end", () -> historyService.createHistoricProcessInstanceQuery().processInstanceId(borrowing.getId())
                .finished().count() == 1);

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(borrowing.getId()).activityId("EndEvent_LoanCompleted")
                .count()).isOne();
        assertThat(messageLog.forBusinessKey(requestNumber)).filteredOn(entry -> entry.direction() == Direction.OUT)
                .extracting(Entry::messageValue).containsExactly("Loan", "Received", "ShippedReturn");
        assertThat(messageLog.forBusinessKey(requestNumber)).filteredOn(entry -> entry.direction() == Direction.IN)
                .extracting(Entry::messageValue).containsExactly("WillSupply", "Loaned", "LoanCompleted");
    }

    @Test
    void aCopyIsScannedByTheLenderFetchedOverHttpAndReachesThePatronThroughAPersonalLink() throws Exception {
        String patronEmail = "grace." + UUID.randomUUID().toString().substring(0, 8) + "@trentu.example.ca";
        Map<String, Object> request = new HashMap<>(Map.of("patronId", "0698765", "patronName", "Grace Hopper", "patronEmail", patronEmail,
                "patronType", "faculty", "serviceType", "Copy", "journalTitle", "Communications of the ACM",
                "articleTitle", "Go to statement considered harmful", "issn", "0001-0782", "pages", "147-148"));
        request.putAll(Map.of("author", "Dijkstra, Edsger W.", "volume", "11", "issue", "3", "year", "1968"));

        ResponseEntity<JsonNode> submitted = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", request,
                JsonNode.class);

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String requestNumber = submitted.getBody().path("requestNumber").asText();
        String lendingKey = "ISIL:CA-OPETB/" + requestNumber;
        businessKeys.addAll(List.of(requestNumber, lendingKey));
        ProcessInstance borrowing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).singleResult();
        this.borrowing = borrowing;

        // Durham (lending) reviews the request the ISO 18626 Request started, and will supply it
        Task review = awaitTask(lendingKey, "Task_ReviewRequest");
        String lending = review.getProcessInstanceId();
        assertThat(runtimeService.getVariable(borrowing.getId(), "supplyingAgencyId")).isEqualTo("ISIL:CA-OODT");
        assertThat(runtimeService.getVariable(borrowing.getId(), "copyrightCompliance")).isEqualTo("CA-CopyrightActS30.2"); // our own campus: Copyright Act s.30.2
        assertThat(runtimeService.getVariables(lending)).containsEntry("serviceType", "Copy")
                .containsEntry("title", "Communications of the ACM").containsEntry("titleOfComponent", "Go to statement considered harmful")
                .containsEntry("pagesRequested", "147-148").containsEntry("policyDecision", "copy");
        taskService.complete(review.getId(), Map.of("supplyDecision", "supply"));
        awaitVariable(borrowing.getId(), "patronStatus", "asked"); // WillSupply arrived

        // the copyright table allows it (a periodical article published more than a year ago): Scan and deliver, on the upload page
        Task scan = awaitTask(lendingKey, "Task_ScanAndDeliver");
        assertThat(runtimeService.getVariables(lending)).containsEntry("copyrightDecision", "allow")
                .containsEntry("copyrightBasis", "Copyright Act s.30.2(2)");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lending).activityId("Task_CopyrightReview").count())
                .isZero();
        byte[] scanned = TestPdfs.pages(2, "Dijkstra, Go to statement considered harmful, CACM 11(3)");
        ResponseEntity<String> form = http.withBasicAuth("leo", "demo").getForEntity("/lending/copies/upload?taskId={task}", String.class,
                scan.getId());
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("Communications of the ACM", "Go to statement considered harmful", "147-148", "(2 pages)");
        ResponseEntity<String> uploaded = upload("leo", form, scan.getId(), scanned);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);

        // CopyCompleted carries the lender's link; the borrowing process fetches the copy from it and tells the patron
        await("the borrowing request to end", () -> historyService.createHistoricProcessInstanceQuery().processInstanceId(borrowing.getId())
                .finished().count() == 1);
        await("the lending request to end", () -> historyService.createHistoricProcessInstanceQuery().processInstanceId(lending)
                .finished().count() == 1);
        assertThat(endEvent(borrowing.getId())).isEqualTo("EndEvent_CopyDelivered");
        assertThat(endEvent(lending)).isEqualTo("EndEvent_CopyDelivered");

        String lendersLink = (String) historicVariable(lending, "deliveryUrl");
        String patronsLink = (String) historicVariable(borrowing.getId(), "patronDownloadUrl");
        assertThat(lendersLink).matches(COPY_LINK.pattern()).startsWith("http://localhost:" + port + "/copies/");
        assertThat(patronsLink).matches(COPY_LINK.pattern()).startsWith("http://localhost:" + port + "/copies/").isNotEqualTo(lendersLink);
        assertThat(historicVariable(borrowing.getId(), "supplierNote")).isEqualTo("Download: " + lendersLink);
        assertThat(historicVariable(borrowing.getId(), "patronStatus")).isEqualTo("copy-ready");

        List<Entry> borrowed = messageLog.forBusinessKey(requestNumber);
        assertThat(borrowed).filteredOn(entry -> entry.direction() == Direction.OUT).extracting(Entry::messageType, Entry::messageValue,
                Entry::partnerAgencyId, Entry::outcome).containsExactly(tuple("request", "Copy", "ISIL:CA-OODT", Outcome.SENT));
        assertThat(borrowed).filteredOn(entry -> entry.direction() == Direction.IN).extracting(Entry::messageValue, Entry::outcome)
                .containsExactly(tuple("WillSupply", Outcome.ROUTED), tuple("CopyCompleted", Outcome.ROUTED));
        assertThat(borrowed).filteredOn(entry -> "CopyCompleted".equals(entry.messageValue())).singleElement()
                .satisfies(entry -> assertThat(entry.messageXml()).contains(lendersLink));
        List<Entry> lent = messageLog.forBusinessKey(lendingKey);
        assertThat(lent).filteredOn(entry -> entry.direction() == Direction.IN).extracting(Entry::messageType, Entry::messageValue)
                .containsExactly(tuple("request", "Copy"));
        assertThat(lent).filteredOn(entry -> entry.direction() == Direction.OUT).extracting(Entry::messageValue)
                .containsExactly("WillSupply", "CopyCompleted");

        // the patron's email gives the personal link, which downloads the very PDF the lender scanned
        List<Message> mails = inbox(patronEmail, 2);
        assertThat(mails).extracting(Message::getSubject).containsExactly(
                "We have your request: Communications of the ACM [RS-" + requestNumber + "]",
                "Your copy is ready: Communications of the ACM [RS-" + requestNumber + "]");
        Matcher linkInMail = COPY_LINK.matcher(MailText.plain(mails.get(1)));
        assertThat(linkInMail.find()).as("a download link in the copy-ready email").isTrue();
        assertThat(linkInMail.group()).isEqualTo(patronsLink);
        ResponseEntity<byte[]> download = http.getForEntity(patronsLink, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getBody()).isEqualTo(scanned);

        // two deliveries of one scan: the lender's, opened once (by our fetch), and the patron's, whose five days began with the
        // patron's download
        JsonNode lendersCopy = http.withBasicAuth("leo", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class, lendingKey);
        JsonNode patronsCopy = http.withBasicAuth("bella", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class, requestNumber);
        assertThat(lendersCopy).hasSize(1);
        assertThat(lendersCopy.get(0).path("pageCount").asInt()).isEqualTo(2);
        assertThat(lendersCopy.get(0).path("copyrightBasis").asText()).isEqualTo("Copyright Act s.30.2(2)");
        assertThat(lendersCopy.get(0).path("accesses")).hasSize(1);
        assertThat(patronsCopy).hasSize(1);
        assertThat(patronsCopy.get(0).path("pageCount").asInt()).isEqualTo(2);
        assertThat(patronsCopy.get(0).path("copyrightBasis").asText()).isEqualTo("Borrowed from Trent University Durham GTA Library under Copyright Act s.30.2: a library copy for the patron's research or private study");
        assertThat(patronsCopy.get(0).path("accesses")).hasSize(1);
        assertThat(patronsCopy.get(0).path("expiresAt").isNull()).isFalse();
    }

    private String endEvent(String processInstanceId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance.getEndActivityId();
    }

    private Object historicVariable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).singleResult()
                .getValue();
    }

    /** Posts the Scan and deliver form as a browser would: with the CSRF field of the page and the cookie it set. */
    private ResponseEntity<String> upload(String user, ResponseEntity<String> form, String task, byte[] pdf) {
        HttpHeaders headers = PageForms.multipartHeaders(PageForms.cookie(form, "RS-PAGES-XSRF"));
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", PageForms.csrfToken(form));
        body.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "dijkstra-1968.pdf";
            }
        });
        return http.withRedirects(Redirects.DONT_FOLLOW).withBasicAuth(user, "demo").postForEntity("/lending/copies/upload?taskId={task}",
                new HttpEntity<>(body, headers), String.class, task);
    }

    /** The patron's mailbox on the demo mail server, over IMAP, once {@code expected} messages have arrived. */
    private List<Message> inbox(String address, int expected) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, address);
        try {
            return await(expected + " emails to " + address, () -> {
                try {
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    try {
                        Message[] messages = inbox.getMessages();
                        if (messages.length < expected) {
                            return null;
                        }
                        List<Message> read = new ArrayList<>();
                        for (Message message : messages) {
                            read.add(new MimeMessage((MimeMessage) message)); // readable after the folder closes
                        }
                        return read;
                    } finally {
                        inbox.close(false);
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            store.close();
        }
    }

    private Task awaitTask(String businessKey, String taskKey) {
        return await("task " + taskKey + " of " + businessKey,
                () -> taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult());
    }

    private void awaitWaiting(String processInstanceId, String activityId) {
        await(processInstanceId + " waiting at " + activityId,
                () -> runtimeService.createExecutionQuery().processInstanceId(processInstanceId).activityId(activityId).count() > 0 ? true : null);
    }

    private void awaitVariable(String processInstanceId, String name, Object value) {
        await(name + " = " + value, () -> value.equals(runtimeService.getVariable(processInstanceId, name)) ? true : null);
    }

    /** The job executor moves both processes on in the background; wait for it, but not forever. */
    private <T> T await(String what, Supplier<T> check) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            T result = check.get();
            if (result != null && !Boolean.FALSE.equals(result)) {
                return result;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("Gave up waiting for " + what + " after " + PATIENCE.toSeconds() + " s; the borrowing request passed "
                + historyService.createHistoricActivityInstanceQuery().processInstanceId(borrowing.getId()).orderByHistoricActivityInstanceStartTime()
                .asc().list().stream().map(activity -> activity.getActivityId()).toList() + ", incidents " + runtimeService.createIncidentQuery()
                .processInstanceId(borrowing.getId()).list().stream().map(incident -> incident.getIncidentMessage()).toList()
                + ", failed jobs " + managementService.createJobQuery().processInstanceId(borrowing.getId()).withException().list().stream()
                .map(job -> job.getExceptionMessage()).toList()
                + ", rota " + historyService.createHistoricVariableInstanceQuery().processInstanceId(borrowing.getId()).variableName("lenderRotaNotes")
                .list().stream().map(variable -> variable.getValue()).toList());
    }
}
