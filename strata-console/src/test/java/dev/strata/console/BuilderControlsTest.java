package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The builder's controls: operators and suggestions follow /api/schema; conditions move and go. */
@BrowserTest
class BuilderControlsTest {

    @Test
    void operatorsAndSuggestionsFollowTheTypeOfTheField(Browser b, ConsoleServer s) {
        JsonNode schema = s.get("/api/schema").json();
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        ui.add("", "trait");
        ui.type("/conditions/0", "trait-path", "diabetes");
        b.waitUntil("boolean operators", () -> ops(ui).equals(List.of("=", "!=", "is_null", "is_not_null")));
        assertThat(ui.find("/conditions/0", "trait-value").getTagName()).isEqualTo("select");
        b.waitUntil("the text", () -> "diabetes = true".equals(ui.text()));

        ui.type("/conditions/0", "trait-path", "income_band");
        b.waitUntil("number operators", () -> ops(ui).contains("between") && !ops(ui).contains("contains"));

        ui.type("/conditions/0", "trait-path", "plan");
        b.waitUntil("string operators", () -> ops(ui).contains("starts_with"));
        WebElement value = ui.find("/conditions/0", "trait-value");
        List<String> suggested = b.driver().findElements(By.cssSelector("#" + value.getAttribute("list") + " option"))
                .stream().map(o -> o.getAttribute("value")).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (JsonNode f : schema.get("traits")) {
            if (f.get("path").asString().equals("plan")) for (JsonNode v : f.get("values")) expected.add(v.get("value").asString());
        }
        assertThat(expected).isNotEmpty();
        assertThat(suggested).isEqualTo(expected);

        // an event's property suggestions come from that event
        ui.add("", "event");
        ui.select("/conditions/1", "event-measure", "sum");
        ui.type("/conditions/1", "event-name", "Step Goal Met");
        WebElement property = ui.find("/conditions/1", "event-property");
        List<String> props = b.driver().findElements(By.cssSelector("#" + property.getAttribute("list") + " option"))
                .stream().map(o -> o.getAttribute("value")).toList();
        assertThat(props).contains("steps");
    }

    private static List<String> ops(BuilderPage ui) {
        return new Select(ui.find("/conditions/0", "trait-op")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    void conditionsMoveAndAreRemoved(Browser b) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        b.type("builder-text", "plan = \"medicare\" and copd = true and not diabetes = true");
        b.waitUntil("three conditions", () -> b.all("condition").size() == 3);

        ui.click("/conditions/0", "cond-down");
        b.waitUntil("the first moved down", () -> ui.text().equals("copd = true and plan = \"medicare\" and not diabetes = true"));
        assertThat(b.focusedId()).isEqualTo("cond-down@/conditions/1");

        ui.click("/conditions/2/condition", "cond-up");
        b.waitUntil("the negated one moved up", () -> ui.text().equals("copd = true and not diabetes = true and plan = \"medicare\""));
        assertThat(b.focusedId()).isEqualTo("cond-up@/conditions/1/condition");

        ui.click("/conditions/0", "cond-remove");
        b.waitUntil("one removed", () -> ui.text().equals("not diabetes = true and plan = \"medicare\""));
        assertThat(b.focusedId()).isEqualTo("add-kind@");

        ui.click("/conditions/0/condition", "cond-remove");
        ui.click("/conditions/0", "cond-remove");
        b.waitUntil("nothing left", () -> ui.text().equals("true"));
        assertThat(b.text("group-empty")).contains("matches everyone");
        ui.select("", "group-mode", "or");
        b.waitUntil("an empty OR", () -> ui.text().equals("false"));
        assertThat(new BuilderPage(b).estimate()).isEqualTo("0");
    }
}
