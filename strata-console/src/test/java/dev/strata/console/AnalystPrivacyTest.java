package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * An analyst walks the list, a small segment's page, a drill-down into it and the builder: no
 * count from 1 to 10, no user id of the population and no way to the member list or a profile
 * appears. The same pages seen by an admin do hold small counts, so the check cannot pass by
 * showing nothing.
 */
@BrowserTest
class AnalystPrivacyTest {
    private static final Pattern SMALL = Pattern.compile("^(10|[1-9])$");
    private static final List<String> NOT_FOR_ANALYSTS = List.of("open-members", "export-csv", "save-as-segment", "member-link",
            "edit-segment");

    @Test
    void anAnalystSeesNoSmallCountNoPersonDataAndNoWayToThem(Browser b, ConsoleServer s) {
        JsonNode small = smallestSegmentOfAtLeast(s, 11);
        String id = small.get("id").asString();
        String name = small.get("name").asString();
        String drilled = "#/segment/" + id + "?drill=" + enc("[\"address.state is not null\"]");
        List<String> routes = List.of("#/segments", "#/segment/" + id, drilled, "#/builder", "#/builder/" + id, "#/scorecard");

        b.signIn("admin");
        List<String> adminSmall = new ArrayList<>();
        for (String route : List.of("#/segment/" + id, drilled, "#/scorecard")) {
            openSettled(b, route);
            adminSmall.addAll(smallCounts(b));
        }
        assertThat(adminSmall).as("an admin sees small counts on " + name + "'s pages, so the analyst's check means something")
                .isNotEmpty();
        Set<String> memberIds = memberIds(s, "in segment " + ConsoleServer.JSON.writeValueAsString(name));

        b.signIn("analyst");
        assertNothingPersonal(b, routes, memberIds);
        openSettled(b, drilled);
        assertThat(countsShown(b)).as("the drilled page shows suppressed counts as such").contains("<11");

        String someone = memberIds.iterator().next();
        for (String route : List.of("#/members?base=" + enc("in segment \"" + name + "\""), "#/profile/" + enc(someone) + "?segment=" + id)) {
            b.open(route);
            assertThat(b.text("empty-state")).as(route).contains("Aggregates only");
            assertThat(b.find(By.cssSelector("main"), "the page").getText()).doesNotContain(someone);
        }
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Walks the routes (signed in without personal data) and checks each page as it is shown. */
    static void assertNothingPersonal(Browser b, List<String> routes, Set<String> memberIds) {
        for (String route : routes) {
            openSettled(b, route);
            assertThat(smallCounts(b)).as("counts from 1 to 10 on " + route).isEmpty();
            String text = b.find(By.cssSelector("main"), "the page").getText();
            assertThat(memberIds).as("user ids on " + route).noneMatch(text::contains);
            for (String control : NOT_FOR_ANALYSTS) assertThat(b.all(control)).as(control + " on " + route).isEmpty();
            assertThat(b.driver().findElements(By.cssSelector("a[href*='#/profile/'], a[href*='#/members']")))
                    .as("links to profiles or member lists on " + route).isEmpty();
        }
    }

    /** The smallest saved segment with at least {@code min} members: its breakdowns hold small cells. */
    static JsonNode smallestSegmentOfAtLeast(ConsoleServer s, int min) {
        JsonNode best = null;
        for (JsonNode seg : s.get("/api/segments").json().get("segments")) {
            if (!seg.get("size").isNumber() || seg.get("size").asInt() < min) continue;
            if (best == null || seg.get("size").asInt() < best.get("size").asInt()) best = seg;
        }
        assertThat(best).as("a segment of %d or more members in the demo population", min).isNotNull();
        return best;
    }

    static Set<String> memberIds(ConsoleServer s, String base) {
        ConsoleServer.Response r = s.api("POST", "/api/analytics/members", "admin", Map.of("definition", base, "limit", 1000));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        r.json().get("members").forEach(m -> ids.add(m.asString()));
        assertThat(ids).isNotEmpty();
        return ids;
    }

    static void openSettled(Browser b, String route) {
        SegmentPages.go(b, route);
        if (route.startsWith("#/segment/")) new SegmentPages(b).settled();
        if (route.startsWith("#/scorecard")) ScorecardConsoleTest.settledRanking(b);
    }

    /**
     * Every count the page shows (marked with data-count by ui.js) and every number drawn as a bar
     * label. Trends in the list ("+5", class change) are differences of two sizes that are both
     * shown as numbers (the server hides the trend otherwise), not counts of people.
     */
    static List<String> countsShown(Browser b) {
        List<String> out = new ArrayList<>();
        for (WebElement e : b.driver().findElements(By.cssSelector("[data-count]:not(.change)"))) {
            out.add(e.getAttribute("data-count"));
            out.add(e.getAttribute("textContent").replaceAll("\\(.*\\)", "").replace(",", "").trim());
        }
        for (WebElement t : b.driver().findElements(By.cssSelector("[data-testid^=breakdown-][data-testid$=-chart] text"))) {
            out.add(t.getAttribute("textContent").trim());
        }
        return out;
    }

    static List<String> smallCounts(Browser b) {
        return countsShown(b).stream().filter(c -> SMALL.matcher(c).matches()).toList();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
