package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The segment page's drill-down against the API: each level's size is the API's preview of the
 * breadcrumb's combined definition, the member list is the API's, a profile explains itself, a
 * crumb goes back and a drilled population saves as a new segment.
 */
@BrowserTest
class DrillDownTest {

    @Test
    void drillingTwiceNarrowsToThePreviewOfTheBreadcrumbsDefinition(Browser b, ConsoleServer s) {
        b.signIn("admin");
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        Drilled d = drillTwice(b, s, seg.get("id").asString(), seg.get("name").asString());

        // back one level by removing the first condition: the second one stays
        SegmentPages pages = new SegmentPages(b);
        pages.navigating(() -> b.click("crumb-1-remove")).atDepth(1);
        assertThat(pages.crumbs()).containsExactly(d.conditions().get(1));
        assertThat(number(pages.populationSize()))
                .isEqualTo(s.previewSize(SegmentPages.base(d.name(), List.of(d.conditions().get(1))), "admin").asLong());
        // and the segment's own crumb goes back to the top
        pages.navigating(() -> b.click("crumb-0-link")).atDepth(0);
        assertThat(b.present("population-size")).isFalse();
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aDrilledPopulationSavesAsANewSegment(Browser b, ConsoleServer s) {
        b.signIn("editor");
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        String name = seg.get("name").asString();
        SegmentPages pages = new SegmentPages(b).open(seg.get("id").asString());
        List<List<String>> plans = pages.tableRows("breakdown-plan-table");
        String condition = plans.get(0).get(3);
        pages.navigating(() -> pages.pickRow("breakdown-plan", 0)).atDepth(1);

        b.click("save-as-segment");
        String newName = name + " / " + plans.get(0).get(0);
        b.type("saveas-name", newName);
        b.find("saveas-kind-static").sendKeys(Keys.SPACE);
        pages.navigating(() -> b.click("saveas-submit"));
        assertThat(b.text("page-title")).isEqualTo(newName);

        JsonNode saved = null;
        for (JsonNode x : s.get("/api/segments").json().get("segments")) if (x.get("name").asString().equals(newName)) saved = x;
        assertThat(saved).isNotNull();
        assertThat(saved.get("kind").asString()).isEqualTo("static");
        assertThat(saved.get("definition").asString()).isEqualTo(SegmentPages.base(name, List.of(condition)));
        assertThat(number(b.text("segment-size"))).isEqualTo(s.previewSize(SegmentPages.base(name, List.of(condition)), "admin").asLong());
    }

    /** A population reached by drilling: the segment's name and the conditions, in order. */
    record Drilled(String name, List<String> conditions) {
    }

    /**
     * Opens the segment's page and drills down twice: a mouse click on the largest gender bar,
     * then the keyboard on the first row of the plan table. Checks each level against the API.
     */
    static Drilled drillTwice(Browser b, ConsoleServer s, String segmentId, String name) {
        SegmentPages pages = new SegmentPages(b).open(segmentId);
        List<String> conditions = new ArrayList<>();

        List<List<String>> genders = pages.tableRows("breakdown-gender-table");
        conditions.add(genders.get(0).get(3));
        pages.navigating(() -> pages.clickBar("breakdown-gender", 0)).atDepth(1);
        checkLevel(b, s, pages, name, conditions);

        List<List<String>> plans = pages.tableRows("breakdown-plan-table");
        assertThat(plans).isNotEmpty();
        conditions.add(plans.get(0).get(3));
        pages.navigating(() -> pages.pickRow("breakdown-plan", 0)).atDepth(2);
        checkLevel(b, s, pages, name, conditions);
        return new Drilled(name, conditions);
    }

    static void checkLevel(Browser b, ConsoleServer s, SegmentPages pages, String name, List<String> conditions) {
        String base = SegmentPages.base(name, conditions);
        assertThat(pages.drillInUrl()).isEqualTo(conditions);
        assertThat(pages.crumbs()).isEqualTo(conditions);
        assertThat(b.text("population-definition")).isEqualTo(base);
        long expected = s.previewSize(base, "admin").asLong();
        assertThat(number(pages.populationSize())).as("the size of " + base).isEqualTo(expected);
        // every chart was recomputed for the narrowed base: a breakdown's total is the population's size
        WebElement caption = b.driver().findElement(By.cssSelector("[data-testid=breakdown-age-band-table] caption [data-count]"));
        assertThat(number(caption.getAttribute("textContent"))).isEqualTo(expected);
        JsonNode api = s.api("POST", "/api/analytics/breakdown", "admin", Map.of("definition", base, "by", "gender")).json();
        assertThat(pages.tableRows("breakdown-gender-table").stream().map(r -> r.get(0)).toList())
                .containsExactlyElementsOf(labels(api));
    }

    private static List<String> labels(JsonNode breakdown) {
        List<String> out = new ArrayList<>();
        breakdown.get("buckets").forEach(x -> out.add(x.get("label").asString()));
        if (!breakdown.get("missingCount").isNumber() || breakdown.get("missingCount").asLong() != 0) out.add("No value");
        return out;
    }

    static long number(String shown) {
        return Long.parseLong(shown.replace(",", "").trim());
    }
}
