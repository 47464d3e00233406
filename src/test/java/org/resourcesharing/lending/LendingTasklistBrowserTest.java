package org.resourcesharing.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.resourcesharing.catalogue.ImportedCatalogue;
import org.resourcesharing.catalogue.TestMarcRecords;
import org.resourcesharing.testsupport.HeadlessChromium;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lending staff member works a task in the real Tasklist, in headless Chromium from Debian's
 * packages: log in, find the task in the group filter, claim it, fill its Camunda Form, complete it.
 * Skipped only where no browser is installed; CI sets RS_REQUIRE_BROWSER so it can never be skipped there.
 */
@Tag("browser")
@ResourceSharingIntegrationTest
class LendingTasklistBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ImportedCatalogue importedCatalogue;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(1440, 1200);

    @Test
    void lendingStaffClaimFillAndCompleteTheirTaskInTasklist() throws IOException {
        importedCatalogue.importMarc(new ByteArrayInputStream(TestMarcRecords.export(TestMarcRecords.twoSolitudes())));
        ProcessInstance lending = runtimeService.createMessageCorrelation("ISO18626 Request")
                .processInstanceBusinessKey("ISIL:CA-OKQ/QU-BROWSER-1")
                .setVariables(Map.ofEntries(
                        Map.entry("requestingAgencyId", "ISIL:CA-OKQ"),
                        Map.entry("requestingAgencyName", "Queen's University Library"),
                        Map.entry("supplyingAgencyId", "ISIL:CA-OPETB"),
                        Map.entry("requestingAgencyRequestId", "QU-BROWSER-1"),
                        Map.entry("supplyingAgencyRequestId", "L-BROWSER1"),
                        Map.entry("serviceType", "Loan"),
                        Map.entry("title", "Two Solitudes"),
                        Map.entry("author", "MacLennan, Hugh"),
                        Map.entry("isbn", "9781551999012"),
                        Map.entry("requestNote", "Needed for ENGL 2105 by 4 December"),
                        Map.entry("partnerTier", "ocul")))
                .correlateStartMessage();
        Task task = chromium.await() // after the catalogue check in the job executor
                .until(driver -> taskService.createTaskQuery().processInstanceId(lending.getId()).singleResult());

        chromium.browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys("leo");
        chromium.browser().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        chromium.browser().findElement(By.cssSelector("button[type='submit']")).click();

        WebElement listedTask = chromium.await().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task')]//*[normalize-space(text())='Review lending request']")));
        chromium.screenshot("tasklist-group-filter.png");
        listedTask.click();

        chromium.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        chromium.await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        WebElement title = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_title']")));
        assertThat(title.getAttribute("value")).isEqualTo("Two Solitudes");
        assertThat(chromium.browser().findElements(By.cssSelector("[id$='-Field_reasonUnfilled']"))).as("reason hidden until 'cannot supply'").isEmpty();
        click(chromium.browser().findElement(By.xpath("//label[contains(normalize-space(.),'No, we cannot supply it')]")));
        click(chromium.await().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-form-field-select')][.//label[contains(.,'Why not')]]//div[contains(@class,'fjs-input-group')]"))));
        click(chromium.await().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='Not on the shelf']"))));
        chromium.browser().findElement(By.cssSelector("[id$='-Field_answerNote']")).sendKeys("Missing since the inventory in October; we will search again.");
        chromium.screenshot("tasklist-review-lending-request.png");

        click(chromium.browser().findElement(By.cssSelector(".form-actions button.btn-primary")));

        chromium.await().until(
                driver -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
        chromium.screenshot("tasklist-after-complete.png");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("leo");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(lending.getId()).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, variable -> String.valueOf(variable.getValue()))))
                .containsEntry("supplyDecision", "unfilled")
                .containsEntry("reasonUnfilled", "NotOnShelf")
                .containsEntry("answerNote", "Missing since the inventory in October; we will search again.");
    }

    /** Tasklist's fixed footer covers the bottom of a long form: bring the element to the middle first. */
    private void click(WebElement element) {
        ((JavascriptExecutor) chromium.browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
