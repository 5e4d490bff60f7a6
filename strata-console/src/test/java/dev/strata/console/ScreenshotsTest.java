package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Screenshots of the main pages at 1280×800 for docs/console/, taken from the real server and
 * the demo population. Runs only with -Dstrata.screenshots=DIR (bin/console-screenshots).
 */
@BrowserTest
@EnabledIfSystemProperty(named = "strata.screenshots", matches = ".+")
class ScreenshotsTest {
    private static final String SEGMENT = "Seniors";
    private static final String BUILT = "Chronic, no recent visit";

    @Test
    void mainPages(Browser b, ConsoleServer s) throws IOException {
        Path dir = Path.of(System.getProperty("strata.screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
        b.viewport(Browser.WIDTH, Browser.HEIGHT);

        b.signedOut();
        shot(b, dir, "signin");

        b.signIn("admin");
        SegmentPages.go(b, "#/segments");
        shot(b, dir, "segments");

        SegmentPages.go(b, "#/builder/" + idOf(s, BUILT));
        b.waitUntil("the builder's estimate", () -> !b.find("builder-estimate").getAttribute("data-size").isEmpty());
        shot(b, dir, "builder");

        String id = idOf(s, SEGMENT);
        SegmentPages pages = new SegmentPages(b).open(id);
        shot(b, dir, "segment");
        scrollTo(b, "scorecard");
        shot(b, dir, "segment-scorecard");

        SegmentPages.go(b, "#/scorecard");
        ScorecardConsoleTest.settledRanking(b);
        shot(b, dir, "scorecard");
        pages.open(id);
        scrollTo(b, "breakdowns");
        shot(b, dir, "segment-breakdowns");

        pages.navigating(() -> pages.clickBar("breakdown-gender", 0)).atDepth(1);
        pages.navigating(() -> pages.pickRow("breakdown-plan", 0)).atDepth(2);
        b.click("save-as-segment");
        b.find("saveas-name");
        top(b);
        shot(b, dir, "drill-down");
        scrollTo(b, "overlap");
        shot(b, dir, "overlap");

        SegmentPages.markStale(b);
        b.click("open-members");
        SegmentPages.freshPage(b);
        b.waitUntil("members", () -> !b.all("member-link").isEmpty());
        shot(b, dir, "members");

        SegmentPages.markStale(b);
        b.all("member-link").get(0).click();
        SegmentPages.freshPage(b);
        b.find("explanation");
        shot(b, dir, "profile");

        b.signIn("analyst");
        new SegmentPages(b).open(id);
        scrollTo(b, "breakdowns");
        shot(b, dir, "analyst");
        assertThat(b.consoleErrors()).isEmpty();
    }

    private static String idOf(ConsoleServer s, String name) {
        for (JsonNode seg : s.get("/api/segments").json().get("segments")) {
            if (seg.get("name").asString().equals(name)) return seg.get("id").asString();
        }
        throw new AssertionError("no segment named " + name + " in the demo population");
    }

    private static void scrollTo(Browser b, String testId) {
        WebElement e = b.find(testId);
        b.script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 12)", e);
    }

    private static void top(Browser b) {
        b.script("window.scrollTo(0, 0)");
    }

    private static void shot(Browser b, Path dir, String name) throws IOException {
        b.waitForPage();
        // no focus ring or caret in a picture of the page
        b.script("document.activeElement && document.activeElement.blur && document.activeElement.blur()");
        b.find(By.cssSelector("[data-page]"), "the page");
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) b.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
