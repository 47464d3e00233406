package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ResourceSharingIntegrationTest
class PullSlipsIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theDaysPullSlipsComeInShelfOrderAsJsonAndAsAPrintablePage() {
        waitingToBePulled("ISIL:CA-QMM/MG-PULL-1", "STACKS", "PS8523.A86 D5 1974", "The diviners", "McGill University Library");
        waitingToBePulled("ISIL:CA-OKQ/QU-PULL-2", "NEWBOOKS", "QH545.A1 C37 2026", "Silent spring revisited", "Queen's University Library");
        waitingToBePulled("ISIL:CA-OKQ/QU-PULL-3", "STACKS", "PS8525.L3 T8 1945", "Two solitudes", "Queen's University Library");

        JsonNode json = http.withBasicAuth("leo", "demo").exchange("/api/lending/pull-slips", HttpMethod.GET, accept(MediaType.APPLICATION_JSON),
                JsonNode.class).getBody();
        ResponseEntity<String> page = http.withBasicAuth("leo", "demo").exchange("/api/lending/pull-slips", HttpMethod.GET,
                accept(MediaType.TEXT_HTML), String.class);

        List<String> callNumbers = json.findValuesAsText("callNumber");
        assertThat(callNumbers).containsSubsequence("QH545.A1 C37 2026", "PS8523.A86 D5 1974", "PS8525.L3 T8 1945");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Pull slips</h1>", "PS8525.L3 T8 1945", "Two solitudes", "McGill University Library",
                ">QU-PULL-3<");
        assertThat(http.withBasicAuth("cora", "demo").getForEntity("/api/lending/pull-slips", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void waitingToBePulled(String businessKey, String location, String callNumber, String title, String library) {
        runtimeService.createProcessInstanceByKey("lending").businessKey(businessKey).startBeforeActivity(PullSlipsController.PULL_TASK)
                .setVariables(Map.of("shelfLocation", location, "callNumber", callNumber, "title", title, "requestingAgencyName", library,
                        "requestingAgencyRequestId", businessKey.substring(businessKey.indexOf('/') + 1)))
                .execute();
    }

    private static HttpEntity<Void> accept(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(type));
        return new HttpEntity<>(headers);
    }
}
