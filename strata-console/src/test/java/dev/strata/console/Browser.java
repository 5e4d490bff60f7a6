package dev.strata.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser on the console, with what tests need: sign-in, elements by {@code data-testid}, and
 * waits that poll a condition until it holds (never a fixed sleep).
 */
public final class Browser implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private final ChromeDriver driver;
    private final ConsoleServer server;

    Browser(ConsoleServer server) {
        this.server = server;
        this.driver = Chromium.start(WIDTH, HEIGHT);
    }

    public WebDriver driver() {
        return driver;
    }

    public ConsoleServer server() {
        return server;
    }

    /** Opens a console route (e.g. "#/segments") and waits for the router to finish rendering it. */
    public Browser open(String hash) {
        driver.get(server.base() + "/" + hash);
        waitForPage();
        return this;
    }

    /** Signs in through the sign-in form with a token of the role, then waits for the segments list. */
    public Browser signIn(String role) {
        return signInWith(server.token(role));
    }

    public Browser signInWith(String token) {
        signedOut();
        type("signin-token", token);
        click("signin-submit");
        waitUntil("the segments page after signing in", () -> present("page-segments"));
        waitForPage();
        return this;
    }

    /** The data-testid (and data-pointer, if any) of the focused element, e.g. "cond-not@/conditions/0". */
    public String focusedId() {
        WebElement e = focused();
        String pointer = e.getAttribute("data-pointer");
        return e.getAttribute("data-testid") + (pointer == null ? "" : "@" + pointer);
    }

    /** Presses Tab (or Shift+Tab) until the focus is on the element, at most `limit` times; fails otherwise. */
    public void tabTo(String focusedId, boolean backwards, int limit) {
        for (int i = 0; i < limit; i++) {
            if (focusedId.equals(focusedId())) return;
            focused().sendKeys(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
        }
        if (!focusedId.equals(focusedId())) {
            throw new AssertionError(limit + " presses of " + (backwards ? "Shift+Tab" : "Tab") + " did not reach " + focusedId
                    + "; the focus is on " + focusedId());
        }
    }

    /** Forgets any session left by an earlier test and shows the sign-in page. */
    public Browser signedOut() {
        consoleErrors(); // reading the log empties it: what an earlier test left is not this test's
        driver.get(server.base() + "/#/signin");
        script("sessionStorage.clear()");
        driver.get(server.base() + "/#/signin");
        driver.navigate().refresh();
        find("signin-token");
        return this;
    }

    /** Waits until no loading placeholder is left on the page. */
    public void waitForPage() {
        waitUntil("the page to finish loading", () -> driver.findElements(By.cssSelector("[data-page][data-ready]")).size() == 1
                && driver.findElements(By.cssSelector("[data-testid=loading]")).isEmpty());
    }

    public static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    /** The visible element with this data-testid, waiting for it to appear. */
    public WebElement find(String testId) {
        return find(testId(testId), "data-testid " + testId);
    }

    public WebElement find(By by, String what) {
        return waitFor(what + " to be visible", d -> {
            for (WebElement e : d.findElements(by)) if (e.isDisplayed()) return e;
            return null;
        });
    }

    public List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    public boolean present(String testId) {
        return !driver.findElements(testId(testId)).isEmpty();
    }

    public void click(String testId) {
        WebElement e = find(testId);
        waitUntil(testId + " to be enabled", e::isEnabled);
        e.click();
    }

    /** Replaces the text of an input. */
    public void type(String testId, String text) {
        type(find(testId), text);
    }

    public void type(WebElement input, String text) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    public void select(String testId, String visibleTextOrValue) {
        select(find(testId), visibleTextOrValue);
    }

    public void select(WebElement select, String visibleTextOrValue) {
        Select s = new Select(select);
        boolean byValue = s.getOptions().stream().anyMatch(o -> visibleTextOrValue.equals(o.getAttribute("value")));
        if (byValue) s.selectByValue(visibleTextOrValue);
        else s.selectByVisibleText(visibleTextOrValue);
    }

    public String text(String testId) {
        return find(testId).getText();
    }

    /** Waits until the element's text satisfies the test, and returns that text. */
    public String waitText(String testId, String what, Predicate<String> test) {
        return waitFor(testId + " to show " + what, d -> {
            List<WebElement> es = d.findElements(testId(testId));
            if (es.isEmpty()) return null;
            String t = es.get(0).getText();
            return test.test(t) ? t : null;
        });
    }

    /** Polls until the function returns a non-null, non-false value; the message says what was awaited. */
    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waited " + WAIT.toSeconds() + " s for " + what + "; page at " + driver.getCurrentUrl()
                + ", console errors: " + consoleErrors());
        return wait.until(condition);
    }

    public void waitUntil(String what, Supplier<Boolean> condition) {
        waitFor(what, d -> condition.get() ? Boolean.TRUE : null);
    }

    /** Whether the condition becomes true within the time; for checks of something that must NOT happen use a state the page reaches instead. */
    public boolean eventually(Supplier<Boolean> condition) {
        try {
            waitUntil("a condition", condition);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public void pressTab() {
        focused().sendKeys(Keys.TAB);
    }

    /**
     * Sets the viewport (the page's CSS size, not the window's, which has a minimum width) through
     * the DevTools protocol, as a phone would have it.
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        waitUntil("the viewport to be " + width + " wide", () -> ((Number) script("return window.innerWidth")).intValue() == width);
    }

    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }

    /**
     * Errors the page logged (uncaught exceptions, failed module loads, console.error). Chromium also
     * logs every 4xx answer; a 400 or 409 is the API refusing a definition or a name, which the page
     * shows to the user, so those are left out.
     */
    public List<String> consoleErrors() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filter(e -> !e.getMessage().matches("(?s).*/api/.* status of (400|409) .*"))
                    .map(LogEntry::getMessage)
                    .collect(Collectors.toList());
        } catch (RuntimeException e) {
            return List.of("(console log unavailable: " + e.getMessage() + ")");
        }
    }

    /** Saves a screenshot and the page's HTML (used when a test fails). */
    public void saveEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (Exception e) {
            // evidence is a courtesy: never hide the test's own failure behind this one
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
