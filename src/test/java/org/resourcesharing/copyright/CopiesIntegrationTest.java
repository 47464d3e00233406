package org.resourcesharing.copyright;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.CopyDeliveries.Delivery;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ResourceSharingIntegrationTest
class CopiesIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CopyDeliveries copyDeliveries;
    @Autowired
    CopiesProperties properties;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLinkServesTheCopyAndRecordsEachDownloadUntilItsDaysAreOverThenSaysGone() {
        String request = "ISIL:CA-OKQ/QU-COPY-1";
        byte[] pdf = TestPdfs.pages(3, "Downloaded");
        Delivery delivery = copyDeliveries.store(request, "Smith 2024 é.pdf", pdf, "Copyright Act s.30.2(1)");

        ResponseEntity<byte[]> download = http.getForEntity("/copies/{token}", byte[].class, delivery.token());
        JsonNode staffView = http.withBasicAuth("leo", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class, request);

        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("Smith 2024 é.pdf");
        assertThat(download.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(download.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(download.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(staffView).hasSize(1);
        JsonNode copy = staffView.get(0);
        assertThat(copy.path("pageCount").asInt()).isEqualTo(3);
        assertThat(copy.path("fileName").asText()).isEqualTo("Smith 2024 é.pdf");
        assertThat(copy.path("copyrightBasis").asText()).isEqualTo("Copyright Act s.30.2(1)");
        assertThat(copy.path("storedAt").asText()).isNotBlank();
        assertThat(copy.path("firstAccessAt").asText()).isNotBlank();
        assertThat(OffsetDateTime.parse(copy.path("expiresAt").asText())).isAfter(OffsetDateTime.now().plusDays(4));
        assertThat(copy.path("accesses")).hasSize(1);
        assertThat(copy.path("accesses").get(0).path("accessedAt").asText()).isNotBlank();
        assertThat(copy.path("fileDeleted").asBoolean()).isFalse();
        assertThat(copy.has("token")).as("staff who opened the link would start the borrower's days").isFalse();

        // the five business days are over (the application runs on the real clock, so the record moves back in time)
        jdbc.sql("update copy_delivery set first_access_at = ?, expires_at = ? where token = ?")
                .params(OffsetDateTime.now().minusDays(8), OffsetDateTime.now().minus(Duration.ofMinutes(1)), delivery.token()).update();
        ResponseEntity<String> gone = http.getForEntity("/copies/{token}", String.class, delivery.token());

        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(gone.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(gone.getBody()).contains("This copy is no longer available", "five business days", "It has been deleted");
        assertThat(gone.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(storedFile(delivery)).doesNotExist();
        JsonNode afterwards = http.withBasicAuth("leo", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class, request).get(0);
        assertThat(afterwards.path("fileDeleted").asBoolean()).isTrue();
        assertThat(afterwards.path("accesses")).hasSize(1);
    }

    @Test
    void anUnknownLinkLeadsNowhereAndSaysNoMore() {
        for (String token : new String[] {"A".repeat(43), "not-a-token", "x' or '1'='1"}) {
            ResponseEntity<String> page = http.getForEntity("/copies/{token}", String.class, token);

            assertThat(page.getStatusCode()).as(token).isEqualTo(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<String> page = http.getForEntity("/copies/{token}", String.class, "B".repeat(43));
        assertThat(page.getBody()).contains("No copy at this address").doesNotContain("Exception", "expired");
    }

    @Test
    void aLinkCheckersHeadRequestDoesNotStartTheDays() {
        Delivery delivery = copyDeliveries.store("ISIL:CA-OKQ/QU-COPY-2", "article.pdf", TestPdfs.pages(1, "Checked"), null);

        ResponseEntity<Void> head = http.exchange("/copies/{token}", HttpMethod.HEAD, HttpEntity.EMPTY, Void.class, delivery.token());

        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        JsonNode copy = http.withBasicAuth("leo", "demo").getForObject("/api/copies?businessKey={key}", JsonNode.class,
                "ISIL:CA-OKQ/QU-COPY-2").get(0);
        assertThat(copy.path("firstAccessAt").isNull()).isTrue();
        assertThat(copy.path("accesses")).isEmpty();
    }

    @Test
    void onlyResourceSharingStaffSeeTheCopiesOfARequest() {
        String url = "/api/copies?businessKey=ISIL:CA-OKQ/QU-COPY-3";

        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("cora", "demo").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("bella", "demo").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("max", "demo").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("leo", "demo").exchange(url, HttpMethod.DELETE, new HttpEntity<>(json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private Path storedFile(Delivery delivery) {
        String id = jdbc.sql("select id from copy_delivery where token = ?").param(delivery.token()).query(String.class).single();
        return properties.directory().resolve(id + ".pdf");
    }
}
