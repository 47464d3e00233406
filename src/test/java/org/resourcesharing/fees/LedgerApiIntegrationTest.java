package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class LedgerApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    /** Every test its own partner and request: the application's database is shared by every integration test. */
    private String partner;
    private String businessKey;

    @BeforeEach
    void newPartner() {
        partner = "ISIL:CA-T" + UUID.randomUUID().toString().substring(0, 8);
        businessKey = partner + "/QU-2026-0042";
    }

    @Test
    void lendingStaffListAPartnersPostingsAndARequestsPostings() {
        Posting fee = charge("35.00", "USD");

        ResponseEntity<JsonNode> byAccount = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/ledger/postings?accountType=PARTNER&accountId={id}", JsonNode.class, partner);
        ResponseEntity<JsonNode> byRequest = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/ledger/postings?businessKey={key}", JsonNode.class, businessKey);

        assertThat(byAccount.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAccount.getBody()).hasSize(1);
        JsonNode posting = byAccount.getBody().get(0);
        assertThat(posting.path("id").asText()).isEqualTo(fee.id().toString());
        assertThat(posting.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("35.00"));
        assertThat(posting.path("currency").asText()).isEqualTo("USD");
        assertThat(posting.path("kind").asText()).isEqualTo("LENDING_FEE");
        assertThat(posting.path("direction").asText()).isEqualTo("RECEIVABLE");
        // converted at the demo's rate of the day, which the rates API lists
        assertThat(posting.path("homeCurrency").asText()).isEqualTo("CAD");
        assertThat(posting.path("rateSource").asText()).isEqualTo("Demo sample FXUSDCAD");
        JsonNode rate = http.withBasicAuth("leo", "demo").getForObject("/api/fees/rates?currency=USD&from={day}&to={day}", JsonNode.class,
                posting.path("rateDate").asText(), posting.path("rateDate").asText()).get(0);
        assertThat(posting.path("exchangeRate").decimalValue()).isEqualByComparingTo(rate.path("rate").decimalValue());
        assertThat(posting.path("homeAmount").decimalValue())
                .isEqualTo(new BigDecimal("35.00").multiply(rate.path("rate").decimalValue()).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(posting.path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(posting.path("postedBy").asText()).isEqualTo("process:lending");
        assertThat(byRequest.getBody()).extracting(node -> node.path("id").asText()).containsExactly(fee.id().toString());
    }

    @Test
    void amountsAreSentWithTheirCurrencysDecimals() {
        charge("35.00", "USD");
        charge("1500", "JPY");

        String postings = http.withBasicAuth("leo", "demo")
                .getForObject("/api/ledger/postings?accountType=PARTNER&accountId={id}", String.class, partner);
        String balances = http.withBasicAuth("leo", "demo")
                .getForObject("/api/ledger/balances?accountType=PARTNER&accountId={id}", String.class, partner);

        assertThat(postings).contains("\"amount\":35.00,", "\"amount\":1500,");
        assertThat(balances).contains("\"JPY\":1500", "\"USD\":35.00");
    }

    @Test
    void balancesArePerCurrency() {
        charge("35.00", "USD");
        charge("5.00", "CAD");
        charge("0.10", "CAD");

        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/ledger/balances?accountType=PARTNER&accountId={id}", JsonNode.class, partner);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("accountId").asText()).isEqualTo(partner);
        assertThat(response.getBody().path("balances").path("CAD").decimalValue()).isEqualByComparingTo(new BigDecimal("5.10"));
        assertThat(response.getBody().path("balances").path("USD").decimalValue()).isEqualByComparingTo(new BigDecimal("35.00"));
        assertThat(response.getBody().path("balances")).hasSize(2);
    }

    @Test
    void aManagerReversesAPostingInTheirOwnName() {
        Posting fee = charge("5.00", "CAD");

        ResponseEntity<JsonNode> response = http.withBasicAuth("max", "demo")
                .postForEntity("/api/ledger/postings/{id}/reversal", Map.of("reason", "Charged twice"), JsonNode.class, fee.id());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("reverses").asText()).isEqualTo(fee.id().toString());
        assertThat(response.getBody().path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("-5.00"));
        assertThat(response.getBody().path("postedBy").asText()).isEqualTo("max");
        assertThat(response.getBody().path("reason").asText()).isEqualTo("Charged twice");
        assertThat(ledger.balance(AccountType.PARTNER, partner)).containsEntry("CAD", new BigDecimal("0.00"));
    }

    @Test
    void aSecondReversalIsRefused() {
        Posting fee = charge("5.00", "CAD");
        ledger.reverse(fee.id(), "max", "Charged twice");

        ResponseEntity<JsonNode> response = http.withBasicAuth("admin", "admin")
                .postForEntity("/api/ledger/postings/{id}/reversal", Map.of("reason", "Charged twice"), JsonNode.class, fee.id());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("has already been reversed");
        assertThat(ledger.postingsFor(AccountType.PARTNER, partner)).hasSize(2);
    }

    @Test
    void aReversalNeedsAReason() {
        Posting fee = charge("5.00", "CAD");

        ResponseEntity<JsonNode> response = http.withBasicAuth("max", "demo")
                .postForEntity("/api/ledger/postings/{id}/reversal", Map.of("reason", " "), JsonNode.class, fee.id());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(ledger.postingsFor(AccountType.PARTNER, partner)).containsExactly(fee);
    }

    @Test
    void staffMayReadTheLedgerButNotReverse() {
        Posting fee = charge("5.00", "CAD");

        ResponseEntity<String> response = http.withBasicAuth("leo", "demo")
                .postForEntity("/api/ledger/postings/{id}/reversal", Map.of("reason", "Charged twice"), String.class, fee.id());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ledger.postingsFor(AccountType.PARTNER, partner)).containsExactly(fee);
    }

    @Test
    void onlyResourceSharingStaffAndManagersReadTheLedger() {
        assertThat(http.withBasicAuth("cora", "demo").getForEntity("/api/ledger/postings?businessKey={key}", String.class, businessKey)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/ledger/postings?businessKey={key}", String.class, businessKey).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("max", "demo").getForEntity("/api/ledger/postings?businessKey={key}", String.class, businessKey)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAccountNeedsATypeAndAnId() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/ledger/balances?accountType=LIBRARY", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("accountType", "accountId");
    }

    private Posting charge(String amount, String currency) {
        return ledger.post(new PostingRequest(AccountType.PARTNER, partner, Direction.RECEIVABLE, Kind.LENDING_FEE, new BigDecimal(amount),
                currency, businessKey, null, "test:" + UUID.randomUUID(), "process:lending", "Lending fee"));
    }
}
