package org.resourcesharing.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver for the browser tests, one browser per test: register it with
 * {@code @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(width, height)}; it
 * opens before each test and closes after it, whatever the test did. A test is skipped only where no
 * browser is installed; CI sets RS_REQUIRE_BROWSER, so there a missing browser fails instead.
 */
public final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int width;
    private final int height;
    private WebDriver browser;

    public HeadlessChromium(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && Boolean.parseBoolean(System.getenv("RS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("RS_REQUIRE_BROWSER is set but Chromium or ChromeDriver is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "No headless browser: apt-get install chromium chromium-driver to run this test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    public WebDriver browser() {
        return browser;
    }

    /** Waits up to 30 seconds for what the page is to show. */
    public WebDriverWait await() {
        return new WebDriverWait(browser, PATIENCE);
    }

    /** Into target/screenshots, for a person to look at what the test saw. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
