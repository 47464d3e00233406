package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/fees/waivers in the application, with its security, the deployed fee-waiver diagram and the configured staff limit (CAD 25.00). */
@ResourceSharingIntegrationTest
class FeeWaiverApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    FeePolicy feePolicy;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    AuthorizationService authorizationService;

    /** Every test its own patron: the application's database is shared by every integration test. */
    private String patron;

    @BeforeEach
    void newPatron() {
        patron = "P" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void staffWaivePartOfAFineWithinTheLimitAtOnce() {
        Posting fine = fine("75.00");

        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/fees/waivers",
                Map.of("postingId", fine.id().toString(), "amount", new BigDecimal("10.00"), "reason", "Library closed two days"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = response.getBody();
        assertThat(answer.path("status").asText()).isEqualTo("posted");
        assertThat(answer.path("posting").path("kind").asText()).isEqualTo("WAIVER");
        assertThat(answer.path("posting").path("direction").asText()).isEqualTo("PAYABLE");
        assertThat(answer.path("posting").path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(answer.path("posting").path("postedBy").asText()).isEqualTo("bella");
        assertThat(answer.path("posting").path("reason").asText())
                .isEqualTo("Waived: Library closed two days (asked by bella, within the staff limit)");
        assertThat(answer.path("balances").path("CAD").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(ledger.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("65.00"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(answer.path("processInstanceId").asText()).count()).isZero();
    }

    @Test
    void aWaiverAboveTheLimitWaitsForAManager() {
        Posting fine = fine("75.00");

        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo").postForEntity("/api/fees/waivers",
                Map.of("postingId", fine.id().toString(), "reason", "Returned in the book drop on time"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String waiver = response.getBody().path("processInstanceId").asText();
        try {
            assertThat(response.getBody().path("status").asText()).isEqualTo("awaiting-approval");
            assertThat(response.getBody().path("posting").isNull()).isTrue();
            assertThat(response.getBody().path("balances").path("CAD").decimalValue()).isEqualByComparingTo("75.00");
            assertThat(taskService.createTaskQuery().processInstanceId(waiver).taskCandidateGroup("managers").taskName("Approve waiver").count())
                    .isOne();
            assertThat(runtimeService.getVariable(waiver, "requestedBy")).isEqualTo("leo");
        } finally {
            TestProcesses.remove(runtimeService, managementService, waiver);
        }
    }

    @Test
    void aWaiverOfNoChargeIsRefusedAndStartsNothing() {
        String unknown = UUID.randomUUID().toString();
        long waivers = runtimeService.createProcessInstanceQuery().processDefinitionKey("fee-waiver").count();

        ResponseEntity<JsonNode> noPosting = waive("bella", Map.of("postingId", unknown, "reason", "Paid"));
        ResponseEntity<JsonNode> notAnId = waive("bella", Map.of("postingId", "BR-2026-0042", "reason", "Paid"));
        ResponseEntity<JsonNode> tooMuch = waive("bella", Map.of("postingId", fine("5.00").id().toString(), "amount", 6, "reason", " "));

        assertThat(noPosting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPosting.getBody().path("errors").get(0).path("field").asText()).isEqualTo("postingId");
        assertThat(noPosting.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("no posting " + unknown);
        assertThat(notAnId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnId.getBody().path("errors").get(0).path("reason").asText()).contains("is not a posting id");
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getBody().path("errors")).extracting(error -> error.path("field").asText()).containsExactly("reason", "amount");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("fee-waiver").count()).isEqualTo(waivers);
    }

    @Test
    void onlyResourceSharingStaffAndManagersAskForWaivers() {
        Posting fine = fine("5.00");
        Map<String, Object> body = Map.of("postingId", fine.id().toString(), "reason", "Paid");

        assertThat(waive("cora", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/fees/waivers", body, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ledger.balance(AccountType.PATRON, patron)).containsEntry("CAD", new BigDecimal("5.00"));
    }

    @Test
    void borrowingAndLendingStaffMayStartAWaiverInTasklist() {
        for (String group : List.of("ill-borrowing", "ill-lending")) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, "fee-waiver")).as(group).isTrue();
        }
        assertThat(authorizationService.isUserAuthorized("someone", List.of("copyright"), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "fee-waiver")).isFalse();
    }

    @Test
    void theFeePolicyIsTheDeployedTable() {
        LocalDate due = LocalDate.of(2026, 3, 2);

        assertThat(feePolicy.overdueFine(due, due.plusDays(2), false).fine()).isEqualTo(new FeePolicy.Money(new BigDecimal("5.00"), "CAD"));
        assertThat(feePolicy.overdueFine(due, due.plusDays(40), false).fine()).isEqualTo(new FeePolicy.Money(new BigDecimal("75.00"), "CAD"));
        assertThat(feePolicy.needsPatronConsent(new BigDecimal("25.01"), "CAD", "canada", due).consentNeeded()).isTrue();
    }

    private ResponseEntity<JsonNode> waive(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/fees/waivers", new HashMap<>(body), JsonNode.class);
    }

    private Posting fine(String amount) {
        return ledger.post(new PostingRequest(AccountType.PATRON, patron, Direction.RECEIVABLE, Kind.OVERDUE_FINE, new BigDecimal(amount), "CAD",
                "BR-2026-" + UUID.randomUUID().toString().substring(0, 6), null, "test:" + UUID.randomUUID(), "process:borrowing", "Overdue"));
    }
}
