package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The segments list shows what GET /api/segments says, searches, sorts, and links onwards. */
@BrowserTest
class SegmentsListTest {

    @Test
    void everySegmentIsListedWithTheApisSizeChangesAndTrend(Browser b, ConsoleServer s) {
        b.signIn("editor");
        JsonNode api = s.get("/api/segments").json().get("segments");
        assertThat(b.all("segment-row")).hasSize(api.size());
        for (JsonNode seg : api) {
            WebElement row = b.find(By.cssSelector("[data-testid=segment-row][data-segment-id=\"" + seg.get("id").asString() + "\"]"),
                    "the row of " + seg.get("name").asString());
            assertThat(row.findElement(Browser.testId("segment-link")).getText()).isEqualTo(seg.get("name").asString());
            assertThat(row.findElement(Browser.testId("segment-size")).getAttribute("data-count")).isEqualTo(seg.get("size").asString());
            assertThat(row.findElement(Browser.testId("segment-change7d")).getAttribute("data-count")).isEqualTo(seg.get("change7d").asString());
            assertThat(row.findElement(Browser.testId("segment-change30d")).getAttribute("data-count")).isEqualTo(seg.get("change30d").asString());
            long numbers = 0;
            for (JsonNode p : seg.get("sparkline")) if (p.isNumber()) numbers++;
            if (numbers >= 2) {
                assertThat(row.findElement(Browser.testId("sparkline")).getAttribute("data-points")).isEqualTo(String.valueOf(numbers));
            } else {
                assertThat(row.findElements(Browser.testId("sparkline"))).isEmpty();
            }
        }
    }

    @Test
    void aDescriptionShowsItsFirstLineAndIsSearched(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 11);
        String id = seg.get("id").asString();
        String before = seg.get("description").isNull() ? null : seg.get("description").asString();
        ConsoleServer.Response put = s.api("PUT", "/api/segments/" + id, "editor",
                java.util.Map.of("description", "Quarterly outreach list zebracorn\nSecond line stays on the segment page"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        try {
            b.signIn("analyst");
            b.type("segments-search", "zebracorn");
            b.waitUntil("the list to narrow to the described segment", () -> b.all("segment-row").size() == 1);
            WebElement row = b.all("segment-row").get(0);
            assertThat(row.getAttribute("data-segment-id")).isEqualTo(id);
            assertThat(row.findElement(Browser.testId("segment-description-line")).getText()).isEqualTo("Quarterly outreach list zebracorn");
        } finally {
            s.api("PUT", "/api/segments/" + id, "editor", java.util.Map.of("description", before == null ? "" : before));
        }
    }

    @Test
    void searchNarrowsTheListAndSaysWhenNothingMatches(Browser b, ConsoleServer s) {
        b.signIn("editor");
        int all = b.all("segment-row").size();
        b.type("segments-search", "refill");
        b.waitUntil("the list to narrow", () -> b.all("segment-row").size() < all);
        List<String> names = new ArrayList<>();
        for (WebElement row : b.all("segment-row")) names.add(row.getAttribute("data-segment-name"));
        List<String> expected = new ArrayList<>();
        for (JsonNode seg : s.get("/api/segments").json().get("segments")) {
            String text = (seg.get("name").asString() + " " + seg.get("definition").asString("") + " "
                    + seg.get("description").asString("")).toLowerCase();
            if (text.contains("refill")) expected.add(seg.get("name").asString());
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(b.driver().getCurrentUrl()).contains("q=refill");

        b.type("segments-search", "no segment is called this");
        assertThat(b.text("empty-state")).contains("No segment matches");
        b.find("clear-search").sendKeys(Keys.ENTER);
        b.waitUntil("every row back", () -> b.all("segment-row").size() == all);
        assertThat(b.focusedId()).isEqualTo("segments-search");
    }

    @Test
    void rowsLeadToTheSegmentPageAndTheBuilder(Browser b, ConsoleServer s) {
        b.signIn("editor");
        WebElement row = b.all("segment-row").get(0);
        String id = row.getAttribute("data-segment-id");
        row.findElement(Browser.testId("segment-edit")).click();
        b.waitForPage();
        assertThat(b.driver().getCurrentUrl()).endsWith("#/builder/" + id);
        String definition = s.get("/api/segments/" + id).json().get("definition").asString();
        b.waitUntil("the saved definition in the text form", () -> !new BuilderPage(b).text().isEmpty());
        assertThat(new BuilderPage(b).text()).isEqualTo(BuilderTest.canonical(s, definition));
        assertThat(b.find("save-name").getAttribute("value")).isEqualTo(s.get("/api/segments/" + id).json().get("name").asString());

        b.open("#/segments");
        b.all("segment-row").get(0).findElement(Browser.testId("segment-link")).click();
        b.waitForPage();
        assertThat(b.driver().getCurrentUrl()).endsWith("#/segment/" + id);
    }

    @Test
    void anAnalystSeesSmallCountsAsLessThanElevenWithAnExplanation(Browser b, ConsoleServer s) {
        b.signIn("analyst");
        assertThat(b.all("segment-edit")).isEmpty();
        for (WebElement size : b.all("segment-size")) {
            String v = size.getAttribute("data-count");
            if (v.matches("\\d+")) {
                assertThat(Long.parseLong(v)).as("a size shown to an analyst").satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(11));
            } else {
                assertThat(v).isIn("<11", "hidden");
                assertThat(size.getAttribute("title")).isNotBlank();
            }
        }
        // a segment of a handful of people, saved by an editor, appears as "<11"
        String id = null;
        for (JsonNode seg : s.get("/api/segments").json().get("segments")) {
            long n = seg.get("size").asLong();
            if (n >= 1 && n <= 10) id = seg.get("id").asString();
        }
        if (id == null) {
            JsonNode few = s.api("POST", "/api/segments", "admin", java.util.Map.of("name", "A handful " + System.nanoTime(),
                    "definition", "chronic_conditions >= 7")).json();
            assertThat(few.get("size").asLong()).as("the test's small segment").isBetween(1L, 10L);
            id = few.get("id").asString();
        }
        b.open("#/segments");
        WebElement cell = b.find(By.cssSelector("[data-segment-id=\"" + id + "\"] [data-testid=segment-size]"), "the small size");
        assertThat(cell.getText()).startsWith("<11");
        assertThat(cell.getAttribute("title")).contains("Fewer than 11");
    }
}
