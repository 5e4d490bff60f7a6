package dev.strata.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through its chromedriver. Both come from the system packages (the
 * paths can be changed with -Dstrata.chromium and -Dstrata.chromedriver); nothing is downloaded.
 */
final class Chromium {
    static final String BINARY = System.getProperty("strata.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("strata.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Fails (never skips) when the browser is missing: a browser test that does not run proves nothing. */
    static void requireInstalled() {
        for (String file : new String[] {BINARY, DRIVER}) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new AssertionError("The browser tests need Chromium and its driver, and " + file + " is missing: "
                        + "install them with `apt-get install chromium chromium-driver` "
                        + "(or point -Dstrata.chromium and -Dstrata.chromedriver at them)");
            }
        }
    }

    static ChromeDriver start(int width, int height) {
        requireInstalled();
        // The driver is named explicitly, so Selenium Manager (which would download one) never runs.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("strata-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=en-US", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
        return driver;
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp profile left behind is harmless
        }
    }
}
