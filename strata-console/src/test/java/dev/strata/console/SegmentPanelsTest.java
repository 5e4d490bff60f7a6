package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The segment page's other ways down: a breakdown by a trait the user picks, a day of event
 * activity and a cell of the overlap matrix, each checked against the API.
 */
@BrowserTest
class SegmentPanelsTest {

    @Test
    void aPickedTraitGetsItsBreakdownWhichStaysWhileDrilling(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        String name = seg.get("name").asString();
        b.signIn("editor");
        SegmentPages pages = new SegmentPages(b).open(seg.get("id").asString());
        b.select("breakdown-trait", "income_band");
        pages.navigating(() -> b.click("breakdown-add"));
        String card = SegmentPages.breakdown("income_band");
        JsonNode api = s.api("POST", "/api/analytics/breakdown", "editor",
                Map.of("definition", SegmentPages.base(name, List.of()), "by", "income_band")).json();
        assertThat(labels(pages, card)).isEqualTo(apiLabels(api));

        String condition = api.get("buckets").get(0).get("condition").asString();
        pages.navigating(() -> pages.pickRow(card, 0)).atDepth(1);
        assertThat(pages.crumbs()).containsExactly(condition);
        assertThat(b.present(card)).as("the picked breakdown is still there after drilling").isTrue();
        JsonNode narrowed = s.api("POST", "/api/analytics/breakdown", "editor",
                Map.of("definition", SegmentPages.base(name, List.of(condition)), "by", "income_band")).json();
        assertThat(labels(pages, card)).isEqualTo(apiLabels(narrowed));

        pages.navigating(() -> b.find(card + "-remove").sendKeys(Keys.ENTER));
        assertThat(b.present(card)).isFalse();
        assertThat(pages.crumbs()).containsExactly(condition);
    }

    @Test
    void aDayOfActivityAndAnOverlapCellNarrowThePopulation(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        String name = seg.get("name").asString();
        b.signIn("admin");
        SegmentPages pages = new SegmentPages(b).open(seg.get("id").asString());

        // the busiest day for the population in the activity table
        List<List<String>> days = pages.tableRows("activity-table");
        int busiest = 0;
        for (int i = 1; i < days.size(); i++) {
            if (DrillDownTest.number(days.get(i).get(1)) > DrillDownTest.number(days.get(busiest).get(1))) busiest = i;
        }
        String day = days.get(busiest).get(0);
        String event = b.find("activity-event").getAttribute("value");
        int row = busiest;
        pages.navigating(() -> {
            b.find("activity-toggle").sendKeys(Keys.ENTER);
            b.find("activity-table-pick-" + row).sendKeys(Keys.ENTER);
        }).atDepth(1);
        String condition = pages.crumbs().get(0);
        assertThat(condition).startsWith("did " + ConsoleServer.JSON.writeValueAsString(event) + " from " + day + " to ");
        assertThat(DrillDownTest.number(pages.populationSize()))
                .isEqualTo(s.previewSize(SegmentPages.base(name, List.of(condition)), "admin").asLong())
                .isPositive();

        // back to the segment, then its overlap with the segment sharing the most after itself (column 3)
        pages.navigating(() -> b.click("crumb-0-link")).atDepth(0);
        String other = b.find("overlap-table").findElement(org.openqa.selenium.By.cssSelector("thead th:nth-of-type(3)")).getText();
        String cell = b.find("overlap-cell-0-" + columnOf(b, other)).getText();
        pages.navigating(() -> b.find("overlap-cell-0-" + columnOf(b, other) + "-pick").sendKeys(Keys.ENTER)).atDepth(1);
        String expected = "in segment " + ConsoleServer.JSON.writeValueAsString(other);
        assertThat(pages.crumbs()).containsExactly(expected);
        assertThat(pages.populationSize()).isEqualTo(cell);
        assertThat(DrillDownTest.number(cell)).isEqualTo(s.previewSize(SegmentPages.base(name, List.of(expected)), "admin").asLong());
    }

    /** The matrix index of the column headed by a segment's name (the console orders columns by overlap). */
    private static int columnOf(Browser b, String name) {
        Object index = b.script("return [...document.querySelectorAll('[data-testid=overlap-row-0] td')]"
                + ".map(td => td.getAttribute('data-testid'))"
                + "[[...document.querySelectorAll('[data-testid=overlap-table] thead th')].findIndex(th => th.textContent === arguments[0])]",
                name);
        return Integer.parseInt(String.valueOf(index).replaceAll(".*-", ""));
    }

    private static List<String> labels(SegmentPages pages, String card) {
        return pages.tableRows(card + "-table").stream().map(r -> r.get(0)).toList();
    }

    private static List<String> apiLabels(JsonNode breakdown) {
        List<String> out = new ArrayList<>();
        breakdown.get("buckets").forEach(x -> out.add(x.get("label").asString()));
        if (!breakdown.get("missingCount").isNumber() || breakdown.get("missingCount").asLong() != 0) out.add("No value");
        return out;
    }
}
