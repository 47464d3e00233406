package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class PartnerActionApiIntegrationTest {

    private static final String BUSINESS_KEY = "EMAIL-PA000001";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

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
    void onlyResourceSharingStaffRecordPartnerActions() {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo").postForEntity("/api/lending/partner-actions?businessKey={key}",
                Map.of("action", "Received"), String.class, BUSINESS_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ProcessInstance loanOutToAnEmailOnlyLibrary() {
        return runtimeService.createProcessInstanceByKey("lending").businessKey(BUSINESS_KEY)
                .setVariables(Map.of("requestChannel", "email", "requesterEmail", "fernleihe@univie.example.ac.at",
                        "requestingAgencyName", "Universitätsbibliothek Wien", "supplyingAgencyId", "ISIL:CA-OPETB", "title", "The Diviners",
                        "overdueNotices", "R1/P30D", "lostDate", "2099-01-01T09:00:00-05:00"))
                .startBeforeActivity("Task_AwaitReturn").execute(true, true);
    }
}
