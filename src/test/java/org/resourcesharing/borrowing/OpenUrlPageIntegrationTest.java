package org.resourcesharing.borrowing;

import static org.resourcesharing.testsupport.PageForms.formHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.resourcesharing.testsupport.PageForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The OpenURL page over HTTP: public, pre-filled, and its form accepted only with the CSRF token the page carried. */
@ResourceSharingIntegrationTest
class OpenUrlPageIntegrationTest {

    static final String ARTICLE = "url_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.genre=article"
            + "&rft.atitle=Winter+survival+of+brook+trout&rft.jtitle=Canadian+Journal+of+Fisheries+and+Aquatic+Sciences"
            + "&rft.issn=03178471&rft.volume=77&rft.issue=4&rft.spage=645&rft.epage=660&rft.date=2020"
            + "&rft.aulast=Tremblay&rft.aufirst=Anne&rft_id=info:doi/10.1139/cjfas-2019-0123";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;

    private String requestNumber;

    @AfterEach
    void removeRequest() {
        if (requestNumber != null) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).list()
                    .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId()));
        }
    }

    @Test
    void thePageIsPublicPreFilledAndCarriesItsOwnCsrfCookie() {
        ResponseEntity<String> page = http.getForEntity("/openurl?" + ARTICLE, String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("<html lang=\"en\"")
                .contains("value=\"Winter survival of brook trout\"")
                .contains("value=\"0317-8471\"")
                .contains("value=\"645-660\"")
                .containsPattern("id=\"serviceType-Copy\"[^>]*checked");
        assertThat(page.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie ->
                assertThat(cookie).startsWith("RS-PATRON-XSRF=").contains("Path=/;").contains("SameSite=Strict"));
    }

    @Test
    void aFormWithoutTheTokenIsRefusedAndStartsNothing() {
        long rows = rows();

        ResponseEntity<String> response = http.postForEntity("/openurl", new HttpEntity<>(completeForm(), formHeaders(null)), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void aRefusedFormComesBackWithItsErrorsAndValuesThenAnAcceptedOneStartsTheRequest() {
        ResponseEntity<String> page = http.getForEntity("/openurl?" + ARTICLE, String.class);
        String cookie = PageForms.cookie(page, "RS-PATRON-XSRF");
        MultiValueMap<String, String> form = completeForm();
        form.add("_csrf", PageForms.csrfToken(page));
        form.set("patronEmail", "");
        form.set("neededBy", "next week");

        ResponseEntity<String> refused = http.postForEntity("/openurl", new HttpEntity<>(form, formHeaders(cookie)), String.class);
        form.set("patronEmail", "amira.haddad@trentu.example.ca");
        form.set("neededBy", "");
        ResponseEntity<String> accepted = http.postForEntity("/openurl", new HttpEntity<>(form, formHeaders(cookie)), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody())
                .contains("<a href=\"#patronEmail\">Email address: required</a>")
                .contains("<a href=\"#neededBy\">Needed by: not a date; write it as YYYY-MM-DD, e.g. 2026-03-31</a>")
                .containsPattern("id=\"patronEmail\"[^>]*aria-describedby=\"patronEmail-error patronEmail-hint\"[^>]*aria-invalid=\"true\"")
                .contains("value=\"Amira Haddad\"")
                .contains("value=\"next week\"");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher number = Pattern.compile("B-[0-9]{6}").matcher(accepted.getBody());
        assertThat(number.find()).isTrue();
        requestNumber = number.group();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).singleResult();
        assertThat(runtimeService.getVariable(instance.getId(), "requestChannel")).isEqualTo("openurl");
        assertThat(runtimeService.getVariable(instance.getId(), "doi")).isEqualTo("10.1139/cjfas-2019-0123");
        assertThat(jdbc.sql("select channel from borrowing_request where request_number = ?").param(requestNumber).query(String.class).single())
                .isEqualTo("openurl");
    }

    private static MultiValueMap<String, String> completeForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("patronName", "Amira Haddad");
        form.add("patronId", "2000123456");
        form.add("patronEmail", "amira.haddad@trentu.example.ca");
        form.add("patronType", "graduate");
        form.add("serviceType", "Copy");
        form.add("articleTitle", "Winter survival of brook trout");
        form.add("journalTitle", "Canadian Journal of Fisheries and Aquatic Sciences");
        form.add("doi", "10.1139/cjfas-2019-0123");
        form.add("pages", "645-660");
        form.add("maximumCostCurrency", "CAD");
        return form;
    }

    private long rows() {
        return jdbc.sql("select count(*) from borrowing_request").query(Long.class).single();
    }
}
