package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.ProcessMovingOn;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The desk's calls for a patron's loan: only borrowing staff make them, and only when the request is at that point. */
@ResourceSharingIntegrationTest
class PatronLoanApiIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    private ProcessInstance request;

    @AfterEach
    void removeTheRequest() {
        if (request != null) {
            TestProcesses.remove(runtimeService, managementService, request.getId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pickup", "return", "renewal", "cancellation"})
    void aRequestThatIsNotAtThatPointIsRefusedNamingTheRequest(String call) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, null, JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("requestNumber");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).startsWith("request B-999999 ");
    }

    @Test
    void aDamageOrLossReportNamesEveryFieldItLacks() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/damage-or-loss", Map.of("condition", "wet"), JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("condition", "note");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("must be 'damaged' or 'lost'");
    }

    @Test
    void aDamageOrLossReportForARequestThePatronDoesNotHaveIsRefused() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests/{number}/damage-or-loss",
                Map.of("condition", "lost", "note", "Left on a bus"), JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("request B-999999 is not out with the patron");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pickup", "return", "renewal", "cancellation", "damage-or-loss"})
    void otherStaffMayNot(String call) {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, Map.of("condition", "lost", "note", "x"), String.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @CsvSource({"cancellation, Patron cancels, EndEvent_PatronCancelled", "renewal, Patron asks to renew, EndEvent_RenewalAsked"})
    void anEventThatMeetsTheRequestMovingOnIsHandedOverAgain(String call, String event, String end) {
        request = ProcessMovingOn.start(repositoryService, runtimeService, "B-MOVING-" + call, 1);

        ResponseEntity<String> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, null, String.class, "B-MOVING-" + call);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId()).activityId("Task_Review").count())
                .as("the job committed while " + event + " was handed over the first time").isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(request.getId()).singleResult().getEndActivityId())
                .isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource({"cancellation, Patron cancels", "renewal, Patron asks to renew"})
    void aRequestMovingOnAtEveryAttemptAsksTheDeskToTryAgainAndKeepsNothing(String call, String event) {
        request = ProcessMovingOn.start(repositoryService, runtimeService, "B-BUSY-" + call, ProcessChangeRetry.ATTEMPTS + 2);

        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, null, JsonNode.class, "B-BUSY-" + call);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().path("message").asText()).contains("nothing was recorded").contains("try again in 30 seconds");
        assertThat(ProcessMovingOn.jobsLeft(runtimeService, request)).as("a job committed at each attempt").isEqualTo(2);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(request.getId()).eventName(event).count())
                .as("still waiting for " + event).isOne();
    }
}
