package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.TestPdfs;
import org.resourcesharing.platform.CallbackUrls;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.resourcesharing.testsupport.PageForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Scan and deliver upload page as a browser uses it: the form is fetched first (it carries the
 * CSRF token, also set as a cookie), then posted as multipart with the file.
 */
@ResourceSharingIntegrationTest
class ScanAndDeliverUploadIntegrationTest {

    private static final String TASKLIST_CALLBACK = "/camunda/app/tasklist/default/#/?task=";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    private final List<String> started = new ArrayList<>();

    /** Completed instances go on to tell a borrower that does not exist here; they are not part of these tests. */
    @AfterEach
    void deleteInstances() {
        started.forEach(id -> TestProcesses.remove(runtimeService, managementService, id));
    }

    @Test
    void theScanIsStoredAndTheTaskCompletedWithItsLink() {
        String task = waitingForScan("ISIL:CA-OKQ/QU-SCAN-1", "pp. 12-14");

        ResponseEntity<String> form = http.withBasicAuth("leo", "demo").getForEntity("/lending/copies/upload?taskId={task}&callbackUrl={url}",
                String.class, task, TASKLIST_CALLBACK + task);
        ResponseEntity<String> done = upload("leo", form, form, task, TASKLIST_CALLBACK + task, TestPdfs.pages(3, "QU-SCAN-1"), Map.of());

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("Journal of Documentation", "Classification as practice", "pp. 12-14", "(3 pages)", "Z671 .J67",
                "Queen&#39;s University Library", "accept=\"application/pdf\"", "<label class=\"block\" for=\"file\">");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(done.getHeaders().getLocation()).hasToString(TASKLIST_CALLBACK + task);
        HistoricTaskInstance completed = historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult();
        assertThat(completed.getEndTime()).isNotNull();
        assertThat(completed.getAssignee()).isEqualTo("leo");
        Map<String, Object> variables = variables(completed.getProcessInstanceId());
        assertThat(variables.get("pagesSent")).isEqualTo(3);
        assertThat(variables.get("copyDeliveryToken")).asString().matches("[A-Za-z0-9_-]{43}");
        assertThat(variables.get("deliveryUrl")).asString().endsWith("/copies/" + variables.get("copyDeliveryToken"));
        assertThat(variables).containsEntry("copyNote", null);
        JsonNode copies = http.withBasicAuth("leo", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class,
                "ISIL:CA-OKQ/QU-SCAN-1");
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).path("pageCount").asInt()).isEqualTo(3);
    }

    @Test
    void aPageCountOtherThanTheRequestsIsRefusedUnlessStaffSayItIsOnPurpose() {
        String task = waitingForScan("ISIL:CA-OKQ/QU-SCAN-2", "12-14");
        byte[] wholeIssue = TestPdfs.pages(23, "QU-SCAN-2");
        ResponseEntity<String> form = form("leo", task);

        ResponseEntity<String> refused = upload("leo", form, form, task, null, wholeIssue, Map.of());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody())
                .contains("aria-describedby=\"file-error file-hint\"", "aria-invalid=\"true\"")
                .containsPattern("id=\"file-error\"[^>]*>The PDF has 23 pages, but the request asks for 3 \\(12-14\\)")
                .contains("The page count differs from the request on purpose");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

        ResponseEntity<String> confirmed = upload("leo", form, refused, task, "https://evil.example.com/phish", wholeIssue,
                Map.of("override", "true", "note", "The partner asked for the whole issue by phone"));

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(confirmed.getHeaders().getLocation()).hasToString(CallbackUrls.TASKLIST);
        Map<String, Object> variables = variables(historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult()
                .getProcessInstanceId());
        assertThat(variables).containsEntry("pagesSent", 23).containsEntry("copyNote", "The partner asked for the whole issue by phone");
    }

    @Test
    void aFileThatIsNotAReadablePdfIsRefusedBesideTheField() {
        String task = waitingForScan("ISIL:CA-OKQ/QU-SCAN-3", "45");
        ResponseEntity<String> form = form("leo", task);

        ResponseEntity<String> text = upload("leo", form, form, task, null, TestPdfs.text(), Map.of());
        ResponseEntity<String> encrypted = upload("leo", form, form, task, null, TestPdfs.encrypted(1), Map.of());
        ResponseEntity<String> nothing = upload("leo", form, form, task, null, null, Map.of());

        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(text.getBody()).containsPattern("id=\"file-error\"[^>]*>This file is not a PDF");
        assertThat(encrypted.getBody()).containsPattern("id=\"file-error\"[^>]*>This PDF is password-protected");
        assertThat(nothing.getBody()).containsPattern("id=\"file-error\"[^>]*>Choose the PDF of the scanned pages");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void aFileOverTheLimitGetsAPageSayingSo() {
        String task = waitingForScan("ISIL:CA-OKQ/QU-SCAN-4", "1-400");
        byte[] tooLarge = new byte[1536 * 1024]; // the test limit is 1 MB
        new Random(4).nextBytes(tooLarge);

        ResponseEntity<String> form = form("leo", task);

        ResponseEntity<String> refused = upload("leo", form, form, task, null, tooLarge, Map.of());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getBody()).contains("File too large", "larger than the 1 MB allowed");
    }

    @Test
    void onlyTheTasksGroupWorksOnItAndOnlyThroughTheForm() {
        String task = waitingForScan("ISIL:CA-OKQ/QU-SCAN-5", "5-9");
        ResponseEntity<String> form = form("leo", task);

        assertThat(http.getForEntity("/lending/copies/upload?taskId={task}", String.class, task).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(form("cora", task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> otherGroup = form("bella", task);
        assertThat(otherGroup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherGroup.getBody()).contains("This Scan and deliver task is not for your group");
        assertThat(upload("bella", form, form, task, null, TestPdfs.pages(5), Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        HttpHeaders noToken = new HttpHeaders();
        noToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> forged = new LinkedMultiValueMap<>();
        forged.add("file", pdfPart(TestPdfs.pages(5)));
        assertThat(http.withBasicAuth("leo", "demo").postForEntity("/lending/copies/upload?taskId={task}", new HttpEntity<>(forged, noToken),
                String.class, task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void aLinkToATaskThatIsGoneOrOfAnotherKindSaysSo() {
        ProcessInstance pulling = runtimeService.createProcessInstanceByKey("lending").businessKey("ISIL:CA-OKQ/QU-SCAN-6")
                .startBeforeActivity(PullSlipsController.PULL_TASK).execute(true, true);
        started.add(pulling.getId());
        String pullTask = taskService.createTaskQuery().processInstanceId(pulling.getId()).singleResult().getId();

        ResponseEntity<String> unknown = form("leo", "no-such-task");
        ResponseEntity<String> otherKind = form("leo", pullTask);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("There is no open Scan and deliver task no-such-task");
        assertThat(otherKind.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String waitingForScan(String businessKey, String pagesRequested) {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey("lending").businessKey(businessKey)
                .startBeforeActivity(ScanAndDeliverController.SCAN_TASK)
                .setVariables(Map.of("title", "Journal of Documentation", "titleOfComponent", "Classification as practice",
                        "pagesRequested", pagesRequested, "callNumber", "Z671 .J67", "requestingAgencyName", "Queen's University Library",
                        "serviceType", "Copy"))
                .execute(true, true);
        started.add(instance.getId());
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private ResponseEntity<String> form(String user, String task) {
        return http.withBasicAuth(user, "demo").getForEntity("/lending/copies/upload?taskId={task}", String.class, task);
    }

    /** Posts a form as a browser would: with the CSRF field of the page shown, and the cookie the first page set. */
    private ResponseEntity<String> upload(String user, ResponseEntity<String> firstPage, ResponseEntity<String> page, String task,
            String callbackUrl, byte[] file, Map<String, String> fields) {
        HttpHeaders headers = PageForms.multipartHeaders(PageForms.cookie(firstPage, "RS-PAGES-XSRF"));
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", PageForms.csrfToken(page));
        if (file != null) {
            body.add("file", pdfPart(file));
        }
        fields.forEach(body::add);
        return http.withRedirects(Redirects.DONT_FOLLOW).withBasicAuth(user, "demo").postForEntity(
                "/lending/copies/upload?taskId={task}&callbackUrl={url}",
                new HttpEntity<>(body, headers), String.class, task, callbackUrl == null ? "" : callbackUrl);
    }

    private static ByteArrayResource pdfPart(byte[] file) {
        return new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "scan.pdf";
            }
        };
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new java.util.HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        return variables;
    }
}
