package org.resourcesharing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.ActivityTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every measure over a constructed history in March and April 2020 (no other test writes history that old), through
 * the REST API: known counts, medians and 90th percentiles (PERCENTILE_CONT, interpolated), overall and per lender.
 */
@ResourceSharingIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsMeasuresIntegrationTest {

    static final String RANGE = "from=2020-03-01&to=2020-04-30";
    static final String LENDER_A = "ISIL:CA-RPTA";
    static final String LENDER_B = "ISIL:CA-RPTB";

    static final ObjectMapper DECIMALS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestRecords records;
    @Autowired
    WorkMeasures work;

    @BeforeAll
    void constructHistory() {
        TestHistory history = new TestHistory(jdbc, records);
        // Borrowing loans from lender A shipped after 1, 2 and 3 days, from lender B after 4 and 10 days (the last one started in April).
        LocalDateTime first = LocalDateTime.of(2020, 3, 2, 9, 0); // a Monday
        history.request("borrowing", first).variable("serviceType", "Loan").variable("supplyingAgencyId", LENDER_A)
                .reached("Event_Loaned", first.plusDays(1)).reached("Task_ReceiveItem", first.plusDays(2))
                .reached("Task_EmailReady", first.plusDays(2).plusHours(1)).ended("EndEvent_LoanCompleted", first.plusDays(30));
        loan(history, first.plusDays(1), LENDER_A, 2);
        loan(history, first.plusDays(2), LENDER_A, 3);
        loan(history, first.plusDays(3), LENDER_B, 4);
        loan(history, LocalDateTime.of(2020, 4, 6, 9, 0), LENDER_B, 10);
        // Copies shipped after 12 and 36 hours.
        LocalDateTime second = LocalDateTime.of(2020, 3, 10, 9, 0);
        history.request("borrowing", second).variable("serviceType", "Copy").variable("supplyingAgencyId", LENDER_A)
                .reached("Event_CopyCompleted", second.plusHours(12)).ended("EndEvent_CopyDelivered", second.plusDays(1));
        history.request("borrowing", second).variable("serviceType", "Copy").variable("supplyingAgencyId", LENDER_B)
                .reached("Event_CopyCompleted", second.plusHours(36)).ended("EndEvent_CopyDelivered", second.plusDays(2));
        // Two loans not filled, one still open.
        history.request("borrowing", second).variable("serviceType", "Loan").variable("supplyingAgencyId", LENDER_B)
                .variable("reasonUnfilled", "NotHeld").ended("EndEvent_Unfilled", second.plusDays(5));
        history.request("borrowing", second).variable("serviceType", "Loan").ended("EndEvent_Cancelled", second.plusDays(1));
        history.request("borrowing", second).variable("serviceType", "Loan").variable("supplyingAgencyId", LENDER_A)
                .task("Task_ReceiveItem", "Receive the item", second.plusDays(1), null);
        // Staff took 1, 2 and 3 hours to receive items.
        for (int hours = 1; hours <= 3; hours++) {
            history.request("borrowing", LocalDateTime.of(2019, 12, 1, 9, 0))
                    .task("Task_ReceiveItem", "Receive the item", LocalDateTime.of(2020, 3, 3, 9, 0), LocalDateTime.of(2020, 3, 3, 9 + hours, 0));
        }
        // A lending loan shipped after a day.
        history.request("lending", first).variable("serviceType", "Loan").variable("requestingAgencyId", "ISIL:CA-OKQ")
                .reached("Task_SendLoaned", first.plusDays(1));
        // Hires 10, 20 and 30 days after the posting was published (two days after it was drafted).
        for (int days = 10; days <= 30; days += 10) {
            LocalDateTime published = first.plusDays(2);
            history.request("student-hiring", first).reached("Task_PublishPosting", published).reached("Task_RecordHire", published.plusDays(days))
                    .ended("EndEvent_Hired", published.plusDays(days));
        }
        // Copyright decisions.
        for (int n = 0; n < 3; n++) {
            history.decision("copy-copyright", first.plusDays(3), "CopyRule_04", "copyrightDecision", "allow", "copyrightBasis", "Copyright Act s.30.2(1)");
        }
        history.decision("copy-copyright", first.plusDays(4), "CopyRule_01", "copyrightDecision", "refuse", "copyrightBasis", "Licence terms");
        // The copyright team's decisions on course materials: two cleared under fair dealing, one refused by the rights holder.
        history.courseMaterialsDecision("ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing (s.29)", first.plusDays(5));
        history.courseMaterialsDecision("ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing (s.29)", first.plusDays(6));
        history.courseMaterialsDecision("PERMISSION_ANSWER", "PERMISSION_REFUSED", "PERMISSION", "Permission of the rights holder", first.plusDays(7));
        history.courseMaterialsDecision("ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing (s.29)", LocalDateTime.of(2020, 5, 1, 9, 0)); // after
        // Emails.
        history.mailReceived("ill", "LOAN_OR_COPY_REQUEST", "STARTED", first);
        history.mailReceived("ill", "LOAN_OR_COPY_REQUEST", "STARTED", first.plusDays(1));
        history.mailReceived("ill", "OTHER", "TRIAGE", first.plusDays(1));
        history.mailReceived("ill", "OTHER", "TRIAGE", LocalDateTime.of(2020, 5, 1, 9, 0)); // after the range
        // Our ISO 18626 requests: lender A filled 3 of 4 (after 1, 2, 3 days; the fourth Unfilled), and a fifth still
        // waiting for its answer counts for nothing yet; lender B 2 of 2 (after 4 and 10 days).
        int[][] asked = {{1}, {2}, {3}, {0}};
        for (int n = 0; n < asked.length; n++) {
            history.message("OUT", LENDER_A, "RPT-A" + n, "request", "Loan", first);
            history.message("IN", LENDER_A, "RPT-A" + n, "supplyingAgencyMessage", asked[n][0] > 0 ? "Loaned" : "Unfilled",
                    first.plusDays(asked[n][0] > 0 ? asked[n][0] : 1));
        }
        history.message("OUT", LENDER_A, "RPT-A-WAITING", "request", "Loan", first);
        history.message("OUT", LENDER_B, "RPT-B1", "request", "Loan", first);
        history.message("IN", LENDER_B, "RPT-B1", "supplyingAgencyMessage", "Loaned", first.plusDays(4));
        history.message("OUT", LENDER_B, "RPT-B2", "request", "Copy", first);
        history.message("IN", LENDER_B, "RPT-B2", "supplyingAgencyMessage", "CopyCompleted", first.plusDays(10));
    }

    private static void loan(TestHistory history, LocalDateTime started, String lender, int daysToShip) {
        history.request("borrowing", started).variable("serviceType", "Loan").variable("supplyingAgencyId", lender)
                .reached("Event_Loaned", started.plusDays(daysToShip));
    }

    @Test
    void turnaroundMediansAndPercentilesForLoansAndCopiesSeparatelyAndOverall() {
        JsonNode rows = rows("turnaround", "max");

        assertThat(select(rows, "process", "Borrowing"))
                .extracting(row -> tuple(row.path("milestone").asText(), row.path("serviceType").asText(), row.path("requests").asLong(),
                        row.path("medianDays").asText(), row.path("p90Days").asText()))
                .containsExactlyInAnyOrder(
                        tuple("shipped", "Loan", 5L, "3.00", "7.60"), // 1, 2, 3, 4, 10 days
                        tuple("shipped", "Copy", 2L, "1.00", "1.40"), // 0.5, 1.5 days
                        tuple("shipped", "all", 7L, "2.00", "6.40"),
                        tuple("received", "Loan", 1L, "2.00", "2.00"),
                        tuple("received", "all", 1L, "2.00", "2.00"),
                        tuple("notified", "Loan", 1L, "2.04", "2.04"), // two days and an hour
                        tuple("notified", "all", 1L, "2.04", "2.04"));
        assertThat(select(rows, "process", "Lending")).extracting(row -> row.path("medianDays").asText()).containsOnly("1.00");
        assertThat(rows).extracting(row -> row.path("process").asText()).containsOnly("Borrowing", "Lending", "Student assistant hiring");
    }

    @Test
    void turnaroundPerLender() {
        JsonNode rows = rows("turnaround-by-partner", "max");

        assertThat(select(select(rows, "process", "Borrowing"), "milestone", "shipped"))
                .extracting(row -> tuple(row.path("partner").asText(), row.path("serviceType").asText(), row.path("requests").asLong(),
                        row.path("medianDays").asText(), row.path("p90Days").asText()))
                .containsExactlyInAnyOrder(
                        tuple(LENDER_A, "Loan", 3L, "2.00", "2.80"),
                        tuple(LENDER_A, "Copy", 1L, "0.50", "0.50"),
                        tuple(LENDER_B, "Loan", 2L, "7.00", "9.40"),
                        tuple(LENDER_B, "Copy", 1L, "1.50", "1.50"));
    }

    @Test
    void fillRateCountsFinishedRequestsAndLeavesOpenOnesOut() {
        assertThat(select(rows("fill-rate", "max"), "process", "Borrowing"))
                .extracting(row -> tuple(row.path("serviceType").asText(), row.path("filled").asLong(), row.path("notFilled").asLong(),
                        row.path("fillRate").asText()))
                .containsExactly(tuple("Copy", 2L, 0L, "100.00"), tuple("Loan", 5L, 2L, "71.43"), tuple("all", 7L, 2L, "77.78"));
    }

    @Test
    void requestsPerMonthAndPerWeekByServiceTypeAndOutcome() {
        assertThat(select(rows("requests", "max"), "process", "Borrowing"))
                .extracting(row -> tuple(row.path("period").asText(), row.path("serviceType").asText(), row.path("outcome").asText(),
                        row.path("requests").asLong()))
                .containsExactly(
                        tuple("2020-03-01", "Copy", "filled", 2L),
                        tuple("2020-03-01", "Loan", "filled", 4L),
                        tuple("2020-03-01", "Loan", "not filled", 2L),
                        tuple("2020-03-01", "Loan", "open", 1L),
                        tuple("2020-04-01", "Loan", "filled", 1L));
        JsonNode weeks = get("/api/reports/requests?" + RANGE + "&period=week", "max").getBody().path("rows");
        assertThat(select(select(weeks, "process", "Borrowing"), "serviceType", "Loan"))
                .extracting(row -> tuple(row.path("period").asText(), row.path("outcome").asText(), row.path("requests").asLong()))
                .containsExactly(tuple("2020-03-02", "filled", 4L), tuple("2020-03-09", "not filled", 2L), tuple("2020-03-09", "open", 1L),
                        tuple("2020-04-06", "filled", 1L));
        // hirings have no fill milestone: counted by where they ended
        assertThat(select(rows("requests", "max"), "process", "Student assistant hiring")).extracting(row -> row.path("outcome").asText(),
                row -> row.path("requests").asLong()).containsExactly(tuple("Students hired", 3L));
    }

    @Test
    void unfilledReasonsWithWhereTheRequestEnded() {
        assertThat(select(rows("unfilled-reasons", "max"), "process", "Borrowing"))
                .extracting(row -> tuple(row.path("reason").asText(), row.path("endedAt").asText(), row.path("requests").asLong()))
                .containsExactlyInAnyOrder(tuple("NotHeld", "Unfilled", 1L), tuple("(none given)", "Cancelled", 1L));
    }

    @Test
    void lendersRankedByFillRateThenTurnaroundAsTheLenderSelectionTableSeesThem() {
        assertThat(rows("lender-ranking", "bella"))
                .extracting(row -> tuple(row.path("rank").asLong(), row.path("lender").asText(), row.path("asked").asLong(),
                        row.path("filled").asLong(), row.path("fillRate").asText(), row.path("averageDays").asText(),
                        row.path("medianDays").asText(), row.path("p90Days").asText()))
                .containsExactly(
                        tuple(1L, LENDER_B, 2L, 2L, "100.00", "7.00", "7.00", "9.40"),
                        tuple(2L, LENDER_A, 4L, 3L, "75.00", "2.00", "2.00", "2.80"));
    }

    @Test
    void timeWaitingInEachUserTask() {
        assertThat(select(rows("task-waiting", "max"), "task", "Receive the item"))
                .extracting(row -> tuple(row.path("finished").asLong(), row.path("medianHours").asText(), row.path("p90Hours").asText(),
                        row.path("open").asLong()))
                .containsExactly(tuple(3L, "2.00", "2.80", 1L));
    }

    @Test
    void copyrightDecisionsByOutcomeAndRule() {
        assertThat(rows("copyright-decisions", "cora"))
                .extracting(row -> tuple(row.path("decision").asText(), row.path("outcome").asText(), row.path("rule").asText(),
                        row.path("ruleId").asText(), row.path("decisions").asLong()))
                .containsExactly(tuple("copy-copyright", "allow", "Copyright Act s.30.2(1)", "CopyRule_04", 3L),
                        tuple("copy-copyright", "refuse", "Licence terms", "CopyRule_01", 1L),
                        tuple(DecisionAndMailMeasures.COURSE_MATERIALS, "CLEARED", "Fair dealing (s.29)", "FAIR_DEALING", 2L),
                        tuple(DecisionAndMailMeasures.COURSE_MATERIALS, "PERMISSION_REFUSED", "Permission of the rights holder", "PERMISSION", 1L));
        // interlibrary loan lending staff see the copy table's decisions, not the course materials'
        assertThat(rows("copyright-decisions", "leo")).extracting(row -> row.path("decision").asText()).containsOnly("copy-copyright");
    }

    @Test
    void timeToHire() {
        assertThat(rows("time-to-hire", "hana"))
                .extracting(row -> tuple(row.path("hires").asLong(), row.path("medianDays").asText(), row.path("p90Days").asText()))
                .containsExactly(tuple(3L, "20.00", "28.00"));
    }

    @Test
    void emailsReceivedByClassification() {
        assertThat(rows("emails", "leo"))
                .extracting(row -> tuple(row.path("mailbox").asText(), row.path("classification").asText(), row.path("messages").asLong()))
                .containsExactly(tuple("ill", "LOAN_OR_COPY_REQUEST", 2L), tuple("ill", "OTHER", 1L));
    }

    @Test
    void openWorkPerActivityWithTheMedianWait() {
        TestHistory history = new TestHistory(jdbc, records);
        LocalDateTime now = LocalDateTime.of(2020, 5, 1, 12, 0);
        for (int hours : new int[] {1, 3, 5}) {
            history.request("reports-fixture", now.minusDays(1)).waitingAt("Task_Waiting", now.minusHours(hours));
        }
        history.request("reports-fixture", now.minusDays(1)).reached("Task_Done", now.minusHours(2));

        assertThat(work.openWork("reports-fixture", now))
                .containsExactly(new WorkMeasures.OpenWork("Task_Waiting", 3, 3.0, 5.0));
    }

    @Test
    void aRequestInsideASubProcessWaitsOnlyAtTheActivityInside() {
        TestHistory history = new TestHistory(jdbc, records);
        LocalDateTime now = LocalDateTime.of(2020, 5, 1, 12, 0);
        // lending's review is inside "Decide whether to supply" (the Cancel is awaited on the sub-process):
        // the engine keeps the sub-process's instance open as long as the review's
        history.request("reports-fixture-scopes", now.minusDays(1)).inside("SubProcess_DecideSupply", ActivityTypes.SUB_PROCESS, now.minusHours(6))
                .reached("Task_CheckCatalogue", now.minusHours(5)).waitingAt("Task_ReviewRequest", now.minusHours(4));
        // the same for one lender of several asked in turn, in the body of a multi-instance activity
        history.request("reports-fixture-scopes", now.minusDays(1))
                .inside("Task_AskLender#multiInstanceBody", ActivityTypes.MULTI_INSTANCE_BODY, now.minusHours(3))
                .waitingAt("Task_AskLender", now.minusHours(2));

        assertThat(work.openWork("reports-fixture-scopes", now)).containsExactlyInAnyOrder(
                new WorkMeasures.OpenWork("Task_ReviewRequest", 1, 4.0, 4.0), new WorkMeasures.OpenWork("Task_AskLender", 1, 2.0, 2.0));
    }

    @Test
    void theCsvOfAMeasureIsItsTable() {
        JsonNode report = get("/api/reports/turnaround-by-partner?" + RANGE, "max").getBody();
        ResponseEntity<String> csv = http.withBasicAuth("max", "demo").getForEntity("/api/reports/turnaround-by-partner.csv?" + RANGE, String.class);

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> expected = new ArrayList<>();
        expected.add(String.join(",", StreamSupport.stream(report.path("columns").spliterator(), false).map(column -> column.path("label").asText())
                .toList()));
        for (JsonNode row : report.path("rows")) {
            expected.add(String.join(",", StreamSupport.stream(report.path("columns").spliterator(), false)
                    .map(column -> row.path(column.path("name").asText())).map(value -> value.isNull() ? "" : value.asText()).toList()));
        }
        assertThat(csv.getBody().split("\r\n")).containsExactlyElementsOf(expected);
    }

    @Test
    void groupsDecideWhatEachSees() {
        assertThat(measures("max")).contains("requests", "lender-ranking", "copyright-decisions", "time-to-hire", "emails", "task-waiting");
        assertThat(measures("bella")).contains("requests", "fill-rate", "turnaround", "lender-ranking", "emails")
                .doesNotContain("copyright-decisions", "time-to-hire");
        assertThat(measures("cora")).contains("copyright-decisions").doesNotContain("lender-ranking", "time-to-hire", "emails");
        assertThat(measures("hana")).contains("time-to-hire", "emails").doesNotContain("lender-ranking", "copyright-decisions");
        // borrowing staff see borrowing's figures, not lending's
        assertThat(rows("turnaround", "bella")).extracting(row -> row.path("process").asText()).containsOnly("Borrowing");
        assertThat(get("/api/reports/lender-ranking?" + RANGE, "cora").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/reports/diagrams/lending", "bella").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/reports/turnaround", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/reports", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongDateOrPeriodIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> backwards = get("/api/reports/requests?from=2020-05-01&to=2020-04-01", "max");
        ResponseEntity<JsonNode> notADate = get("/api/reports/requests?from=yesterday", "max");
        ResponseEntity<JsonNode> period = get("/api/reports/requests?period=fortnight", "max");

        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().path("errors").get(0).path("field").asText()).isEqualTo("from");
        assertThat(notADate.getBody().path("errors").get(0).path("reason").asText()).contains("not a date");
        assertThat(period.getBody().path("errors").get(0).path("field").asText()).isEqualTo("period");
        assertThat(get("/api/reports/no-such-measure", "max").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<String> measures(String user) {
        return StreamSupport.stream(get("/api/reports", user).getBody().spliterator(), false).map(link -> link.path("id").asText()).toList();
    }

    private JsonNode rows(String measure, String user) {
        ResponseEntity<JsonNode> report = get("/api/reports/" + measure + "?" + RANGE, user);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        return report.getBody().path("rows");
    }

    /** Decimals read as written (2.00 stays 2.00), as the CSV and the page show them. */
    private ResponseEntity<JsonNode> get(String path, String user) {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
        try {
            JsonNode body = response.getBody() == null ? null : DECIMALS.readTree(response.getBody());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(body);
        } catch (JsonProcessingException notJson) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(null);
        }
    }

    private static List<JsonNode> select(Iterable<JsonNode> rows, String column, String value) {
        return StreamSupport.stream(rows.spliterator(), false).filter(row -> row.path(column).asText().equals(value)).toList();
    }
}
