package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The scorecard on a segment page and the ranking page, each figure checked against the API with the same weights. */
@BrowserTest
class ScorecardConsoleTest {

    /** Waits for the ranking page's table (or its empty or error state) to be drawn for the current weights. */
    static void settledRanking(Browser b) {
        b.find(By.cssSelector("[data-page]:not([data-stale]) [data-testid=scorecard-body][data-state=ready]"), "the ranking");
    }

    @Test
    void aSegmentPageShowsItsScorecardAsTheApiComputesIt(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 200);
        String id = seg.get("id").asString();
        b.signIn("editor");
        b.script("localStorage.removeItem('strata.scorecard.weights')");
        SegmentPages pages = new SegmentPages(b).open(id);

        JsonNode api = s.api("GET", "/api/segments/" + id + "/scorecard", "editor", null).json();
        JsonNode row = api.get("segment");
        assertThat(b.text("scorecard-rank")).startsWith("Ranked " + row.get("rank").asInt() + " of " + api.get("of").asInt());
        assertThat(Double.parseDouble(b.find("scorecard-score").getAttribute("data-score"))).isEqualTo(row.get("score").asDouble());
        assertThat(b.find("scorecard-size").getText().replace(",", "")).isEqualTo(row.get("size").asString());

        List<List<String>> reach = pages.tableRows("scorecard-reach");
        List<List<String>> expected = new ArrayList<>();
        JsonNode everyone = api.get("population");
        row.get("reach").properties().forEach(e -> expected.add(List.of(
                e.getKey().equals("any") ? "any channel" : e.getKey(), count(e.getValue().get("count")), percent(e.getValue().get("share")),
                percent(everyone.get("reach").get(e.getKey()).get("share")))));
        assertThat(reach).isEqualTo(expected);

        List<List<String>> rates = pages.tableRows("scorecard-rates");
        assertThat(rates).hasSize(row.get("rates").size());
        for (int i = 0; i < rates.size(); i++) {
            JsonNode r = row.get("rates").get(i);
            String counted = r.get("kind").asString().equals("adherence") ? "adherent" : "due";
            assertThat(rates.get(i)).containsExactly(r.get("name").asString().replace('_', ' ') + " (" + r.get("kind").asString() + ")",
                    count(r.get("eligible")), count(r.get(counted)), percent(r.get("rate")),
                    percent(everyone.get("rates").get(i).get("rate")));
        }
        List<List<String>> signals = new ArrayList<>();
        row.get("engagement").get("signals").properties().forEach(e -> signals.add(List.of(e.getKey().replace('_', ' '),
                String.valueOf(e.getValue().get("weight").asInt()), count(e.getValue().get("count")), percent(e.getValue().get("share")))));
        assertThat(pages.tableRows("scorecard-signals")).isEqualTo(signals);
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theRankingFollowsTheWeightsTheUserSets(Browser b, ConsoleServer s) {
        b.signIn("analyst");
        b.script("localStorage.removeItem('strata.scorecard.weights')");
        SegmentPages.go(b, "#/scorecard");
        settledRanking(b);
        assertThat(rowIds(b)).isEqualTo(apiOrder(s, "size:1,growth:0.5,reach:1,engagement:0.5,adherence_gap:1,screening_gap:1"));

        for (String metric : List.of("growth", "reach", "engagement", "adherence_gap", "screening_gap")) setWeight(b, metric, "0");
        setWeight(b, "size", "-1");
        String weights = "size:-1,growth:0,reach:0,engagement:0,adherence_gap:0,screening_gap:0";
        b.waitUntil("the address to carry the weights", () -> b.driver().getCurrentUrl().contains("weights=" + weights.replace(":", "%3A").replace(",", "%2C")));
        List<String> expected = apiOrder(s, weights);
        b.waitUntil("the ranking to follow the weights", () -> rowIds(b).equals(expected));

        // The segment pages score with the weights last used here.
        String first = expected.get(0);
        new SegmentPages(b).open(first);
        JsonNode api = s.api("GET", "/api/segments/" + first + "/scorecard?weights=" + weights.replace(":", "%3A").replace(",", "%2C"), "analyst", null).json();
        assertThat(b.text("scorecard-rank")).startsWith("Ranked " + api.get("segment").get("rank").asInt() + " of ");
        assertThat(b.consoleErrors()).isEmpty();
    }

    private static void setWeight(Browser b, String metric, String value) {
        WebElement input = b.find("weight-" + metric);
        input.clear();
        input.sendKeys(value);
    }

    private static List<String> rowIds(Browser b) {
        List<String> out = new ArrayList<>();
        for (WebElement tr : b.driver().findElements(By.cssSelector("[data-page]:not([data-stale]) [data-testid=scorecard-row]"))) {
            out.add(tr.getAttribute("data-id"));
        }
        return out;
    }

    private static List<String> apiOrder(ConsoleServer s, String weights) {
        JsonNode res = s.api("GET", "/api/scorecard?weights=" + weights.replace(":", "%3A").replace(",", "%2C"), "analyst", null).json();
        List<String> out = new ArrayList<>();
        for (JsonNode row : res.get("segments")) out.add(row.get("id").asString());
        return out;
    }

    private static String count(JsonNode n) {
        return n.isNumber() ? String.format(Locale.US, "%,d", n.asLong()) : n.asString();
    }

    private static String percent(JsonNode share) {
        // As JavaScript's toFixed(1) rounds: the exact binary value, a tie going up.
        return share.isNumber() ? new BigDecimal(100 * share.asDouble()).setScale(1, RoundingMode.HALF_UP) + "%" : "—";
    }
}
