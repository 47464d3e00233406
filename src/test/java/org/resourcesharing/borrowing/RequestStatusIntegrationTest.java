package org.resourcesharing.borrowing;

import static org.resourcesharing.testsupport.PageForms.formHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.ProcessMovingOn;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.resourcesharing.testsupport.PageForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** {@code GET /requests/{token}}: the patron's status page shows their request and where it stands, and nothing else. */
@ResourceSharingIntegrationTest
class RequestStatusIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    private ProcessInstance first;
    private ProcessInstance second;

    @AfterEach
    void removeRequests() {
        for (ProcessInstance instance : new ProcessInstance[] {first, second}) {
            if (instance != null) {
                TestProcesses.remove(runtimeService, managementService, instance.getId());
            }
        }
    }

    @Test
    void thePageShowsTheRequestWhereItStandsAndNothingAboutThePatronStaffOrLenders() throws InterruptedException {
        JsonNode submitted = submit(bookNobodyHolds("Amira Haddad", "Field notes from nowhere"));
        first = instance(submitted);
        JsonNode other = submit(bookNobodyHolds("Jonas Weber", "Letters never sent"));
        second = instance(other);
        Task endOfRota = waitForTask(first);
        runtimeService.setVariables(first.getId(), Map.of("supplyingAgencyName", "Bibliothèque Saint-Sulpice", "staffNote",
                "Patron owes fines; check before sending"));

        ResponseEntity<String> page = http.getForEntity(path(submitted), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getBody())
                .contains(submitted.path("requestNumber").asText())
                .contains("Field notes from nowhere")
                .contains("We have your request and are asking other libraries for it.") // what the last email said
                .contains("No library could lend it yet; we are deciding what to try next.")
                .doesNotContain("End of rota") // the staff name of the step
                .doesNotContain("Amira", "Haddad", "amira.haddad", "2000123456")
                .doesNotContain("Saint-Sulpice", "fines")
                .doesNotContain(other.path("requestNumber").asText(), "Letters never sent", "Jonas");
        assertThat(endOfRota.getName()).isEqualTo("End of rota");
    }

    @Test
    void aClosedRequestSaysHowItEndedInThePatronsWords() throws InterruptedException {
        JsonNode submitted = submit(bookNobodyHolds("Amira Haddad", "Field notes from nowhere"));
        first = instance(submitted);
        Task endOfRota = waitForTask(first);

        taskService.complete(endOfRota.getId(), Map.of("endOfRotaDecision", "giveUp"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String closed = http.getForObject(path(submitted), String.class);

        assertThat(closed).contains("We are sorry: no library could lend it to us.", "Closed: Unfilled")
                .doesNotContain("We are deciding what to try next");
    }

    @Test
    void thePatronCancelsFromTheEmailLinkOnlyByConfirmingOnThePage() throws InterruptedException {
        JsonNode submitted = submit(bookNobodyHolds("Amira Haddad", "Field notes from nowhere"));
        first = instance(submitted);
        waitForTask(first);
        assertThat(http.getForObject(path(submitted), String.class)).contains("Cancel this request").doesNotContain("Ask to keep it longer");

        ResponseEntity<String> link = http.getForEntity(path(submitted) + "/cancellation", String.class);
        assertThat(link.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(link.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(link.getBody()).contains("Cancel this request?", "Yes, cancel the request", "Field notes from nowhere");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isEqualTo(1); // following the link cancels nothing

        ResponseEntity<String> forged = http.postForEntity(path(submitted) + "/cancellation", new HttpEntity<>(new LinkedMultiValueMap<>(),
                formHeaders(null)), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> confirmed = post(link, path(submitted) + "/cancellation", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK); // redirected to the status page, which confirms
        assertThat(confirmed.getBody()).contains("You asked us to cancel the request.", "Field notes from nowhere");
        waitUntilEnded(first);
        assertThat(http.getForObject(path(submitted), String.class)).contains("Closed: Cancelled").doesNotContain("Cancel this request");

        ResponseEntity<String> again = http.getForEntity(path(submitted) + "/cancellation", String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("This is not possible now", "Closed: Cancelled").doesNotContain("Yes, cancel");
    }

    @Test
    void thePatronAnswersALendersCostFromTheEmailLink() throws InterruptedException {
        JsonNode submitted = submit(bookNobodyHolds("Amira Haddad", "Field notes from nowhere"));
        first = instance(submitted);
        Task endOfRota = waitForTask(first);
        // as if a lender had offered it for a fee staff asked the patron to pay: the patron's part is what is tested here
        runtimeService.createProcessInstanceModification(first.getId()).cancelAllForActivity("Task_EndOfRota")
                .startBeforeActivity("Gateway_AwaitConsent").setVariable("offeredCost", "40.00").setVariable("offeredCostCurrency", "USD")
                .execute();
        assertThat(endOfRota.getName()).isEqualTo("End of rota");
        assertThat(http.getForObject(path(submitted), String.class)).contains("Accept or decline the cost");

        ResponseEntity<String> link = http.getForEntity(path(submitted) + "/cost", String.class);
        assertThat(link.getBody()).contains("40.00 USD", "Yes, I will pay it", "No, ask another library");
        ResponseEntity<String> unanswered = post(link, path(submitted) + "/cost", new LinkedMultiValueMap<>());
        assertThat(unanswered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unanswered.getBody()).contains("Choose whether you accept the cost.");

        LinkedMultiValueMap<String, String> answer = new LinkedMultiValueMap<>();
        answer.add("answer", "accept");
        ResponseEntity<String> accepted = post(link, path(submitted) + "/cost", answer);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).contains("Thank you: we have your answer about the cost.");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(first.getId()).messageEventSubscriptionName(PatronEvents.ACCEPTS_COST)
                .count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(first.getId()).activityId("Event_PatronAcceptsCost")
                .count()).isEqualTo(1);
    }

    @Test
    void aCancellationThatMeetsTheRequestMovingOnAtEveryAttemptAsksThePatronToTryAgainAndKeepsNothing() throws InterruptedException {
        JsonNode submitted = submit(bookNobodyHolds("Amira Haddad", "Field notes from nowhere"));
        ProcessInstance borrowing = instance(submitted);
        waitForTask(borrowing);
        // the patron's part is what is tested here: the request's process is one that moves on whenever something reaches it
        TestProcesses.remove(runtimeService, managementService, borrowing.getId());
        first = ProcessMovingOn.start(repositoryService, runtimeService, submitted.path("requestNumber").asText(), ProcessChangeRetry.ATTEMPTS + 2);
        ResponseEntity<String> link = http.getForEntity(path(submitted) + "/cancellation", String.class);

        ResponseEntity<String> busy = post(link, path(submitted) + "/cancellation", new LinkedMultiValueMap<>());

        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(busy.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(busy.getBody()).contains("so nothing was done. Please try again in 30 seconds.", "Yes, cancel the request")
                .doesNotContain("Exception");
        assertThat(ProcessMovingOn.jobsLeft(runtimeService, first)).as("a job committed at each attempt").isEqualTo(2);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(first.getId()).eventName(PatronEvents.CANCELLED).count())
                .as("still waiting for the cancellation").isOne();

        ResponseEntity<String> again = post(link, path(submitted) + "/cancellation", new LinkedMultiValueMap<>());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK); // redirected to the status page, which confirms
        assertThat(again.getBody()).contains("You asked us to cancel the request.");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(first.getId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_PatronCancelled");
    }

    /** Posts the page's form back with the page's CSRF cookie and token, as the patron's browser does. */
    private ResponseEntity<String> post(ResponseEntity<String> page, String path, LinkedMultiValueMap<String, String> form) {
        form.add("_csrf", PageForms.csrfToken(page));
        return http.postForEntity(path, new HttpEntity<>(form, formHeaders(PageForms.cookie(page, "RS-PATRON-XSRF"))), String.class);
    }

    private void waitUntilEnded(ProcessInstance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** A loan of a book no library in the union catalogue holds: the request comes to rest at the end of the rota. */
    private static Map<String, Object> bookNobodyHolds(String patron, String title) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patronId", "2000123456");
        request.put("patronName", patron);
        request.put("patronEmail", patron.toLowerCase().replace(' ', '.') + "@trentu.example.ca");
        request.put("patronType", "graduate");
        request.put("serviceType", "Loan");
        request.put("title", title);
        return request;
    }

    @Test
    void anUnknownTokenIsNotFoundAndSaysNothingMore() {
        first = instance(submit(BorrowingIntakeIntegrationTest.article()));

        ResponseEntity<String> unknown = http.getForEntity("/requests/{token}", String.class, "A".repeat(43));
        ResponseEntity<String> malformed = http.getForEntity("/requests/{token}", String.class, "B-000001");

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(unknown.getBody()).contains("No request at this address").doesNotContain("B-0", "Winter survival");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode submit(Map<String, Object> request) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", request, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ProcessInstance instance(JsonNode submitted) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(submitted.path("requestNumber").asText()).singleResult();
    }

    private static String path(JsonNode submitted) {
        String statusUrl = submitted.path("statusUrl").asText();
        return statusUrl.substring(statusUrl.indexOf("/requests/"));
    }

    /** The job executor moves the request on in the background, to the end of the rota. */
    private Task waitForTask(ProcessInstance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request never reached a staff task");
    }
}
