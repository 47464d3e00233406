package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The whole loan path between two libraries, each step over real HTTP: our Peterborough library
 * (ISIL:CA-OPETB) borrows "The patriots and the people" for a patron from our Durham library
 * (ISIL:CA-OODT), whose lending process answers through the same /iso18626 endpoint. Staff work
 * the tasks of both processes; the job executor does the rest.
 */
@ResourceSharingIntegrationTest
class BorrowingOverHttpIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

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

    private ProcessInstance borrowing;

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
