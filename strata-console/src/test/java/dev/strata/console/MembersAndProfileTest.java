package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The member list's pages and export, and a profile explained against a population it is not in. */
@BrowserTest
class MembersAndProfileTest {

    @Test
    void theMemberListPagesThroughTheApisPagesAndExportsIntoTheAuditLog(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 120);
        String base = SegmentPages.base(seg.get("name").asString(), List.of());
        b.signIn("editor");
        SegmentPages.go(b, "#/members?base=" + AnalystPrivacyTest.enc(base) + "&segment=" + seg.get("id").asString());

        JsonNode first = s.api("POST", "/api/analytics/members", "admin", Map.of("definition", base, "limit", 50)).json();
        assertThat(shownMembers(b)).isEqualTo(ids(first));
        assertThat(DrillDownTest.number(b.waitText("members-size", "a count", t -> t.matches("[0-9,]+"))))
                .isEqualTo(seg.get("size").asLong());
        b.click("members-next");
        JsonNode second = s.api("POST", "/api/analytics/members", "admin",
                Map.of("definition", base, "limit", 50, "after", first.get("next").asString())).json();
        b.waitUntil("the second page", () -> shownMembers(b).equals(ids(second)));
        b.click("members-prev");
        b.waitUntil("the first page again", () -> shownMembers(b).equals(ids(first)));

        long before = auditEntries(s, "analytics.members.export").size();
        b.click("export-csv");
        b.waitText("export-status", "the export's end", t -> t.startsWith("Exported"));
        List<JsonNode> exports = auditEntries(s, "analytics.members.export");
        assertThat(exports).hasSize((int) before + 1);
        assertThat(exports.get(exports.size() - 1).get("target").asString()).startsWith("rows=" + seg.get("size").asLong() + " ");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aProfileOutsideASegmentShowsTheConditionThatFails(Browser b, ConsoleServer s) {
        JsonNode seg = AnalystPrivacyTest.smallestSegmentOfAtLeast(s, 11);
        String outside = s.api("POST", "/api/analytics/members", "admin",
                Map.of("definition", "not " + SegmentPages.base(seg.get("name").asString(), List.of()), "limit", 1))
                .json().get("members").get(0).asString();
        b.signIn("admin");
        SegmentPages.go(b, "#/profile/" + AnalystPrivacyTest.enc(outside) + "?segment=" + seg.get("id").asString());

        assertThat(b.find("explain-verdict").getAttribute("data-member")).isEqualTo("false");
        JsonNode api = s.get("/api/segments/" + seg.get("id").asString() + "/explain/" + AnalystPrivacyTest.enc(outside)).json();
        List<WebElement> nodes = b.all("explain-node");
        List<String> shown = new ArrayList<>();
        for (WebElement n : nodes) shown.add(n.findElement(By.cssSelector(".explain-line code")).getText() + " " + n.getAttribute("data-holds"));
        assertThat(shown).isEqualTo(flatten(api.get("root"), new ArrayList<>()));
        assertThat(shown).anyMatch(t -> t.endsWith(" false"));
        assertThat(b.find("profile-traits").getText()).contains("birthday");
        assertThat(b.all("timeline-row")).isNotEmpty();
    }

    private static List<String> flatten(JsonNode node, List<String> out) {
        out.add(node.get("condition").asString() + " " + node.get("holds").asBoolean());
        node.get("children").forEach(c -> flatten(c, out));
        return out;
    }

    private static List<String> shownMembers(Browser b) {
        List<String> out = new ArrayList<>();
        for (WebElement a : b.all("member-link")) out.add(a.getText());
        return out;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("members").forEach(m -> out.add(m.asString()));
        return out;
    }

    private static List<JsonNode> auditEntries(ConsoleServer s, String action) {
        List<JsonNode> out = new ArrayList<>();
        s.get("/api/audit?action=" + action + "&limit=1000").json().get("entries").forEach(out::add);
        return out;
    }
}
