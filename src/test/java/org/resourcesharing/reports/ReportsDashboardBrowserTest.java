package org.resourcesharing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.resourcesharing.testsupport.HeadlessChromium;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard and the open-work diagram in headless Chromium, signed in as a manager, over a constructed history in
 * 2021: the charts are drawn, every table holds what its CSV download holds, and the diagram carries the open work.
 * Screenshots in target/screenshots/.
 */
@Tag("browser")
@ResourceSharingIntegrationTest
class ReportsDashboardBrowserTest {

    static final String RANGE = "from=2021-03-01&to=2021-04-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestRecords records;
    @Autowired
    TestRestTemplate http;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(1440, 2400);

    @Test
    void aManagerSeesChartsWithTablesThatMatchTheirCsv() throws IOException {
        constructHistory(LocalDateTime.of(2021, 3, 1, 9, 0));

        chromium.browser().get("http://max:demo@localhost:" + port + "/reports?" + RANGE + "&period=week");
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#turnaround .chart[data-drawn='true']")));
        long height = (Long) ((JavascriptExecutor) chromium.browser()).executeScript("return document.documentElement.scrollHeight");
        chromium.browser().manage().window().setSize(new Dimension(1440, (int) height + 140)); // the whole page in the screenshot
        chromium.screenshot("reports-dashboard.png");

        List<WebElement> measures = chromium.browser().findElements(By.cssSelector("section.card[data-measure]"));
        assertThat(measures).extracting(section -> section.getAttribute("data-measure"))
                .contains("requests", "fill-rate", "turnaround", "turnaround-by-partner", "unfilled-reasons", "lender-ranking", "task-waiting",
                        "copyright-decisions", "time-to-hire", "emails");
        assertThat(chromium.browser().findElements(By.cssSelector(".chart[data-drawn='true'] canvas"))).hasSizeGreaterThanOrEqualTo(5);
        for (String measure : List.of("requests", "fill-rate", "turnaround", "turnaround-by-partner", "unfilled-reasons", "lender-ranking",
                "emails")) {
            WebElement section = chromium.browser().findElement(By.id(measure));
            String href = section.findElement(By.cssSelector("a.csv")).getAttribute("href");
            String csv = http.withBasicAuth("max", "demo").getForObject(href.replace("http://localhost:" + port, ""), String.class);
            assertThat(table(section)).as(measure).containsExactlyElementsOf(List.of(csv.split("\r\n")));
        }
        // loans shipped after 1, 2, 2, 3, 3, 4, 5, 6, 8 and 11 days
        assertThat(table(chromium.browser().findElement(By.id("turnaround")))).contains("Borrowing,shipped,Loan,10,3.50,8.30");
    }

    @Test
    void theDiagramShowsTheOpenWorkOnEachActivity() throws IOException {
        TestHistory history = new TestHistory(jdbc, records);
        LocalDateTime now = LocalDateTime.now();
        for (int hours : new int[] {2, 6, 30}) {
            history.request("borrowing", now.minusDays(3)).waitingAt("Task_ReceiveItem", now.minusHours(hours));
        }
        history.request("borrowing", now.minusDays(3)).waitingAt("Task_EndOfRota", now.minusHours(50));

        chromium.browser().get("http://max:demo@localhost:" + port + "/reports/open-work?process=borrowing");
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram[data-drawn]")));
        // the viewer shows overlays once the zoom to fit has settled
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-container-id='Task_ReceiveItem'] .open-count")));
        chromium.screenshot("reports-open-work.png");

        WebElement receive = chromium.browser().findElement(By.cssSelector("[data-container-id='Task_ReceiveItem'] .open-count"));
        assertThat(Integer.parseInt(receive.getText())).isGreaterThanOrEqualTo(3);
        assertThat(chromium.browser().findElements(By.cssSelector("[data-container-id='Task_EndOfRota'] .open-wait"))).isNotEmpty();
        assertThat(chromium.browser().findElement(By.cssSelector(".djs-element[data-element-id='Task_ReceiveItem']")).getAttribute("class"))
                .contains("has-open-work");
        assertThat(table(chromium.browser().findElement(By.id("open-work")))).anyMatch(line -> line.startsWith("Task_EndOfRota,End of rota,1,50.0"));
    }

    /** The table as the CSV writes it: header labels, then the cells, comma-separated (no cell here needs quoting). */
    private static List<String> table(WebElement section) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", section.findElements(By.cssSelector("thead th")).stream().map(cell -> cell.getAttribute("textContent")).toList()));
        for (WebElement row : section.findElements(By.cssSelector("tbody tr"))) {
            lines.add(String.join(",", row.findElements(By.tagName("td")).stream().map(cell -> cell.getAttribute("textContent")).toList()));
        }
        return lines;
    }

    private void constructHistory(LocalDateTime start) {
        TestHistory history = new TestHistory(jdbc, records);
        String[] lenders = {"ISIL:CA-OKQ", "ISIL:CA-OTU", "ISIL:US-NYPL"};
        int[] days = {1, 2, 3, 4, 5, 6, 8, 11, 2, 3};
        for (int n = 0; n < days.length; n++) {
            String lender = lenders[n % lenders.length];
            LocalDateTime started = start.plusDays(n * 4L);
            history.request("borrowing", started).variable("serviceType", "Loan").variable("supplyingAgencyId", lender)
                    .reached("Event_Loaned", started.plusDays(days[n])).reached("Task_ReceiveItem", started.plusDays(days[n] + 2L))
                    .reached("Task_EmailReady", started.plusDays(days[n] + 2L).plusHours(2))
                    .task("Task_ReceiveItem", "Receive the item", started.plusDays(days[n]), started.plusDays(days[n]).plusHours(n + 1L));
            history.request("borrowing", started.plusHours(3)).variable("serviceType", "Copy").variable("supplyingAgencyId", lender)
                    .reached("Event_CopyCompleted", started.plusHours(6L * (n + 1)));
            history.request("lending", started).variable("serviceType", n % 2 == 0 ? "Loan" : "Copy").variable("requestingAgencyId", lender)
                    .reached("Task_SendLoaned", started.plusDays(1 + n % 3)).task("Task_PullItem", "Pull item from shelf", started, started.plusHours(4L + n));
            history.message("OUT", lender, "BRW-" + n, "request", "Loan", started);
            if (n % 4 != 3) {
                history.message("IN", lender, "BRW-" + n, "supplyingAgencyMessage", "Loaned", started.plusDays(days[n]));
            }
            history.mailReceived("ill", n % 3 == 0 ? "OTHER" : "LOAN_OR_COPY_REQUEST", n % 3 == 0 ? "TRIAGE" : "STARTED", started);
        }
        history.request("borrowing", start.plusDays(5)).variable("serviceType", "Loan").variable("reasonUnfilled", "NotHeld")
                .ended("EndEvent_Unfilled", start.plusDays(9));
        history.request("borrowing", start.plusDays(6)).variable("serviceType", "Loan").variable("reasonUnfilled", "PolicyProblem")
                .ended("EndEvent_Unfilled", start.plusDays(8));
        history.request("borrowing", start.plusDays(7)).variable("serviceType", "Copy").ended("EndEvent_Cancelled", start.plusDays(7));
        for (int n = 1; n <= 4; n++) {
            history.request("student-hiring", start.plusDays(n)).reached("Task_PublishPosting", start.plusDays(n + 1L))
                    .reached("Task_RecordHire", start.plusDays(n * 9L)).ended("EndEvent_Hired", start.plusDays(n * 9L));
            history.decision("copy-copyright", start.plusDays(n), "CopyRule_04", "copyrightDecision", "allow", "copyrightBasis",
                    "Copyright Act s.30.2(1)");
        }
        history.decision("copy-copyright", start.plusDays(2), "CopyRule_01", "copyrightDecision", "refuse", "copyrightBasis", "Licence terms");
        history.decision("copy-copyright", start.plusDays(3), "CopyRule_03", "copyrightDecision", "review", "copyrightBasis", "Licence terms");
    }
}
