package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * An instructor fills in the copyright request page in headless Chromium (Debian's packages): every
 * field has its label, a mistake is shown in the summary and beside its field with everything typed
 * kept, the corrected request gets its number. And the copyright team's Tasklist links the Digitize and post
 * task to its upload page. Skipped only where no browser is installed; CI sets
 * RS_REQUIRE_BROWSER so it can never be skipped there.
 */
@Tag("browser")
@ResourceSharingIntegrationTest
class CopyrightRequestBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(1024, 2800);

    private String requestNumber;

    @AfterEach
    void removeTheRequest() {
        if (requestNumber != null) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).list()
                    .forEach(instance -> TestProcesses.remove(runtimeService, managementService, instance.getId()));
        }
    }

    @Test
    void anInstructorAsksForAChapterCorrectsAMistakeAndGetsARequestNumber() throws IOException {
        chromium.browser().get("http://localhost:" + port + "/copyright-request");
        assertThat(chromium.browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(chromium.browser().getTitle()).isEqualTo("Copyright permission for course materials");
        everyFieldHasALabel();

        type("instructorName", "Dr. Ines Teacher");
        type("instructorEmail", "ines.teacher@trentu.example.ca");
        type("courseCode", "HIST-1001H");
        type("term", "Fall 2026");
        type("students", "forty");
        chromium.browser().findElement(By.id("intendedUse-LMS_POSTING")).click();
        new Select(chromium.browser().findElement(By.id("workType"))).selectByValue("BOOK_CHAPTER");
        type("title", "A history of Upper Canada, chapter 3");
        type("authors", "Jane Historian, 1990");
        type("isbn", "9780802065421");
        type("pagesRequested", "45-75");
        type("totalPages", "250");
        chromium.browser().findElement(By.id("source-LIBRARY_PRINT")).click();
        chromium.browser().findElement(By.cssSelector("button[type=submit]")).click();

        WebElement summary = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".summary[role=alert]")));
        assertThat(chromium.browser().getTitle()).isEqualTo("Error: copyright permission for course materials");
        WebElement summaryLink = summary.findElement(By.cssSelector("a[href='#students']"));
        assertThat(summaryLink.getText()).isEqualTo("Number of students: not a whole number");
        assertThat(summary.findElements(By.tagName("li"))).as("only the number of students is wrong").hasSize(1);
        WebElement students = chromium.browser().findElement(By.id("students"));
        assertThat(chromium.browser().findElement(By.id("students-error")).getText()).isEqualTo("Error: not a whole number");
        assertThat(students.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(students.getAttribute("aria-describedby")).contains("students-error");
        assertThat(value("title")).isEqualTo("A history of Upper Canada, chapter 3");
        assertThat(value("authors")).isEqualTo("Jane Historian, 1990");
        assertThat(chromium.browser().findElement(By.id("intendedUse-LMS_POSTING")).isSelected()).isTrue();
        assertThat(chromium.browser().findElement(By.id("source-LIBRARY_PRINT")).isSelected()).isTrue();
        assertThat(new Select(chromium.browser().findElement(By.id("workType"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("BOOK_CHAPTER");
        chromium.screenshot("copyright-request-mistake.png");

        summaryLink.click();
        students.clear();
        students.sendKeys("40");
        chromium.browser().findElement(By.cssSelector("button[type=submit]")).click();

        requestNumber = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("request-number"))).getText();
        assertThat(requestNumber).matches("CR-[0-9A-F]{8}");
        assertThat(chromium.browser().getTitle()).isEqualTo("Request received");
        chromium.screenshot("copyright-request-received.png");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestNumber).singleResult().getId();
        assertThat(runtimeService.getVariable(instance, "students")).isEqualTo(40);
        assertThat(runtimeService.getVariable(instance, "authors")).isEqualTo("Jane Historian, 1990");
    }

    @Test
    void tasklistLinksTheDigitizeAndPostTaskToItsUploadPage() throws IOException {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.put("citation", "Jane Historian. A history of Upper Canada. University of Toronto Press, 1985, pp. 1-10.");
        values.put("clearedUnder", "Fair dealing: short excerpt");
        requestNumber = AssessPermissionDelegate.newRequestNumber();
        ProcessInstance instance = runtimeService.createProcessInstanceByKey("copyright-permission").businessKey(requestNumber)
                .startBeforeActivity(DigitizeAndPostController.POST_TASK).setVariables(values).execute(true, true);
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

        chromium.browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys("cora");
        chromium.browser().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        chromium.browser().findElement(By.cssSelector("button[type='submit']")).click();

        WebElement link = chromium.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='" + DigitizeAndPostController.PATH + "?taskId=" + task + "']")));
        chromium.screenshot("copyright-digitize-and-post-in-tasklist.png");
        assertThat(link.getAttribute("href")).startsWith("http://localhost:" + port + DigitizeAndPostController.PATH).contains("callbackUrl=");
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

    private void type(String id, String text) {
        chromium.browser().findElement(By.id(id)).sendKeys(text);
    }

    private String value(String id) {
        return chromium.browser().findElement(By.id(id)).getAttribute("value");
    }
}
