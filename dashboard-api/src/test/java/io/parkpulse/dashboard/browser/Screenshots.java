package io.parkpulse.dashboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots of whole pages: always into {@code target/screenshots/}, and into the documentation's
 * {@code docs/screenshots/} as well when the build runs with {@code -Dparkpulse.screenshots=update} — the committed
 * pictures change only when someone asks for it.
 */
final class Screenshots {

    static final String UPDATE_PROPERTY = "parkpulse.screenshots";
    /** Pages longer than this are cut: a picture for a README, not an archive. */
    private static final int MOST_HEIGHT = 2400;

    private final Path target;
    private final Path docs;

    /** {@code moduleDir}: the dashboard-api module (the tests' working directory). */
    Screenshots(Path moduleDir) {
        this.target = moduleDir.resolve("target").resolve("screenshots");
        this.docs = "update".equals(System.getProperty(UPDATE_PROPERTY))
                ? moduleDir.toAbsolutePath().normalize().getParent().resolve("docs").resolve("screenshots") : null;
    }

    boolean updatesDocs() {
        return docs != null;
    }

    /**
     * Saves the whole page as {@code name}.png: the window is made as tall as the page for the picture (charts keep
     * their fixed heights), then given its size back. Returns the file under target/.
     */
    Path take(ChromeDriver browser, String name) {
        WebDriver.Window window = browser.manage().window();
        Dimension before = window.getSize();
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        int chrome = before.getHeight() - ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight")).intValue();
        try {
            if (height > before.getHeight() - chrome) {
                window.setSize(new Dimension(before.getWidth(), (int) Math.min(MOST_HEIGHT, height) + chrome));
                pause(300); // layout and the charts' resize
            }
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(target);
            Path file = target.resolve(name + ".png");
            Files.write(file, png);
            if (docs != null) {
                Files.createDirectories(docs);
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        } finally {
            window.setSize(before);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
