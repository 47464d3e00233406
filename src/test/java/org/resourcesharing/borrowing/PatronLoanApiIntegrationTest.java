package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The desk's calls for a patron's loan: only borrowing staff make them, and only when the request is at that point. */
@ResourceSharingIntegrationTest
class PatronLoanApiIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"pickup", "return", "renewal", "cancellation"})
    void aRequestThatIsNotAtThatPointIsRefusedNamingTheRequest(String call) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, null, JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("requestNumber");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).startsWith("request B-999999 ");
    }

    @Test
    void aDamageOrLossReportNamesEveryFieldItLacks() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo")
                .postForEntity("/api/borrowing-requests/{number}/damage-or-loss", Map.of("condition", "wet"), JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("condition", "note");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("must be 'damaged' or 'lost'");
    }

    @Test
    void aDamageOrLossReportForARequestThePatronDoesNotHaveIsRefused() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("bella", "demo").postForEntity("/api/borrowing-requests/{number}/damage-or-loss",
                Map.of("condition", "lost", "note", "Left on a bus"), JsonNode.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("request B-999999 is not out with the patron");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pickup", "return", "renewal", "cancellation", "damage-or-loss"})
    void otherStaffMayNot(String call) {
        ResponseEntity<String> response = http.withBasicAuth("cora", "demo")
                .postForEntity("/api/borrowing-requests/{number}/" + call, Map.of("condition", "lost", "note", "x"), String.class, "B-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
