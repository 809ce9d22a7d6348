package io.parkpulse.dashboard.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code ./parkpulse test} installs them). Selenium is pointed at both binaries so it
 * never tries to download a browser or a driver.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A fresh browser (its own profile) that saves downloads into {@code downloads}, on the machine's time zone. */
    public static ChromeDriver start(Path downloads) {
        return start(downloads, null);
    }

    /**
     * A fresh browser (its own profile) that saves downloads into {@code downloads} and whose clock reads in
     * {@code zone} (null: the machine's): the UI's "last complete month" and "today" are the browser's, so a test
     * whose data follows a park's calendar runs the browser on the park's zone.
     */
    public static ChromeDriver start(Path downloads, ZoneId zone) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (./parkpulse test installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL); // the console, where the browser reports content-security-policy violations
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort();
        // the driver starts the browser, which inherits its environment. On Linux Chromium takes its own language (that
        // of the month and date inputs: "2026年11月", not "November 2026") from LANGUAGE, not from --lang; it needs
        // Debian's chromium-l10n for it, else it stays en-US
        Map<String, String> environment = new java.util.HashMap<>(Map.of("LANGUAGE", "zh_CN"));
        if (zone != null) {
            environment.put("TZ", zone.getId());
        }
        service.withEnvironment(environment);
        return new ChromeDriver(service.build(), options);
    }

    /** What the pages wrote to the browser's console since the last call (the browser's own errors included). */
    public static List<String> consoleSinceLastCall(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }
}
