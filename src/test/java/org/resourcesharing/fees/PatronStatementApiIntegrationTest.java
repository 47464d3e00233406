package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A patron's statement (JSON and CSV) and the export of patrons' charges for the library services platform. */
@ResourceSharingIntegrationTest
class PatronStatementApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    private String patron;
    private Posting lost;
    private Posting reversal;
    private Posting passedOn;

    @BeforeEach
    void aPatronWithCharges() {
        patron = "P" + UUID.randomUUID().toString().substring(0, 8);
        lost = charge(Kind.LOST_ITEM, "125.00", "CAD", "Lost item, replacement");
        charge(Kind.NOT_PICKED_UP, "5.00", "CAD", "=HYPERLINK(\"http://evil.example\"), not picked up");
        reversal = ledger.reverse(lost.id(), "max", "Found on the shelf");
        passedOn = charge(Kind.LENDER_CHARGE_PASSED_ON, "40.00", "USD", "Lender's cost, accepted by the patron");
    }

    @Test
    void theStatementListsEveryPostingWithBalancesAndItsCsvHasTheSameLines() throws IOException {
        JsonNode statement = exactly(http.withBasicAuth("bella", "demo").getForEntity("/api/fees/statements/{id}", String.class, patron))
                .getBody();
        ResponseEntity<String> csv = http.withBasicAuth("bella", "demo").exchange("/api/fees/statements/{id}", HttpMethod.GET,
                new HttpEntity<>(accept("text/csv")), String.class, patron);

        assertThat(statement.path("patronId").asText()).isEqualTo(patron);
        assertThat(statement.path("lines")).extracting(line -> line.path("kind").asText(), line -> line.path("amount").decimalValue())
                .containsExactly(org.assertj.core.api.Assertions.tuple("LOST_ITEM", new BigDecimal("125.00")),
                        org.assertj.core.api.Assertions.tuple("NOT_PICKED_UP", new BigDecimal("5.00")),
                        org.assertj.core.api.Assertions.tuple("LOST_ITEM", new BigDecimal("-125.00")),
                        org.assertj.core.api.Assertions.tuple("LENDER_CHARGE_PASSED_ON", new BigDecimal("40.00")));
        assertThat(statement.path("lines").get(2).path("reverses").asText()).isEqualTo(lost.id().toString());
        assertThat(statement.path("balances").path("CAD").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(statement.path("balances").path("USD").decimalValue()).isEqualByComparingTo("40.00");
        // 5.00 + the 40 US dollars at the day's rate, as the ledger converted them
        assertThat(statement.path("homeBalance").decimalValue()).isEqualByComparingTo(new BigDecimal("5.00").add(passedOn.homeAmount()));

        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        List<List<String>> rows = ValetFile.CsvLines.parse(csv.getBody());
        assertThat(rows.get(0)).containsExactly(PatronStatements.STATEMENT_COLUMNS);
        assertThat(rows).hasSize(1 + 4);
        for (int i = 0; i < 4; i++) {
            JsonNode line = statement.path("lines").get(i);
            assertThat(rows.get(i + 1)).as("line %d", i).containsExactly(line.path("date").asText(), line.path("postingId").asText(),
                    line.path("businessKey").asText(), "", line.path("kind").asText(), line.path("amount").decimalValue().toPlainString(),
                    line.path("currency").asText(), line.path("homeAmount").decimalValue().toPlainString(), "CAD",
                    line.path("reverses").isNull() ? "" : line.path("reverses").asText(),
                    i == 1 ? "'" + line.path("reason").asText() : line.path("reason").asText());
        }
        // what a patron typed is never a formula in a spreadsheet
        assertThat(csv.getBody()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\"), not picked up\"\r\n");
    }

    @Test
    void theExportHasEveryPatronChargeOfThePeriodForTheLibraryServicesPlatform() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));

        ResponseEntity<String> export = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/exports/patron-charges.csv?from={d}&to={d}", String.class, today, today);
        ResponseEntity<String> yesterday = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/exports/patron-charges.csv?from={d}&to={d}", String.class, today.minusDays(1), today.minusDays(1));

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("patron-charges-" + today + "-" + today + ".csv");
        List<List<String>> rows = ValetFile.CsvLines.parse(export.getBody());
        assertThat(rows.get(0)).containsExactly(PatronStatements.EXPORT_COLUMNS);
        List<List<String>> mine = rows.stream().filter(row -> row.get(2).equals(patron)).toList();
        assertThat(mine).extracting(row -> row.get(0), row -> row.get(3), row -> row.get(4), row -> row.get(5), row -> row.get(11))
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(lost.id().toString(), "LOST_ITEM", "125.00", "CAD", ""),
                        org.assertj.core.api.Assertions.tuple(mine.get(1).get(0), "NOT_PICKED_UP", "5.00", "CAD", ""),
                        org.assertj.core.api.Assertions.tuple(reversal.id().toString(), "LOST_ITEM", "-125.00", "CAD", lost.id().toString()),
                        org.assertj.core.api.Assertions.tuple(passedOn.id().toString(), "LENDER_CHARGE_PASSED_ON", "40.00", "USD", ""));
        assertThat(mine.get(3).get(6)).isEqualTo(passedOn.homeAmount().toPlainString());
        assertThat(mine).allSatisfy(row -> assertThat(row.get(1)).startsWith(today.toString()));
        assertThat(ValetFile.CsvLines.parse(yesterday.getBody()).stream().filter(row -> row.get(2).equals(patron))).isEmpty();
    }

    @Test
    void patronAccountsAreForResourceSharingStaffOnly() {
        assertThat(http.withBasicAuth("cora", "demo").getForEntity("/api/fees/statements/{id}", String.class, patron).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("hana", "demo").getForEntity("/api/fees/exports/patron-charges.csv?from=2026-01-01&to=2026-01-31",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/fees/statements/{id}", String.class, patron).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Posting charge(Kind kind, String amount, String currency, String reason) {
        return ledger.post(new PostingRequest(AccountType.PATRON, patron, Direction.RECEIVABLE, kind, new BigDecimal(amount), currency,
                "B-" + UUID.randomUUID().toString().substring(0, 6), null, "test:" + UUID.randomUUID(), "process:borrowing", reason));
    }

    /** The JSON with its numbers as the decimals sent (15.00, not 15.0). */
    private static ResponseEntity<JsonNode> exactly(ResponseEntity<String> json) throws IOException {
        return ResponseEntity.status(json.getStatusCode()).headers(json.getHeaders())
                .body(new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(json.getBody()));
    }

    private static HttpHeaders accept(String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(type)));
        return headers;
    }
}
