package io.github.calendlywebhook.dashboard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver. Nothing is downloaded: both paths are
 * given explicitly, so a machine without them fails the test with a clear message instead of skipping.
 */
public final class Chromium {

    /** Debian's Chromium. */
    public static final String BROWSER = "/usr/bin/chromium";
    /** Debian's chromedriver. */
    public static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** Starts a headless browser with a fresh profile. */
    public static ChromeDriver start() throws IOException {
        for (String path : new String[] {BROWSER, DRIVER}) {
            if (!new File(path).canExecute()) {
                throw new AssertionError(path + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install -y chromium chromium-driver), as .ci/run does");
            }
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1440,1100",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
