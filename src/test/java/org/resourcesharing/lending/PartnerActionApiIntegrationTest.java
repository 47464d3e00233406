package org.resourcesharing.lending;

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
class PartnerActionApiIntegrationTest {

    private static final String BUSINESS_KEY = "EMAIL-PA000001";
    private static final String BUSY_BUSINESS_KEY = "EMAIL-PA000002";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;

    private ProcessInstance lending;

    @AfterEach
    void removeTheRequest() {
        if (lending != null) {
            TestProcesses.remove(runtimeService, managementService, lending.getId());
        }
    }

    @Test
    void staffRecordThatALibraryWithoutAnIllSystemSentTheItemBack() {
        lending = loanOutToAnEmailOnlyLibrary();

        ResponseEntity<String> response = http.withBasicAuth("leo", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "ShippedReturn", "note", "Parcel arrived by post"), String.class, BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lending.getId()).activityId("Task_AwaitReturn")
                .finished().count()).isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(lending.getId()).variableName("requesterNote")
                .singleResult().getValue()).isEqualTo("Parcel arrived by post");
    }

    @Test
    void anActionTheRequestIsNotWaitingForIsRefusedNamingTheField() {
        lending = loanOutToAnEmailOnlyLibrary();

        ResponseEntity<JsonNode> notWaiting = http.withBasicAuth("leo", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Cancel"), JsonNode.class, BUSINESS_KEY);
        ResponseEntity<JsonNode> unknown = http.withBasicAuth("leo", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Shipped", "agreesToTerms", true), JsonNode.class, BUSINESS_KEY);

        assertThat(notWaiting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notWaiting.getBody().path("errors").get(0).path("field").asText()).isEqualTo("action");
        assertThat(notWaiting.getBody().path("errors").get(0).path("reason").asText()).contains("is not waiting for Cancel");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactlyInAnyOrder("action", "agreesToTerms");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(lending.getId()).activityId("Task_AwaitReturn").count()).isEqualTo(1);
    }

    @Test
    void aCancelThatMeetsAJobOfTheProcessCommittingIsHandedOverAgain() {
        lending = deciding(1);

        ResponseEntity<String> response = http.withBasicAuth("leo", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Cancel", "note", "Found it in our own stacks"), String.class, BUSY_BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lending.getId()).activityId("Task_Review").count())
                .as("the job committed while the Cancel was handed over the first time").isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(lending.getId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Cancelled");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(lending.getId()).variableName("requesterNote")
                .singleResult().getValue()).isEqualTo("Found it in our own stacks");
    }

    @Test
    void aRequestMovingOnAtEveryAttemptAsksStaffToTryAgainAndKeepsNothing() {
        lending = deciding(ProcessChangeRetry.ATTEMPTS + 2);

        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Cancel"), JsonNode.class, BUSY_BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().path("message").asText()).contains("nothing was recorded").contains("try again in 30 seconds")
                .doesNotContain("Exception");
        assertThat(ProcessMovingOn.jobsLeft(runtimeService, lending)).as("a job committed at each attempt").isEqualTo(2);
        assertThat(runtimeService.getVariable(lending.getId(), "requesterAction")).isNull();
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(lending.getId()).eventName("ISO18626 Cancel").count())
                .as("still waiting for the Cancel").isOne();
    }

    @Test
    void onlyResourceSharingStaffRecordPartnerActions() {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Received"), String.class, BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A request being decided while {@code jobs} jobs of its process run one after another (see {@link ProcessMovingOn}). */
    private ProcessInstance deciding(int jobs) {
        return ProcessMovingOn.start(repositoryService, runtimeService, BUSY_BUSINESS_KEY, jobs);
    }

    private ProcessInstance loanOutToAnEmailOnlyLibrary() {
        return runtimeService.createProcessInstanceByKey("lending").businessKey(BUSINESS_KEY)
                .setVariables(Map.of("requestChannel", "email", "requesterEmail", "fernleihe@univie.example.ac.at",
                        "requestingAgencyName", "Universitätsbibliothek Wien", "supplyingAgencyId", "ISIL:CA-OPETB", "title", "The Diviners",
                        "overdueNotices", "R1/P30D", "lostDate", "2099-01-01T09:00:00-05:00"))
                .startBeforeActivity("Task_AwaitReturn").execute(true, true);
    }
}
