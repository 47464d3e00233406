package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Uploading and listing rates over REST. The application's database is shared by every integration
 * test and the demo's rates cover the last 30 days, so these tests upload rates of days long past.
 */
@ResourceSharingIntegrationTest
class ExchangeRateApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    Ledger ledger;

    @Test
    void aManagerUploadsAValetJsonFileAndStaffListTheRates() {
        String file = new TestRates().on("2019-03-01", "FXUSDCAD", "1.3310").on("2019-03-01", "FXEURCAD", "1.5125")
                .on("2019-03-04", "FXUSDCAD", "1.3298").json();

        ResponseEntity<JsonNode> imported = upload("max", file, MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> again = upload("admin", file, MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> listed = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/rates?currency=USD&from=2019-03-01&to=2019-03-31", JsonNode.class);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().path("inserted").asInt()).isEqualTo(3);
        assertThat(imported.getBody().path("source").asText()).isEqualTo("Bank of Canada");
        assertThat(imported.getBody().path("from").asText()).isEqualTo("2019-03-01");
        assertThat(imported.getBody().path("to").asText()).isEqualTo("2019-03-04");
        assertThat(again.getBody().path("inserted").asInt()).isZero();
        assertThat(again.getBody().path("unchanged").asInt()).isEqualTo(3);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(2);
        JsonNode first = listed.getBody().get(0);
        assertThat(first.path("currency").asText()).isEqualTo("USD");
        assertThat(first.path("homeCurrency").asText()).isEqualTo("CAD");
        assertThat(first.path("date").asText()).isEqualTo("2019-03-01");
        assertThat(first.path("rate").decimalValue()).isEqualByComparingTo("1.3310");
        assertThat(first.path("source").asText()).isEqualTo("Bank of Canada FXUSDCAD");
        // Tuesday 5 March: Monday's rate
        assertThat(converter.convert(new BigDecimal("35.00"), "USD", "CAD", LocalDate.parse("2019-03-05")).amount())
                .isEqualTo(new BigDecimal("46.54")); // 35.00 × 1.3298 = 46.543
    }

    @Test
    void aValetCsvFileIsTakenToo() {
        String file = new TestRates().on("2019-04-01", "FXGBPCAD", "1.7402").csv();

        ResponseEntity<JsonNode> imported = upload("max", file, MediaType.parseMediaType("text/csv"));

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().path("currencies").get(0).asText()).isEqualTo("GBP");
        assertThat(http.withBasicAuth("max", "demo").getForObject("/api/fees/rates?currency=GBP&from=2019-04-01&to=2019-04-01",
                JsonNode.class)).hasSize(1);
    }

    @Test
    void aBadFileIsRefusedWithWhatIsWrongAndNothingIsImported() {
        String file = """
                {"seriesDetail": {"FXUSDCAD": {}}, "observations": [
                  {"d": "2019-05-01", "FXUSDCAD": {"v": "1.3400"}},
                  {"d": "2019-05-02", "FXUSDCAD": {"v": "1,3400"}}]}""";

        ResponseEntity<JsonNode> refused = upload("max", file, MediaType.APPLICATION_JSON);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("observations[1].FXUSDCAD.v");
        assertThat(refused.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("'1,3400' is not a rate such as 1.4012");
        assertThat(http.withBasicAuth("max", "demo").getForObject("/api/fees/rates?currency=USD&from=2019-05-01&to=2019-05-31",
                JsonNode.class)).isEmpty();
    }

    @Test
    void onlyManagersAndAdministratorsUploadAndResourceSharingStaffRead() {
        String file = new TestRates().on("2019-06-03", "FXUSDCAD", "1.3500").json();

        assertThat(upload("leo", file, MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/fees/rates", new HttpEntity<>(file, json()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("cora", "demo").getForEntity("/api/fees/rates", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("bella", "demo").getForEntity("/api/fees/rates?currency=USD&from=2019-06-01&to=2019-06-30",
                JsonNode.class).getBody()).isEmpty();
    }

    @Test
    void aFileOfAnotherTypeIsNotTaken() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);

        assertThat(http.withBasicAuth("max", "demo").postForEntity("/api/fees/rates", new HttpEntity<>("<rates/>", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void listingNamesWrongParameters() {
        ResponseEntity<JsonNode> refused = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/rates?currency=usd&from=2019-13-01", JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).extracting(error -> error.path("field").asText()).containsExactly("currency", "from");
    }

    @Test
    void theDemoHasRatesOfRecentDaysSoAForeignChargeIsConverted() {
        Posting posting = ledger.post(new PostingRequest(AccountType.PARTNER, "ISIL:AT-UBW", Direction.RECEIVABLE, Kind.LENDING_FEE,
                new BigDecimal("12.00"), "EUR", "ISIL:AT-UBW/W-" + UUID.randomUUID(), null, "test:" + UUID.randomUUID(), "process:lending",
                "Lending fee"));

        assertThat(posting.rateSource()).isEqualTo("Demo sample FXEURCAD");
        assertThat(posting.rateDate()).isAfterOrEqualTo(LocalDate.now().minusDays(7));
        assertThat(posting.homeAmount()).isEqualTo(new BigDecimal("12.00").multiply(posting.exchangeRate()).setScale(2,
                java.math.RoundingMode.HALF_EVEN));
    }

    private ResponseEntity<JsonNode> upload(String user, String file, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth(user, user.equals("admin") ? "admin" : "demo").postForEntity("/api/fees/rates",
                new HttpEntity<>(file, headers), JsonNode.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
