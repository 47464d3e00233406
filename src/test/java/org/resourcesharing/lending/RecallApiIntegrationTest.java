package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class RecallApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void onlyAnItemOutOnLoanCanBeRecalled() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("leo", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, JsonNode.class, "ISIL:CA-OKQ/NOT-ON-LOAN");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("is out on loan now");
    }

    @Test
    void onlyResourceSharingStaffRecall() {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo")
                .postForEntity("/api/lending/recalls?businessKey={key}", null, String.class, "ISIL:CA-OKQ/ANY");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
