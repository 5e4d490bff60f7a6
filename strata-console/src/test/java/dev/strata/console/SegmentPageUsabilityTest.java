package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The segment page for keyboard and screen-reader users and on a phone: every control is named
 * and findable, a chart's table appears when the keyboard reaches it, and nothing is wider than
 * a 390 px screen.
 */
@BrowserTest
class SegmentPageUsabilityTest {
    /** Controls without an accessible name or a data-testid, described by their tag and text. */
    static final String UNNAMED = """
            return [...document.querySelectorAll('[data-page]:not([data-stale]) :is(a[href], button, select, input, textarea)')]
              .filter(el => {
                const name = (el.getAttribute('aria-label') || (el.labels && [...el.labels].map(l => l.textContent).join(''))
                  || el.textContent || el.getAttribute('title') || '').trim();
                return !name || !el.hasAttribute('data-testid');
              })
              .map(el => el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '"');
            """;

    @Test
    void everyControlIsNamedAndTheKeyboardReachesTheTablesAndDrills(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        b.signIn("editor");
        SegmentPages pages = new SegmentPages(b).open(seg.get("id").asString());
        assertThat(b.script(UNNAMED)).as("unnamed controls").isEqualTo(List.of());

        // Tab from the plan card's toggle into its (visually hidden) table: the table shows while it has the focus
        WebElement toggle = b.find("breakdown-plan-toggle");
        b.script("arguments[0].focus()", toggle);
        WebElement data = b.find("breakdown-plan-data");
        assertThat(data.getAttribute("class")).contains("visually-hidden-until-focus");
        assertThat(data.getSize().getHeight()).isLessThanOrEqualTo(1);
        b.pressTab();
        assertThat(b.focused().getAttribute("data-testid")).isEqualTo("breakdown-plan-table-pick-0");
        assertThat(data.getSize().getHeight()).isGreaterThan(20);
        String condition = pages.tableRows("breakdown-plan-table").get(0).get(3);
        pages.navigating(() -> b.focused().sendKeys(Keys.ENTER)).atDepth(1);
        assertThat(pages.crumbs()).containsExactly(condition);
        assertThat(b.script(UNNAMED)).as("unnamed controls when drilled").isEqualTo(List.of());

        // the crumb's remove button by keyboard goes back to the segment
        pages.navigating(() -> b.find("crumb-1-remove").sendKeys(Keys.ENTER)).atDepth(0);
    }

    @Test
    void theSegmentPageAndProfileFitANarrowScreen(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        b.signIn("admin");
        b.viewport(390, 844);
        try {
            new SegmentPages(b).open(seg.get("id").asString() + "?drill=" + AnalystPrivacyTest.enc("[\"gender = \\\"female\\\"\"]"));
            assertNoSidewaysScroll(b, "the drilled segment page");
            String member = s.get("/api/segments/" + seg.get("id").asString() + "/members?limit=1").json().get("members").get(0).asString();
            SegmentPages.go(b, "#/profile/" + AnalystPrivacyTest.enc(member) + "?segment=" + seg.get("id").asString());
            b.find("explanation");
            assertNoSidewaysScroll(b, "the profile");
        } finally {
            b.resetViewport();
        }
    }

    private static void assertNoSidewaysScroll(Browser b, String what) {
        Number page = (Number) b.script("return document.documentElement.scrollWidth");
        Number screen = (Number) b.script("return window.innerWidth");
        assertThat(page.intValue()).as(what + " is no wider than the screen").isLessThanOrEqualTo(screen.intValue());
    }
}
