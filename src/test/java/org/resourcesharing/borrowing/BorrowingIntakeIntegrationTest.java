package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/borrowing-requests}: who may call it, what it stores and starts, and what it refuses. */
@ResourceSharingIntegrationTest
class BorrowingIntakeIntegrationTest {

    private static final LocalDate NEEDED_BY = LocalDate.now(ZoneId.of("America/Toronto")).plusDays(20);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;

    private final List<String> requestNumbers = new ArrayList<>();

    @AfterEach
    void removeRequests() {
        requestNumbers.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId())));
        if (identityService.createUserQuery().userId("discovery-layer").count() > 0) {
            identityService.deleteUser("discovery-layer");
        }
    }

    static Map<String, Object> article() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patronId", "2000123456");
        request.put("patronName", "Amira Haddad");
        request.put("patronEmail", "amira.haddad@trentu.example.ca");
        request.put("patronType", "graduate");
        request.put("serviceType", "Copy");
        request.put("author", "Tremblay, Anne");
        request.put("issn", "03178471");
        request.put("doi", "https://doi.org/10.1139/CJFAS-2019-0123");
        request.put("journalTitle", "Canadian Journal of Fisheries and Aquatic Sciences");
        request.put("articleTitle", "Winter survival of brook trout");
        request.put("volume", "77");
        request.put("issue", "4");
        request.put("pages", "645-660");
        request.put("year", 2020);
        request.put("neededBy", NEEDED_BY.toString());
        request.put("maximumCost", 25);
        request.put("notes", "For my thesis chapter");
        request.put("favouriteColour", "blue"); // unknown fields are ignored: a portal may send more than we read
        return request;
    }

    @Test
    void aRequestStaffStartInTasklistIsNumberedAndGetsAStatusPageLikeTheOthers() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("borrowing").latestVersion().singleResult().getId();

        ProcessInstance started = formService.submitStartForm(definition, Map.of("patronId", "2000777777", "patronName", "Lena Roy",
                "patronEmail", "lena.roy@trentu.example.ca", "patronType", "faculty", "serviceType", "Loan", "title", "Two solitudes",
                "maximumCost", "20"));
        requestNumbers.add(started.getBusinessKey());

        assertThat(started.getBusinessKey()).matches("B-[0-9]{6}");
        Map<String, Object> row = jdbc.sql("select * from borrowing_request where request_number = ?").param(started.getBusinessKey())
                .query().singleRow();
        assertThat(row).containsEntry("channel", "staff").containsEntry("title", "Two solitudes");
        assertThat(runtimeService.getVariable(started.getId(), "maximumCostCurrency")).as("the start form's amounts are in CAD").isEqualTo("CAD");
        String statusUrl = (String) runtimeService.getVariable(started.getId(), "statusUrl");
        assertThat(statusUrl).endsWith("/requests/" + row.get("status_token"));
        assertThat(http.getForEntity(statusUrl.substring(statusUrl.indexOf("/requests/")), String.class).getBody())
                .contains(started.getBusinessKey(), "Two solitudes");
    }

    @Test
    void aRequestIsStoredAndStartsTheBorrowingProcessWithItsNumberAsBusinessKey() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", article(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String requestNumber = response.getBody().path("requestNumber").asText();
        String statusUrl = response.getBody().path("statusUrl").asText();
        requestNumbers.add(requestNumber);
        assertThat(requestNumber).matches("B-[0-9]{6}");
        assertThat(statusUrl).matches("https?://[^/]+/requests/[A-Za-z0-9_-]{43}");
        assertThat(response.getHeaders().getLocation()).hasToString(statusUrl);
        String token = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        Map<String, Object> row = jdbc.sql("select * from borrowing_request where request_number = ?").param(requestNumber).query().singleRow();
        assertThat(row).containsEntry("business_key", requestNumber);

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("borrowing")
                .processInstanceBusinessKey(requestNumber).singleResult();
        assertThat(instance).isNotNull();
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        assertThat(variables).containsKeys("patronId", "patronName", "patronEmail", "patronType", "serviceType", "title",
                "titleOfComponent", "author", "issn", "doi", "volume", "issue", "pagesRequested", "publicationDate", "needBeforeDate",
                "maximumCost", "maximumCostCurrency", "patronNote", "requestChannel", "requestNumber", "statusToken", "statusUrl");
        assertThat(variables)
                .containsEntry("patronId", "2000123456")
                .containsEntry("patronName", "Amira Haddad")
                .containsEntry("patronEmail", "amira.haddad@trentu.example.ca")
                .containsEntry("patronType", "graduate")
                .containsEntry("serviceType", "Copy")
                .containsEntry("title", "Canadian Journal of Fisheries and Aquatic Sciences")
                .containsEntry("titleOfComponent", "Winter survival of brook trout")
                .containsEntry("author", "Tremblay, Anne")
                .containsEntry("issn", "0317-8471")
                .containsEntry("doi", "10.1139/cjfas-2019-0123")
                .containsEntry("volume", "77")
                .containsEntry("issue", "4")
                .containsEntry("pagesRequested", "645-660")
                .containsEntry("publicationDate", "2020")
                .containsEntry("needBeforeDate", Date.from(NEEDED_BY.atStartOfDay(ZoneId.of("America/Toronto")).toInstant()))
                .containsEntry("maximumCost", "25.00")
                .containsEntry("maximumCostCurrency", "CAD")
                .containsEntry("patronNote", "For my thesis chapter")
                .containsEntry("requestChannel", "api")
                .containsEntry("requestNumber", requestNumber)
                .containsEntry("statusToken", token)
                .containsEntry("statusUrl", statusUrl);
        assertThat(row)
                .containsEntry("status_token", token)
                .containsEntry("patron_id", "2000123456")
                .containsEntry("patron_email", "amira.haddad@trentu.example.ca")
                .containsEntry("service_type", "Copy")
                .containsEntry("title", "Winter survival of brook trout (in Canadian Journal of Fisheries and Aquatic Sciences)")
                .containsEntry("channel", "api");
    }

    @Test
    void theSameArticleAskedAgainByThePatronGoesToStaffAsAPossibleDuplicateButNotWhenAnotherPatronAsksForIt() {
        Map<String, Object> request = article();
        request.put("patronId", "2000555001");
        String first = submitted(request);
        String again = submitted(request);
        request.put("patronId", "2000555002");
        String someoneElse = submitted(request);

        assertThat(possibleDuplicatesOnceChecked(again)).isEqualTo(first);
        assertThat(possibleDuplicatesOnceChecked(someoneElse)).isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Task_ReviewDuplicate").list())
                .extracting(activity -> historyService.createHistoricProcessInstanceQuery().processInstanceId(activity.getProcessInstanceId())
                        .singleResult().getBusinessKey())
                .contains(again).doesNotContain(first, someoneElse);
    }

    private String submitted(Map<String, Object> request) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", request, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String requestNumber = response.getBody().path("requestNumber").asText();
        requestNumbers.add(requestNumber);
        return requestNumber;
    }

    /** What the duplicate check found for the request, once the job executor has taken it past that step (a minute at most). */
    private Object possibleDuplicatesOnceChecked(String requestNumber) {
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestNumber).singleResult().getId();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_FindDuplicates").finished()
                .count() == 0) {
            assertThat(Instant.now()).as("%s past the duplicate check", requestNumber).isBefore(giveUp);
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        HistoricVariableInstance found = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("possibleDuplicates").singleResult();
        return found == null ? null : found.getValue();
    }

    @Test
    void anInvalidRequestIsRefusedNamingEveryFieldAndNothingIsStoredOrStarted() {
        Map<String, Object> invalid = article();
        invalid.remove("patronName");
        invalid.put("patronEmail", "amira at trent");
        invalid.put("patronType", "alumni");
        invalid.put("issn", "0317-8472");
        invalid.put("articleTitle", "");
        invalid.put("pages", null);
        invalid.put("maximumCost", -5);
        long rows = rows();
        long instances = instances();

        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", invalid, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors")).extracting(error -> error.path("field").asText() + ": " + error.path("reason").asText())
                .containsExactly(
                        "patronName: required",
                        "patronEmail: not a valid email address",
                        "patronType: should be one of undergraduate, graduate, faculty, staff",
                        "issn: not a valid ISSN: check digit should be 1",
                        "articleTitle: a copy needs the title of the article or chapter, or the pages to copy",
                        "maximumCost: must not be negative");
        assertThat(rows()).isEqualTo(rows);
        assertThat(instances()).isEqualTo(instances);
    }

    @Test
    void aValueOfTheWrongKindOrJsonThatCannotBeReadIsRefusedNamingTheField() {
        Map<String, Object> badDate = article();
        badDate.put("neededBy", "31/12/2026");
        Map<String, Object> badCost = article();
        badCost.put("maximumCost", "twenty");
        long rows = rows();

        ResponseEntity<JsonNode> date = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", badDate, JsonNode.class);
        ResponseEntity<JsonNode> cost = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests", badCost, JsonNode.class);
        ResponseEntity<JsonNode> malformed = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests",
                json("{\"patronId\": \"2000123456\", "), JsonNode.class);

        assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(date.getBody().path("errors").get(0).path("field").asText()).isEqualTo("neededBy");
        assertThat(date.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("not a date (YYYY-MM-DD)");
        assertThat(cost.getBody().path("errors").get(0).path("field").asText()).isEqualTo("maximumCost");
        assertThat(cost.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("not a number");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void borrowingStaffManagersAdministratorsAndTheBorrowingApiGroupMayPassOnRequestsNobodyElse() {
        identityService.saveUser(discoveryLayer());
        if (identityService.createGroupQuery().groupId("borrowing-api").count() == 0) {
            identityService.saveGroup(identityService.newGroup("borrowing-api"));
        }
        identityService.createMembership("discovery-layer", "borrowing-api");

        assertThat(post(null, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("leo", "demo")).as("lending staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("cora", "demo")).as("copyright staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("bella", "demo")).isEqualTo(HttpStatus.CREATED);
        assertThat(post("max", "demo")).isEqualTo(HttpStatus.CREATED);
        assertThat(post("admin", "admin")).isEqualTo(HttpStatus.CREATED);
        assertThat(post("discovery-layer", "portal-secret")).isEqualTo(HttpStatus.CREATED);
        // last: a wrong password locks the user out for a while (Camunda's login throttling)
        assertThat(post("discovery-layer", "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus post(String user, String password) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, password);
        ResponseEntity<JsonNode> response = client.postForEntity("/api/borrowing-requests", article(), JsonNode.class);
        if (response.getStatusCode() == HttpStatus.CREATED) {
            requestNumbers.add(response.getBody().path("requestNumber").asText());
        }
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private User discoveryLayer() {
        User user = identityService.newUser("discovery-layer");
        user.setFirstName("Discovery");
        user.setLastName("Layer");
        user.setPassword("portal-secret");
        return user;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private long rows() {
        return jdbc.sql("select count(*) from borrowing_request").query(Long.class).single();
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("borrowing").count();
    }
}
