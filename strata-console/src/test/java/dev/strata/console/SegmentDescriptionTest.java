package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A segment's description: written when saving from the builder, shown at the top of its page,
 * edited, refused and removed there by an editor, and only read by an analyst; each step checked
 * against the API.
 */
@BrowserTest
class SegmentDescriptionTest {

    static JsonNode saved(ConsoleServer s, String id) {
        return s.get("/api/segments/" + id).json();
    }

    @Test
    void anEditorDescribesASegmentWhenSavingAndEditsItOnItsPage(Browser b, ConsoleServer s) {
        String name = "Described " + System.nanoTime();
        b.signIn("editor");
        b.open("#/builder");
        b.type("builder-text", "diabetes = true and age(birthday) >= 50");
        b.waitUntil("the tree", () -> b.all("condition").size() == 2);
        b.type("save-name", name);
        WebElement description = b.find("save-description");
        b.type(description, "Diabetics of 50 and over.");
        description.sendKeys(org.openqa.selenium.Keys.ENTER, "Second line: for the foot-care campaign.");
        b.click("save-submit");
        b.waitUntil("the segment page", () -> b.driver().getCurrentUrl().contains("#/segment/seg_"));
        String id = b.driver().getCurrentUrl().replaceAll("^.*#/segment/", "");
        String written = "Diabetics of 50 and over.\nSecond line: for the foot-care campaign.";
        assertThat(saved(s, id).get("description").asString()).isEqualTo(written);
        new SegmentPages(b).settled();
        // shown as written, line break included
        assertThat(b.find("segment-description").getText()).isEqualTo(written);

        // edited in place: the page and the API agree, and a reload shows the new text
        b.click("edit-description");
        assertThat(b.focusedId()).isEqualTo("description-input");
        b.type("description-input", "Diabetics of 50+, foot-care campaign.");
        assertThat(b.text("description-count")).startsWith("37 of 2000 characters");
        b.click("description-save");
        b.waitText("segment-description", "the edited description", t -> t.equals("Diabetics of 50+, foot-care campaign."));
        assertThat(saved(s, id).get("description").asString()).isEqualTo("Diabetics of 50+, foot-care campaign.");
        assertThat(b.focusedId()).isEqualTo("edit-description");
        new SegmentPages(b).open(id);
        assertThat(b.text("segment-description")).isEqualTo("Diabetics of 50+, foot-care campaign.");

        // the server's refusal is shown at the field, and nothing changes
        b.click("edit-description");
        b.script("arguments[0].value = 'z'.repeat(2001);", b.find("description-input"));
        b.click("description-save");
        String refusal = b.waitText("description-error", "the refusal", t -> !t.isEmpty());
        assertThat(refusal).isEqualTo(s.api("PUT", "/api/segments/" + id, "editor", Map.of("description", "z".repeat(2001)))
                .json().get("error").asString());
        assertThat(b.find("description-input").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(saved(s, id).get("description").asString()).isEqualTo("Diabetics of 50+, foot-care campaign.");
        b.click("description-cancel");
        assertThat(b.text("segment-description")).isEqualTo("Diabetics of 50+, foot-care campaign.");

        // the builder shows the description of the segment it edits, and keeps it when saving
        b.open("#/builder/" + id);
        b.waitUntil("the saved description in the save form",
                () -> "Diabetics of 50+, foot-care campaign.".equals(b.find("save-description").getAttribute("value")));

        // emptied: removed from the segment
        new SegmentPages(b).open(id);
        b.click("edit-description");
        b.type("description-input", "");
        b.click("description-save");
        b.waitText("segment-description-empty", "the empty state", t -> t.equals("No description yet."));
        assertThat(saved(s, id).get("description").isNull()).isTrue();
        assertThat(b.text("edit-description")).isEqualTo("Add a description");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void anAnalystReadsTheDescriptionButCannotEditIt(Browser b, ConsoleServer s) {
        String described = s.api("POST", "/api/segments", "admin", Map.of("name", "Analyst reads " + System.nanoTime(),
                "definition", "copd = true", "description", "COPD patients, for the inhaler review.")).json().get("id").asString();
        String plain = s.api("POST", "/api/segments", "admin", Map.of("name", "Analyst plain " + System.nanoTime(),
                "definition", "asthma = true")).json().get("id").asString();
        b.signIn("analyst");
        new SegmentPages(b).open(described);
        assertThat(b.text("segment-description")).isEqualTo("COPD patients, for the inhaler review.");
        assertThat(b.all("edit-description")).isEmpty();
        new SegmentPages(b).open(plain);
        assertThat(b.all("description-block")).isEmpty();
    }
}
