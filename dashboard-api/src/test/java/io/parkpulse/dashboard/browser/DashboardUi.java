package io.parkpulse.dashboard.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI as a test sees it: elements by their {@code data-testid}, logging in and out, waiting. */
final class DashboardUi {

    static final Duration WAIT = Duration.ofSeconds(15);

    final ChromeDriver browser;
    private final String site;

    /** {@code site}: the dashboard's root URL, without a trailing slash. */
    DashboardUi(ChromeDriver browser, String site) {
        this.browser = browser;
        this.site = site;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    WebElement find(String id) {
        return browser.findElement(testId(id));
    }

    boolean present(String id) {
        return !browser.findElements(testId(id)).isEmpty();
    }

    /** Waits until the element is there and returns it. */
    WebElement await(String id) {
        return until(d -> d.findElements(testId(id)).stream().findFirst().orElse(null), "element " + id);
    }

    <T> T until(Function<ChromeDriver, T> condition, String what) {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(50)).withMessage(() -> what + " (at " + browser.getCurrentUrl() + ")")
                .until(d -> condition.apply((ChromeDriver) d));
    }

    /** Opens {@code #/route} (a route without the hash, e.g. {@code /live}). */
    void open(String route) {
        browser.get(site + "/#" + route);
    }

    /** Logs in through the form, from a fresh login page, and waits until the form is gone. */
    void logIn(String username, String password) {
        logOut();
        open("/login");
        WebElement user = await("login-username");
        user.clear();
        user.sendKeys(username);
        find("login-password").sendKeys(password);
        find("login-submit").click();
        until(d -> !present("login-form"), "the login form to go after logging in as " + username);
    }

    /** Forgets the session (the token lives in sessionStorage) without touching the chosen language. */
    void logOut() {
        if (browser.getCurrentUrl().startsWith(site)) {
            script("sessionStorage.clear()");
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Runs {@code js} as an async function body (it may {@code await}); its return value comes back. */
    Object async(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(async (...args) => {" + js + "})(...Array.from(arguments).slice(0, -1))"
                        + ".then(done, e => done('error: ' + e));", args);
    }

    /** Gives the charts time to draw (ECharts animates for about a second). */
    static void settle(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
