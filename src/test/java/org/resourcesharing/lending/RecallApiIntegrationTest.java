package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.ProcessMovingOn;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class RecallApiIntegrationTest {

    private static final String MOVING_BUSINESS_KEY = "ISIL:CA-OKQ/MOVING-ON";

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

    private ProcessInstance lending;

    @AfterEach
    void removeTheRequest() {
        if (lending != null) {
            TestProcesses.remove(runtimeService, managementService, lending.getId());
        }
    }

    @Test
    void onlyAnItemOutOnLoanCanBeRecalled() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, JsonNode.class, "ISIL:CA-OKQ/NOT-ON-LOAN");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("is out on loan now");
    }

    @Test
    void onlyResourceSharingStaffRecall() {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, String.class, "ISIL:CA-OKQ/ANY");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRecallThatMeetsTheLoanMovingOnIsHandedOverAgain() {
        lending = ProcessMovingOn.start(repositoryService, runtimeService, MOVING_BUSINESS_KEY, 1);

        ResponseEntity<String> response = http.withBasicAuth("leo", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, String.class, MOVING_BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lending.getId()).activityId("Task_Review").count())
                .as("the job committed while the recall was handed over the first time").isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(lending.getId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Recalled");
    }

    @Test
    void aLoanMovingOnAtEveryAttemptAsksStaffToTryAgainAndKeepsNothing() {
        lending = ProcessMovingOn.start(repositoryService, runtimeService, MOVING_BUSINESS_KEY, ProcessChangeRetry.ATTEMPTS + 2);

        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, JsonNode.class, MOVING_BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().path("message").asText()).contains("nothing was recorded").contains("try again in 30 seconds");
        assertThat(ProcessMovingOn.jobsLeft(runtimeService, lending)).as("a job committed at each attempt").isEqualTo(2);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(lending.getId()).eventName(RecallController.RECALL_REQUESTED)
                .count()).as("still waiting for a recall").isOne();
    }
}
