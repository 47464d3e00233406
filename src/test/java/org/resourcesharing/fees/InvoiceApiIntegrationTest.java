package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** Invoices over REST, for a Canadian partner of this test's own (CAD, so no exchange rate is involved). */
@ResourceSharingIntegrationTest
class InvoiceApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    private String partner;
    private final LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));

    @BeforeEach
    void aPartnerWithCharges() {
        partner = "ISIL:CA-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ResponseEntity<String> saved = http.withBasicAuth("max", "demo").exchange("/api/partners/{id}", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Bibliothèque de test, Montréal", "endpointUrl", "https://ill.test.example/iso18626",
                        "tier", "canada", "currency", "CAD", "lendingFee", "15.00", "answerTimeout", "P3D",
                        "incomingAuthentication", Map.of("type", "SHARED_SECRET", "secret", "test-secret"))), String.class, partner);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        charge(Direction.RECEIVABLE, Kind.LENDING_FEE, "15.00", "/T-1");
        charge(Direction.RECEIVABLE, Kind.LOST_ITEM, "150.00", "/T-2");
        charge(Direction.PAYABLE, Kind.BORROWING_FEE, "7.50", null);
    }

    @Test
    void staffGetTheInvoiceAsJsonCsvOrPdfWithTheSameLinesAndTotal() throws IOException {
        ResponseEntity<JsonNode> json = exactly(get("leo", MediaType.APPLICATION_JSON, String.class));
        ResponseEntity<String> csv = get("leo", MediaType.parseMediaType("text/csv"), String.class);
        ResponseEntity<byte[]> pdf = get("max", MediaType.APPLICATION_PDF, byte[].class);

        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody().path("currency").asText()).isEqualTo("CAD");
        assertThat(json.getBody().path("partnerName").asText()).isEqualTo("Bibliothèque de test, Montréal");
        assertThat(json.getBody().path("lines")).extracting(line -> line.path("invoiceAmount").decimalValue())
                .containsExactly(new BigDecimal("15.00"), new BigDecimal("150.00"), new BigDecimal("-7.50"));
        assertThat(json.getBody().path("total").decimalValue()).isEqualByComparingTo("157.50");

        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("invoice-" + json.getBody().path("number").asText() + ".csv");
        List<List<String>> rows = ValetFile.CsvLines.parse(csv.getBody());
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 3; i++) {
            JsonNode line = json.getBody().path("lines").get(i);
            assertThat(rows.get(i + 1)).containsExactly(line.path("date").asText(), line.path("postingId").asText(),
                    line.path("businessKey").asText(), "", line.path("kind").asText(), line.path("direction").asText(),
                    line.path("amount").decimalValue().toPlainString(), "CAD", "1", line.path("rateDate").asText(), "same currency",
                    line.path("invoiceAmount").decimalValue().toPlainString(), "CAD", "");
        }
        assertThat(rows.get(4).get(11)).isEqualTo("157.50");

        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Trent University - Bata Library (Peterborough)", "Payment within 30 days by cheque",
                    "To: Bibliothèque de test, Montréal (" + partner + ")", "Total CAD 157.50",
                    today + " " + partner + "/T-2 Lost item 150.00 CAD 1 150.00");
        }
    }

    @Test
    void anInvoiceNeedsAPeriodAndAKnownPartner() {
        ResponseEntity<JsonNode> noPeriod = http.withBasicAuth("leo", "demo").getForEntity("/api/fees/invoices/{id}", JsonNode.class, partner);
        ResponseEntity<String> unknown = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/invoices/ISIL:XX-NONE?from={d}&to={d}", String.class, today, today);
        ResponseEntity<JsonNode> backwards = http.withBasicAuth("leo", "demo")
                .getForEntity("/api/fees/invoices/{id}?from={from}&to={to}", JsonNode.class, partner, today, today.minusDays(1));

        assertThat(noPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPeriod.getBody().path("errors")).extracting(error -> error.path("field").asText()).containsExactly("from", "to");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(backwards.getBody().path("errors").get(0).path("reason").asText()).isEqualTo(today + " is after " + today.minusDays(1));
    }

    @Test
    void onlyResourceSharingStaffSeeInvoices() {
        assertThat(get("cora", MediaType.APPLICATION_JSON, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/fees/invoices/{id}?from={d}&to={d}", String.class, partner, today, today).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("bella", MediaType.APPLICATION_PDF, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFormatNotOfferedIsRefused() {
        assertThat(get("leo", MediaType.APPLICATION_XML, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    /** The JSON with its numbers as the decimals sent (15.00, not 15.0). */
    private static ResponseEntity<JsonNode> exactly(ResponseEntity<String> json) throws IOException {
        return ResponseEntity.status(json.getStatusCode()).headers(json.getHeaders())
                .body(new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(json.getBody()));
    }

    private <T> ResponseEntity<T> get(String user, MediaType accept, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return http.withBasicAuth(user, "demo").exchange("/api/fees/invoices/{id}?from={d}&to={d}", HttpMethod.GET, new HttpEntity<>(headers),
                type, partner, today, today);
    }

    private void charge(Direction direction, Kind kind, String amount, String request) {
        ledger.post(new PostingRequest(AccountType.PARTNER, partner, direction, kind, new BigDecimal(amount), "CAD",
                request == null ? "B-" + UUID.randomUUID().toString().substring(0, 6) : partner + request, null, "test:" + UUID.randomUUID(),
                "process:lending", kind.name()));
    }
}
