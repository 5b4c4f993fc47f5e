package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Chromium;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The product as a user sees it, in a real headless Chromium: admin panel and live dashboard. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-e2e;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=browser-password",
        "calendly.webhook.secret=browser-secret",
        "dashboard.value-per-booking=120" })
class BrowserEndToEndTest {

    private static final String PASSWORD = "browser-password";

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void logIn() {
        browser.get(url("/admin/login"));
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/admin")));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(target).isNotEmptyFile();
    }

    @Test
    void testWebhookButtonShouldShowTheNewAuditEntryWithoutReload() throws Exception {
        logIn();
        Object page = browser.executeScript("window.samePage = 'marker'; return window.samePage;");

        browser.findElement(By.id("test-webhook")).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("test-status"), "data-status", "200"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "accepted invitee.created"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#recent-audit-body tr[data-action='admin.test_webhook.sent']")));
        assertThat(browser.findElement(By.cssSelector("#recent-audit-body tr[data-action='accepted']")).getText())
                .contains("invitee.created").contains("test");
        assertThat(browser.executeScript("return window.samePage;")).isEqualTo(page);
        screenshot("admin-e2e.png");
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-body tr[data-action='accepted']")));
        screenshot("admin-audit-e2e.png");
        browser.findElement(By.linkText("Settings")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-form")));
        screenshot("admin-settings-e2e.png");
    }

    @Test
    void aSignedBookingShouldUpdateAnOpenDashboardLive() throws Exception {
        Browserless calendly = new Browserless(port, "203.0.113.81");
        Instant now = Instant.now();
        calendly.postSigned("browser-secret", Payloads.createdFor("Strategy Session", "e2e-0a", "Ada Lovelace", now, null));
        calendly.postSigned("browser-secret", Payloads.created("e2e-0b", "Grace Hopper", now.minusSeconds(86_400)));
        calendly.postSigned("browser-secret", Payloads.created("e2e-0c", "Alan Turing", now.minusSeconds(172_800)));
        calendly.postSigned("browser-secret", Payloads.canceled("e2e-0c", "Alan Turing", now, null));
        logIn();
        browser.get(url("/#7d"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        String bookedBefore = browser.findElement(By.id("booked-value")).getText();
        String revenueBefore = browser.findElement(By.id("revenue-value")).getText();
        browser.executeScript("window.samePage = 'marker';");

        new Browserless(port, "203.0.113.80").postSigned("browser-secret",
                Payloads.created("e2e-1", "<img src=x onerror=alert(3)>", Instant.now()));

        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("booked-value"), bookedBefore)));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("revenue-value"), revenueBefore)));
        assertThat(bookedBefore).isEqualTo("2");
        assertThat(revenueBefore).contains("240");
        assertThat(browser.findElement(By.id("booked-value")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("revenue-value")).getText()).contains("360");
        assertThat(browser.executeScript("return window.samePage;")).isEqualTo("marker");
        assertThat(browser.findElement(By.id("bookings")).getText()).contains("<img src=x onerror=alert(3)>");
        assertThat(browser.findElements(By.cssSelector("#bookings img"))).isEmpty();
        assertThat(alertShown()).isFalse();
        screenshot("dashboard-e2e.png");
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
