package org.regdesk.backend.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through chromedriver, as the portal's browser tests drive it. */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** A new browser with an empty profile; CI without Chromium fails, a desk without it skips. */
    static WebDriver start() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("REGDESK_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("REGDESK_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs Debian's chromium and chromium-driver");
            }
            Assumptions.abort("chromium / chromedriver not installed (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.setAcceptInsecureCerts(true); // the development server's self-signed certificate
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1000,900",
                "--user-data-dir=" + Files.createTempDirectory("regdesk-chromium"));
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return browser;
    }

    /** Keeps what the browser shows in target/screenshots, for the README and for a failed run. */
    static void screenshot(WebDriver browser, String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
