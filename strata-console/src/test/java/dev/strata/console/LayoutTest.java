package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The list and the builder fit a 1280×800 screen and a 390 px phone without scrolling sideways,
 * with a nested definition in the builder. Screenshots of each go to target/layout/.
 */
@BrowserTest
class LayoutTest {
    static final String NESTED = "age(birthday) >= 40 and (gender = \"female\" or plan in (\"medicare\", \"medicaid\"))"
            + " and not count(\"Medication Refill\" where (drug_class = \"statin\" or days_supply >= 90) between 180d ago and 30d ago) >= 2"
            + " and near(address, 34.05, -118.24, 50 km) and did \"Immunization\" from 2025-09-01 to 2026-04-01";

    Browser browser;

    @AfterEach
    void reset() {
        if (browser != null) browser.resetViewport();
    }

    @Test
    void noPageScrollsSidewaysOnADesktopOrAPhone(Browser b) {
        browser = b;
        b.signIn("editor");
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            b.viewport(size[0], size[1]);
            b.open("#/segments");
            assertThat(b.all("segment-row")).isNotEmpty();
            check(b, "segments", size[0]);

            b.open("#/builder?definition=" + URLEncoder.encode(NESTED, StandardCharsets.UTF_8));
            b.waitUntil("the nested tree", () -> b.all("condition").size() >= 6);
            new BuilderPage(b).estimate();
            check(b, "builder", size[0]);
        }
    }

    private static void check(Browser b, String page, int width) {
        b.saveEvidence(Path.of("target", "layout"), page + "-" + width);
        long scrollWidth = ((Number) b.script("return document.documentElement.scrollWidth")).longValue();
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) b.script(
                "const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
                        + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1"
                        + " && !e.closest('.table-scroll, .text-error-excerpt, datalist'); })"
                        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + '] right='"
                        + " + Math.round(e.getBoundingClientRect().right))");
        assertThat(scrollWidth).as("%s at %d px: the page is %d px wide; too wide: %s", page, width, scrollWidth, wide)
                .isLessThanOrEqualTo(width);
        assertThat(wide).as("%s at %d px: elements past the right edge", page, width).isEmpty();
    }
}
