package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.TestPdfs;
import org.resourcesharing.mail.CaseToken;
import org.resourcesharing.mail.MailInbox;
import org.resourcesharing.mail.Mailbox;
import org.resourcesharing.testsupport.PageForms;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The doors into the copyright permission workflow in the running application: the API, the instructor page and the copyright mailbox. */
@ResourceSharingIntegrationTest
class CopyrightPermissionIntegrationTest {

    private static final Mailbox COPYRIGHT_MAILBOX = new Mailbox("copyright", "imap://copyright%40library.example.edu@127.0.0.1/INBOX",
            Mailbox.Purpose.COPYRIGHT, "ISIL:CA-OPETB", "copyright", false, Duration.ofSeconds(60));

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    MailInbox inbox;
    @Autowired
    HistoryService historyService;

    private final List<String> requests = new ArrayList<>();

    @AfterEach
    void removeRequests() {
        requests.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId())));
    }

    static Map<String, Object> chapter() {
        Map<String, Object> request = new HashMap<>();
        request.put("courseCode", "ENGL-2105H-" + UUID.randomUUID().toString().substring(0, 4));
        request.put("term", "Winter 2027");
        request.put("instructorName", "Dr. Ines Teacher");
        request.put("instructorEmail", "ines.teacher@trentu.example.ca");
        request.put("students", 85);
        request.put("intendedUse", "LMS_POSTING");
        request.put("workType", "BOOK_CHAPTER");
        request.put("title", "Anne of Green Gables: Chapter 2");
        request.put("authors", List.of(Map.of("name", "Lucy Maud Montgomery", "deathYear", 1942)));
        request.put("publisher", "L. C. Page");
        request.put("publicationYear", 1908);
        request.put("pagesRequested", "12-30");
        request.put("totalPages", 429);
        request.put("source", "LIBRARY_PRINT");
        return request;
    }

    @Test
    void aRequestByApiIsAssessedAndItsDecisionIsInTheLogAndItsCsv() throws Exception {
        ResponseEntity<JsonNode> response = http.withBasicAuth("cora", "demo").postForEntity("/api/copyright-requests", chapter(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = response.getBody().path("requestNumber").asText();
        requests.add(number);
        assertThat(number).matches("CR-[0-9A-F]{8}");
        Task review = waitForTask(number, "Task_ReviewClearance");
        assertThat(taskService.getVariable(review.getId(), "assessmentRule")).isEqualTo("PUBLIC_DOMAIN");

        JsonNode log = http.withBasicAuth("cora", "demo").getForObject("/api/copyright-decisions?request={number}", JsonNode.class, number);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("outcome").asText()).isEqualTo("CLEARED");
        assertThat(log.get(0).path("decidedBy").asText()).isEqualTo("system");
        assertThat(log.get(0).path("reasoning").asText()).startsWith("Lucy Maud Montgomery died in 1942: protected until the end of 1992");
        ResponseEntity<String> csv = http.withBasicAuth("cora", "demo").getForEntity("/api/copyright-decisions.csv?request={number}",
                String.class, number);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("request,decided_at,decided_by,step,outcome,rule,").contains(number + ",")
                .contains(",system,ASSESSMENT,CLEARED,PUBLIC_DOMAIN,Public domain,");

        assertThat(http.withBasicAuth("bella", "demo").getForEntity("/api/copyright-decisions", String.class).getStatusCode())
                .as("borrowing staff do not see the copyright team's log").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/copyright-decisions.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRequestWithMistakesIsRefusedWithEveryFieldAndReasonAndStartsNothing() {
        Map<String, Object> request = chapter();
        request.remove("courseCode");
        request.put("instructorEmail", "ines at trent");
        request.put("workType", "POSTER");
        request.put("authors", List.of(Map.of("deathYear", 1942)));
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("copyright-permission").count();

        ResponseEntity<JsonNode> missingAuthor = http.withBasicAuth("cora", "demo").postForEntity("/api/copyright-requests", request, JsonNode.class);
        assertThat(missingAuthor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingAuthor.getBody().path("errors").get(0).path("field").asText()).isEqualTo("authors[0].name");

        request.remove("authors");
        ResponseEntity<JsonNode> response = http.withBasicAuth("cora", "demo").postForEntity("/api/copyright-requests", request, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, String> errors = new HashMap<>();
        response.getBody().path("errors").forEach(error -> errors.put(error.path("field").asText(), error.path("reason").asText()));
        assertThat(errors).containsEntry("courseCode", "required").containsEntry("instructorEmail", "not an email address")
                .containsKey("workType");
        assertThat(errors.get("workType")).startsWith("'POSTER' is not one of BOOK_CHAPTER, BOOK_EXCERPT");

        request.put("students", "many");
        ResponseEntity<JsonNode> notANumber = http.withBasicAuth("cora", "demo").postForEntity("/api/copyright-requests", request, JsonNode.class);
        assertThat(notANumber.getBody().path("errors").get(0).path("field").asText()).isEqualTo("students");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("copyright-permission").count()).isEqualTo(before);
        assertThat(http.withBasicAuth("bella", "demo").postForEntity("/api/copyright-requests", chapter(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theInstructorPageShowsErrorsBesideTheirFieldsAndThenTakesTheRequestWithItsFile() {
        ResponseEntity<String> page = http.getForEntity("/copyright-request", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<label for=\"courseCode\">", "<label for=\"intendedUse-LMS_POSTING\"");
        String cookie = PageForms.cookie(page, "RS-PATRON-XSRF");

        MultiValueMap<String, Object> form = pageForm(page);
        form.set("courseCode", "");
        form.set("pagesRequested", "chapter two");
        ResponseEntity<String> refused = http.postForEntity("/copyright-request", new HttpEntity<>(form, PageForms.multipartHeaders(cookie)),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("<title>Error: copyright permission for course materials</title>",
                "id=\"courseCode-error\"", "Error: required", "aria-invalid=\"true\"",
                "Error: not page numbers; write them like 45-74, 80", "value=\"Anne of Green Gables: Chapter 2\"",
                "<a href=\"#courseCode\">Course code: required</a>");

        MultiValueMap<String, Object> corrected = pageForm(refused);
        corrected.add("file", new ByteArrayResource("%PDF-1.4 chapter two".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "chapter-2.pdf";
            }
        });
        ResponseEntity<String> received = http.postForEntity("/copyright-request",
                new HttpEntity<>(corrected, PageForms.multipartHeaders(cookie)), String.class);
        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = received.getBody().replaceAll("(?s).*id=\"request-number\" class=\"number\">(CR-[0-9A-F]{8})<.*", "$1");
        requests.add(number);
        assertThat(number).matches("CR-[0-9A-F]{8}");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        FileValue file = runtimeService.getVariableTyped(instance, "instructorFile");
        assertThat(file.getFilename()).isEqualTo("chapter-2.pdf");
        assertThat(runtimeService.getVariable(instance, "requestChannel")).isEqualTo("web");

        MultiValueMap<String, Object> forged = pageForm(page);
        forged.remove("_csrf");
        assertThat(http.postForEntity("/copyright-request", new HttpEntity<>(forged, PageForms.multipartHeaders(cookie)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anEmailToTheCopyrightMailboxStartsARequestAndTheRightsHoldersEmailedAnswerComesBackToIt() throws Exception {
        byte[] email = mail("<" + UUID.randomUUID() + "@trentu.example.ca>", "Ines Teacher <ines.teacher@trentu.example.ca>",
                "Copyright: chapter for ENGL-2105", "Dear copyright team,\nmay I post pages 45-75 of ISBN 9780802065421 for my course?\nInes");

        assertThat(inbox.receive(COPYRIGHT_MAILBOX, email)).isEqualTo(MailInbox.Outcome.STARTED);
        String number = runtimeService.createProcessInstanceQuery().processDefinitionKey("copyright-permission").orderByProcessInstanceId().desc()
                .list().stream().map(instance -> instance.getBusinessKey())
                .filter(key -> key != null && !requests.contains(key) && taskIn(key, "Task_CompleteEmailRequest") != null)
                .findFirst().orElseThrow();
        requests.add(number);
        Task complete = taskIn(number, "Task_CompleteEmailRequest");
        assertThat(taskService.getVariable(complete.getId(), "instructorEmail")).isEqualTo("ines.teacher@trentu.example.ca");
        assertThat(taskService.getVariable(complete.getId(), "isbn")).isEqualTo("9780802065421");
        assertThat((String) taskService.getVariable(complete.getId(), "emailText")).contains("may I post pages 45-75");

        Map<String, Object> completed = new HashMap<>(PermissionAssessmentTest.base());
        completed.putAll(Map.of("copyrightRequest", "yes", "pagesRequested", "45-75", "instructorEmail", "ines.teacher@trentu.example.ca"));
        taskService.claim(complete.getId(), "cora");
        taskService.complete(complete.getId(), completed);
        Task seek = waitForTask(number, "Task_SeekPermission");
        taskService.claim(seek.getId(), "cora");
        taskService.complete(seek.getId(), Map.of("rightsHolderName", "University of Toronto Press", "rightsHolderEmail",
                "permissions@utpress.example.ca", "rightsHolderLanguage", "en"));
        waitForWait(number);

        byte[] reply = mail("<" + UUID.randomUUID() + "@utpress.example.ca>", "permissions@utpress.example.ca",
                "Re: Permission request: A history of Upper Canada " + CaseToken.format(number), "Granted for one term, no fee.");
        assertThat(inbox.receive(COPYRIGHT_MAILBOX, reply)).isEqualTo(MailInbox.Outcome.CORRELATED);

        Task answer = waitForTask(number, "Task_RecordAnswer");
        assertThat(taskService.getVariable(answer.getId(), "replyText")).asString().contains("Granted for one term, no fee.");
    }

    @Test
    void theDigitizedPdfIsUploadedCheckedStoredAndItsDownloadLinkCompletesTheTask() {
        String task = waitingToPost("1-10");
        ResponseEntity<String> form = postForm("cora", task);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("Jane Historian. A history of Upper Canada", "Fair dealing: short excerpt", "1-10", "(10 pages)",
                "<label class=\"block\" for=\"file\">", "accept=\"application/pdf\"", "<label class=\"block\" for=\"postedLink\">");
        byte[] pdf = TestPdfs.pages(10, "A history of Upper Canada");

        ResponseEntity<String> done = post("cora", form, task, "/camunda/app/tasklist/default/#/?task=" + task, pdf,
                Map.of("postingNotes", "Chapter 1 as cleared."));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(done.getHeaders().getLocation()).hasToString("/camunda/app/tasklist/default/#/?task=" + task);
        HistoricTaskInstance completed = historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult();
        assertThat(completed.getEndTime()).isNotNull();
        assertThat(completed.getAssignee()).isEqualTo("cora");
        Map<String, Object> variables = variables(completed.getProcessInstanceId());
        assertThat(variables).containsEntry("copyPages", 10).containsEntry("postedLink", null).containsEntry("postingNotes", "Chapter 1 as cleared.");
        String copyUrl = (String) variables.get("copyUrl");
        assertThat(copyUrl).matches("http://localhost:[0-9]+/course-copies/[A-Za-z0-9_-]{43}");
        ResponseEntity<byte[]> download = http.getForEntity(copyUrl.replaceFirst("http://localhost:[0-9]+", ""), byte[].class);
        assertThat(download.getStatusCode()).as("the instructor has no account: the link is the credential").isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(http.getForEntity("/course-copies/{token}", String.class, "A".repeat(43)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFileThatIsNotThePagesClearedIsRefusedBesideTheFieldWithTheReason() {
        String task = waitingToPost("1-10");
        ResponseEntity<String> form = postForm("cora", task);

        ResponseEntity<String> tooMany = post("cora", form, task, null, TestPdfs.pages(12), Map.of());
        ResponseEntity<String> notAPdf = post("cora", form, task, null, TestPdfs.text(), Map.of());
        ResponseEntity<String> encrypted = post("cora", form, task, null, TestPdfs.encrypted(10), Map.of());
        ResponseEntity<String> nothing = post("cora", form, task, null, null, Map.of());
        ResponseEntity<String> badLink = post("cora", form, task, null, null, Map.of("postedLink", "lms course page"));

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMany.getBody()).contains("aria-describedby=\"file-error file-hint\"", "aria-invalid=\"true\"")
                .containsPattern("id=\"file-error\"[^>]*>The PDF has 12 pages, but 10 were cleared \\(1-10\\)");
        assertThat(notAPdf.getBody()).containsPattern("id=\"file-error\"[^>]*>This file is not a PDF");
        assertThat(encrypted.getBody()).containsPattern("id=\"file-error\"[^>]*>This PDF is password-protected");
        assertThat(nothing.getBody()).containsPattern("id=\"file-error\"[^>]*>Upload the PDF of the pages cleared, or give the LMS persistent link");
        assertThat(badLink.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badLink.getBody()).containsPattern("id=\"postedLink-error\"[^>]*>This is not a web address")
                .contains("value=\"lms course page\"");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("nothing is completed").isEqualTo(1);
    }

    @Test
    void theLmsPersistentLinkAloneCompletesTheTask() {
        String task = waitingToPost("1-10");
        ResponseEntity<String> form = postForm("cora", task);

        ResponseEntity<String> done = post("cora", form, task, null, null,
                Map.of("postedLink", "https://lms.trentu.example.ca/d2l/le/content/1001/viewContent/77"));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        Map<String, Object> variables = variables(historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult().getProcessInstanceId());
        assertThat(variables).containsEntry("postedLink", "https://lms.trentu.example.ca/d2l/le/content/1001/viewContent/77")
                .containsEntry("copyUrl", null).containsEntry("copyPages", null);
    }

    @Test
    void onlyTheCopyrightTeamWorksOnTheTaskThroughTheFormAndNotOnAColleaguesClaim() {
        String task = waitingToPost("1-10");
        ResponseEntity<String> form = postForm("cora", task);

        assertThat(http.getForEntity(DigitizeAndPostController.PATH + "?taskId={task}", String.class, task).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postForm("leo", task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("bella", form, task, null, TestPdfs.pages(10), Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        MultiValueMap<String, Object> forged = new LinkedMultiValueMap<>();
        forged.add("postedLink", "https://evil.example.com/");
        assertThat(http.withBasicAuth("cora", "demo").postForEntity(DigitizeAndPostController.PATH + "?taskId={task}",
                new HttpEntity<>(forged, PageForms.multipartHeaders(PageForms.cookie(form, "RS-PAGES-XSRF"))), String.class, task)
                .getStatusCode()).as("no CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postForm("cora", "no-such-task").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        taskService.claim(task, "max");
        ResponseEntity<String> claimed = post("cora", form, task, null, TestPdfs.pages(10), Map.of());
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(claimed.getBody()).contains("This Digitize and post task is claimed by max");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    /** A cleared request at Digitize and post, as the review leaves it. */
    private String waitingToPost(String pagesRequested) {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.put("pagesRequested", pagesRequested);
        values.put("citation", "Jane Historian. A history of Upper Canada. University of Toronto Press, 1985, pp. " + pagesRequested + ".");
        values.put("clearedUnder", "Fair dealing: short excerpt");
        values.put("clearedRule", "FAIR_DEALING");
        String number = AssessPermissionDelegate.newRequestNumber();
        requests.add(number);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey("copyright-permission").businessKey(number)
                .startBeforeActivity(DigitizeAndPostController.POST_TASK).setVariables(values).execute(true, true);
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private ResponseEntity<String> postForm(String user, String task) {
        return http.withBasicAuth(user, "demo").getForEntity(DigitizeAndPostController.PATH + "?taskId={task}", String.class, task);
    }

    /** Posts the page as a browser would: the CSRF field of the page shown and the cookie it set. */
    private ResponseEntity<String> post(String user, ResponseEntity<String> page, String task, String callbackUrl, byte[] file,
            Map<String, String> fields) {
        HttpHeaders headers = PageForms.multipartHeaders(PageForms.cookie(page, "RS-PAGES-XSRF"));
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", PageForms.csrfToken(page));
        if (file != null) {
            body.add("file", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return "chapter-1.pdf";
                }
            });
        }
        fields.forEach(body::add);
        return http.withRedirects(Redirects.DONT_FOLLOW).withBasicAuth(user, "demo").postForEntity(
                DigitizeAndPostController.PATH + "?taskId={task}&callbackUrl={url}", new HttpEntity<>(body, headers), String.class, task,
                callbackUrl == null ? "" : callbackUrl);
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        return variables;
    }

    private MultiValueMap<String, Object> pageForm(ResponseEntity<String> page) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", PageForms.csrfToken(page));
        form.add("instructorName", "Dr. Ines Teacher");
        form.add("instructorEmail", "ines.teacher@trentu.example.ca");
        form.add("instructorLanguage", "fr");
        form.add("courseCode", "ENGL-2105H");
        form.add("term", "Winter 2027");
        form.add("students", "85");
        form.add("intendedUse", "LMS_POSTING");
        form.add("workType", "BOOK_CHAPTER");
        form.add("title", "Anne of Green Gables: Chapter 2");
        form.add("authors", "Lucy Maud Montgomery, 1942");
        form.add("authorship", "PERSONAL");
        form.add("pagesRequested", "12-30");
        form.add("totalPages", "429");
        form.add("source", "LIBRARY_PRINT");
        return form;
    }

    private static byte[] mail(String messageId, String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "copyright@library.example.edu");
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private Task taskIn(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    /** The job executor moves the request on: waits (up to 30 s) until it is at the task. */
    private Task waitForTask(String businessKey, String taskKey) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Task task = taskIn(businessKey, taskKey);
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Request " + businessKey + " did not reach " + taskKey);
    }

    private void waitForWait(String businessKey) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(MailInbox.EMAIL_REPLY)
                    .count() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Request " + businessKey + " is not waiting for the rights holder");
    }
}
