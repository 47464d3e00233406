package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.resourcesharing.testsupport.HeadlessChromium;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A patron arrives from a discovery system's OpenURL link, in headless Chromium from Debian's
 * packages: the form is pre-filled, a missing email address is shown in the summary and beside the
 * field with everything typed kept, the corrected form gives a request number, and the status link
 * shows the request. Skipped only where no browser is installed; CI sets RS_REQUIRE_BROWSER so it
 * can never be skipped there.
 */
@Tag("browser")
@ResourceSharingIntegrationTest
class OpenUrlRequestBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(1024, 2400);

    private String requestNumber;

    @AfterEach
    void removeTheRequest() {
        if (requestNumber != null) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).list()
                    .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId()));
        }
    }

    @Test
    void aPatronCompletesTheOpenUrlFormCorrectsAMistakeAndFollowsTheStatusLink() throws IOException {
        chromium.browser().get("http://localhost:" + port + "/openurl?" + OpenUrlPageIntegrationTest.ARTICLE);

        assertThat(chromium.browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(value("articleTitle")).isEqualTo("Winter survival of brook trout");
        assertThat(value("journalTitle")).isEqualTo("Canadian Journal of Fisheries and Aquatic Sciences");
        assertThat(value("issn")).isEqualTo("0317-8471");
        assertThat(value("doi")).isEqualTo("10.1139/cjfas-2019-0123");
        assertThat(value("volume")).isEqualTo("77");
        assertThat(value("issue")).isEqualTo("4");
        assertThat(value("pages")).isEqualTo("645-660");
        assertThat(value("year")).isEqualTo("2020");
        assertThat(value("author")).isEqualTo("Tremblay, Anne");
        assertThat(value("maximumCostCurrency")).isEqualTo("CAD");
        assertThat(chromium.browser().findElement(By.id("serviceType-Copy")).isSelected()).isTrue();
        assertThat(chromium.browser().findElements(By.cssSelector(".summary"))).isEmpty();
        assertThat(chromium.browser().findElement(By.id("patronEmail")).getAttribute("aria-invalid")).isNull();
        everyFieldHasALabel();
        chromium.screenshot("openurl-prefilled.png");

        chromium.browser().findElement(By.id("patronName")).sendKeys("Amira Haddad");
        chromium.browser().findElement(By.id("patronId")).sendKeys("2000123456");
        new Select(chromium.browser().findElement(By.id("patronType"))).selectByValue("graduate");
        chromium.browser().findElement(By.cssSelector("button[type=submit]")).click();

        WebElement summary = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".summary[role=alert]")));
        WebElement summaryLink = summary.findElement(By.cssSelector("a[href='#patronEmail']"));
        assertThat(summaryLink.getText()).isEqualTo("Email address: required");
        WebElement email = chromium.browser().findElement(By.id("patronEmail"));
        assertThat(chromium.browser().findElement(By.id("patronEmail-error")).getText()).isEqualTo("Error: required");
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(email.getAttribute("aria-describedby")).contains("patronEmail-error");
        assertThat(summary.findElements(By.tagName("li"))).as("only the email is wrong").hasSize(1);
        assertThat(value("patronName")).isEqualTo("Amira Haddad");
        assertThat(value("patronId")).isEqualTo("2000123456");
        assertThat(new Select(chromium.browser().findElement(By.id("patronType"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("graduate");
        assertThat(value("articleTitle")).isEqualTo("Winter survival of brook trout");
        assertThat(chromium.browser().findElement(By.id("serviceType-Copy")).isSelected()).isTrue();
        chromium.screenshot("openurl-missing-email.png");

        summaryLink.click();
        email.sendKeys("amira.haddad@trentu.example.ca");
        chromium.browser().findElement(By.cssSelector("button[type=submit]")).click();

        requestNumber = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("request-number"))).getText();
        assertThat(requestNumber).matches("B-[0-9]{6}");
        assertThat(chromium.browser().getTitle()).isEqualTo("Request received");
        chromium.screenshot("openurl-request-received.png");

        // the link is absolute, to the configured public address; the test server listens on a random port
        String statusLink = chromium.browser().findElement(By.id("status-link")).getAttribute("href");
        assertThat(statusLink).matches(".*/requests/[A-Za-z0-9_-]{43}");
        chromium.browser().get("http://localhost:" + port + statusLink.substring(statusLink.indexOf("/requests/")));

        assertThat(chromium.browser().findElement(By.id("request-number")).getText()).isEqualTo(requestNumber);
        assertThat(chromium.browser().findElement(By.id("title")).getText())
                .isEqualTo("Winter survival of brook trout (in Canadian Journal of Fisheries and Aquatic Sciences)");
        assertThat(chromium.browser().findElement(By.id("service-type")).getText()).isEqualTo("A copy of an article or chapter");
        assertThat(chromium.browser().findElement(By.id("standing")).getText()).isNotBlank();
        assertThat(chromium.browser().getPageSource()).doesNotContain("Amira", "amira.haddad");
        chromium.screenshot("request-status.png");
    }

    /** Every visible input, list and text area is named by a label of its own. */
    private void everyFieldHasALabel() {
        List<WebElement> fields = chromium.browser().findElements(By.cssSelector("input:not([type=hidden]), select, textarea"));
        assertThat(fields).hasSizeGreaterThan(20);
        for (WebElement field : fields) {
            assertThat(chromium.browser().findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("label of %s", field.getAttribute("name")).hasSize(1);
        }
    }

    private String value(String id) {
        return chromium.browser().findElement(By.id(id)).getAttribute("value");
    }
}
