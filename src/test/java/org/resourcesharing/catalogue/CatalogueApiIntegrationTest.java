package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class CatalogueApiIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ImportedCatalogue imported;

    @Test
    void theDemoStartsWithTheSampleCatalogue() {
        assertThat(imported.size()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aManagerImportsAnExportAndStaffLookItUp() {
        String export = "<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">"
                + TestMarcRecords.marcXmlElement(TestMarcRecords.twoSolitudes()) + "</marc:collection>";

        ResponseEntity<String> byStaff = post("bella", export);
        ResponseEntity<JsonNode> byManager = http.withBasicAuth("max", "demo").postForEntity("/api/catalogue/imports", xml(export), JsonNode.class);
        JsonNode agencies = http.withBasicAuth("bella", "demo")
                .getForObject("/api/catalogue/holding-agencies?isbn={isbn}", JsonNode.class, "978-1-55199-901-2");
        JsonNode lending = http.withBasicAuth("leo", "demo")
                .getForObject("/api/catalogue/lending-availability?agencyId={agency}&title={title}&author={author}", JsonNode.class,
                        "ISIL:CA-OPETB", "Two Solitudes", "MacLennan");

        assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byManager.getBody().path("created").asInt() + byManager.getBody().path("updated").asInt()).isOne();
        assertThat(agencies.findValuesAsText("agencyId")).containsExactly("ISIL:CA-OPETB", "ISIL:CA-OKQ", "ISIL:CA-OODT");
        assertThat(lending.path("status").asText()).isEqualTo("ON_SHELF");
        assertThat(lending.path("callNumber").asText()).isEqualTo("PS8525.L3 T8 1945");
    }

    @Test
    void aBadIdentifierIsA400NamingTheField() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .getForEntity("/api/catalogue/local-holdings?isbn={isbn}", JsonNode.class, "978-0-7710-3461-8");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("isbn");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("check digit");
    }

    private ResponseEntity<String> post(String user, String export) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/catalogue/imports", xml(export), String.class);
    }

    private static HttpEntity<byte[]> xml(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers);
    }
}
