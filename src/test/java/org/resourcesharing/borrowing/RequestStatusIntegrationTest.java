package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
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
    ManagementService managementService;
    @Autowired
    TaskService taskService;

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
