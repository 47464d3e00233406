package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /requests/{token}}: the patron's status page shows their request and where it stands, and nothing else. */
@ResourceSharingIntegrationTest
class RequestStatusIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private ProcessInstance first;
    private ProcessInstance second;

    @AfterEach
    void removeRequests() {
        for (ProcessInstance instance : new ProcessInstance[] {first, second}) {
            if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test finished");
            }
        }
    }

    @Test
    void thePageShowsTheRequestWhereItStandsAndNothingAboutThePatronStaffOrLenders() throws InterruptedException {
        JsonNode submitted = submit(BorrowingIntakeIntegrationTest.article());
        first = instance(submitted);
        Map<String, Object> book = BorrowingIntakeIntegrationTest.article();
        book.putAll(Map.of("patronName", "Jonas Weber", "patronEmail", "jonas.weber@trentu.example.ca", "serviceType", "Loan",
                "journalTitle", "", "articleTitle", "", "issn", "", "doi", "", "title", "Two Solitudes", "isbn", "080442957X"));
        JsonNode other = submit(book);
        second = instance(other);
        Task verify = waitForTask(first);
        runtimeService.setVariables(first.getId(), Map.of("supplyingAgencyName", "Bibliothèque Saint-Sulpice", "staffNote",
                "Patron owes fines; check before sending"));

        ResponseEntity<String> page = http.getForEntity(path(submitted), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getBody())
                .contains(submitted.path("requestNumber").asText())
                .contains("Winter survival of brook trout (in Canadian Journal of Fisheries and Aquatic Sciences)")
                .contains("A copy of an article or chapter")
                .contains("We are checking the details of your request.")
                .doesNotContain("Verify citation") // the staff name of the step
                .doesNotContain("Amira", "Haddad", "amira.haddad", "2000123456", "For my thesis chapter")
                .doesNotContain("Saint-Sulpice", "fines")
                .doesNotContain(other.path("requestNumber").asText(), "Two Solitudes", "Jonas");
        assertThat(verify.getName()).isEqualTo("Verify citation");
    }

    @Test
    void whatTheProcessTellsPatronsComesFirstAndAClosedRequestSaysHowItEnded() throws InterruptedException {
        JsonNode submitted = submit(BorrowingIntakeIntegrationTest.article());
        first = instance(submitted);
        Task verify = waitForTask(first);

        runtimeService.setVariable(first.getId(), "patronStatus", "We have found a library that can send a copy.");
        String told = http.getForObject(path(submitted), String.class);
        taskService.complete(verify.getId());
        String closed = http.getForObject(path(submitted), String.class);

        assertThat(told).contains("We have found a library that can send a copy.").doesNotContain("We are checking the details");
        assertThat(closed).contains("Closed: Citation verified");
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

    /** The start event continues asynchronously: the job executor brings the request to Verify citation. */
    private Task waitForTask(ProcessInstance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request never reached Verify citation");
    }
}
