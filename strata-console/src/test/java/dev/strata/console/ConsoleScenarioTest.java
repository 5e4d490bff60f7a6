package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The scenario end to end in the browser: build a segment with nested conditions in the
 * builder, check its count against the API, save it, open its page, drill down twice (each level
 * checked against the API's preview of the breadcrumb's definition), open the member list, a
 * profile and its explanation; then, as an analyst, walk the same pages and find nothing personal
 * and no count from 1 to 10.
 */
@BrowserTest
class ConsoleScenarioTest {
    static final String NESTED = "(plan = \"commercial\" or income_band <= 2) and did \"App Open\" within 180d";

    @Test
    void buildSaveDrillDownToAProfileThenLookAsAnAnalyst(Browser b, ConsoleServer s) {
        b.signIn("admin");
        String name = "Scenario " + System.nanoTime();
        String id = buildAndSave(b, s, name);

        DrillDownTest.Drilled drilled = drillTwiceByLargest(b, s, id, name);
        String base = SegmentPages.base(name, drilled.conditions());

        // the member list is the API's first page of the drilled population
        SegmentPages.markStale(b);
        b.click("open-members");
        SegmentPages.freshPage(b);
        List<String> shown = new ArrayList<>();
        b.waitUntil("members", () -> !b.all("member-link").isEmpty());
        for (WebElement a : b.all("member-link")) shown.add(a.getText());
        JsonNode page = s.api("POST", "/api/analytics/members", "admin", Map.of("definition", base, "limit", 50)).json();
        List<String> expected = new ArrayList<>();
        page.get("members").forEach(m -> expected.add(m.asString()));
        assertThat(shown).isEqualTo(expected);
        assertThat(b.text("members-base")).isEqualTo(base);

        // a profile and why it is in the population: every condition of the base holds
        String userId = shown.get(0);
        SegmentPages.markStale(b);
        b.all("member-link").get(0).click();
        SegmentPages.freshPage(b);
        assertThat(b.text("page-title")).contains(userId);
        WebElement verdict = b.find("explain-verdict");
        assertThat(verdict.getAttribute("data-member")).isEqualTo("true");
        List<String> holding = new ArrayList<>();
        for (WebElement n : b.driver().findElements(By.cssSelector("[data-testid=explanation] > ul > li > ul > li"))) {
            assertThat(n.getAttribute("data-holds")).as(n.getText()).isEqualTo("true");
            holding.add(n.findElement(By.cssSelector(".explain-line code")).getText());
        }
        JsonNode apiExplain = s.api("POST", "/api/analytics/explain", "admin", Map.of("definition", base, "userId", userId)).json();
        assertThat(apiExplain.get("member").asBoolean()).isTrue();
        List<String> apiChildren = new ArrayList<>();
        apiExplain.get("root").get("children").forEach(c -> apiChildren.add(c.get("condition").asString()));
        assertThat(holding).isEqualTo(apiChildren).contains(SegmentPages.base(name, List.of()), drilled.conditions().get(0));
        assertThat(b.find("profile-segments").getText()).contains(name);
        assertThat(b.all("timeline-row")).isNotEmpty();
        assertThat(b.consoleErrors()).isEmpty();

        // an analyst on the same pages: aggregates only
        Set<String> ids = new LinkedHashSet<>(AnalystPrivacyTest.memberIds(s, SegmentPages.base(name, List.of())));
        String drilledRoute = "#/segment/" + id + "?drill=" + AnalystPrivacyTest.enc(ConsoleServer.JSON.writeValueAsString(drilled.conditions()));
        b.signIn("analyst");
        AnalystPrivacyTest.assertNothingPersonal(b, List.of("#/segments", "#/segment/" + id, drilledRoute, "#/builder/" + id), ids);
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Builds {@link #NESTED} by clicking and typing in the builder, checks its size against the API and saves it. */
    static String buildAndSave(Browser b, ConsoleServer s, String name) {
        SegmentPages.go(b, "#/builder");
        BuilderPage ui = new BuilderPage(b);
        ui.add("", "group");
        ui.select("/conditions/0", "group-mode", "or");
        ui.add("/conditions/0", "trait");
        ui.type("/conditions/0/conditions/0", "trait-path", "plan");
        ui.type("/conditions/0/conditions/0", "trait-value", "commercial");
        ui.add("/conditions/0", "trait");
        ui.type("/conditions/0/conditions/1", "trait-path", "income_band");
        ui.select("/conditions/0/conditions/1", "trait-op", "<=");
        ui.type("/conditions/0/conditions/1", "trait-value", "2");
        ui.add("", "event");
        ui.type("/conditions/1", "event-name", "App Open");
        ui.select("/conditions/1", "window-type", "within");
        ui.type("/conditions/1/window", "window-amount", "180");

        String canonical = BuilderTest.canonical(s, NESTED);
        b.waitUntil("the text form to show the built definition", () -> canonical.equals(ui.text()));
        JsonNode size = s.previewSize(canonical, "admin");
        assertThat(size.asLong()).as("the scenario's segment is large enough to drill into").isGreaterThan(100);
        assertThat(ui.estimate()).isEqualTo(size.asString());

        b.type("save-name", name);
        b.select("save-kind", "dynamic");
        SegmentPages.markStale(b);
        b.click("save-submit");
        b.waitUntil("the segment page after saving", () -> b.driver().getCurrentUrl().contains("#/segment/seg_"));
        SegmentPages pages = new SegmentPages(b).settled();
        String id = b.driver().getCurrentUrl().replaceAll(".*#/segment/", "").replaceAll("\\?.*", "");
        JsonNode saved = s.get("/api/segments/" + id).json();
        assertThat(saved.get("name").asString()).isEqualTo(name);
        assertThat(saved.get("definition").asString()).isEqualTo(canonical);
        assertThat(b.text("page-title")).isEqualTo(name);
        assertThat(DrillDownTest.number(b.text("segment-size"))).isEqualTo(size.asLong());
        assertThat(pages.crumbs()).isEmpty();
        return id;
    }

    /** Drills by the largest gender bar (a mouse click), then the largest age band (the keyboard, in the table). */
    static DrillDownTest.Drilled drillTwiceByLargest(Browser b, ConsoleServer s, String id, String name) {
        SegmentPages pages = new SegmentPages(b);
        List<String> conditions = new ArrayList<>();
        int gender = largest(pages.tableRows("breakdown-gender-table"));
        conditions.add(pages.tableRows("breakdown-gender-table").get(gender).get(3));
        pages.navigating(() -> pages.clickBar("breakdown-gender", gender)).atDepth(1);
        DrillDownTest.checkLevel(b, s, pages, name, conditions);

        int band = largest(pages.tableRows("breakdown-age-band-table"));
        conditions.add(pages.tableRows("breakdown-age-band-table").get(band).get(3));
        pages.navigating(() -> pages.pickRow("breakdown-age-band", band)).atDepth(2);
        DrillDownTest.checkLevel(b, s, pages, name, conditions);
        return new DrillDownTest.Drilled(name, conditions);
    }

    /** The row with the largest count (an admin sees every count as a number). */
    static int largest(List<List<String>> rows) {
        int best = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (DrillDownTest.number(rows.get(i).get(1)) > DrillDownTest.number(rows.get(best).get(1))) best = i;
        }
        return best;
    }
}
