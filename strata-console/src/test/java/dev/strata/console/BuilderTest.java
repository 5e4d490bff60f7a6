package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The visual builder, driven only by clicks and typing: a nested definition built in the tree
 * reaches the text form and the size the API gives; a definition typed as text becomes the tree;
 * a syntax error shows where it is; the segment saved appears in the API's list.
 */
@BrowserTest
class BuilderTest {
    static final String NESTED = "(gender = \"female\" or plan = \"medicare\") and not did \"App Open\" within 30d"
            + " and count(\"Medication Refill\" where drug_class = \"statin\" within 90d) >= 2";

    @Test
    void aNestedDefinitionBuiltByClickingMatchesTheApi(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);

        // an OR group inside the root AND
        ui.add("", "group");
        ui.select("/conditions/0", "group-mode", "or");
        ui.add("/conditions/0", "trait");
        ui.type("/conditions/0/conditions/0", "trait-path", "gender");
        ui.type("/conditions/0/conditions/0", "trait-value", "female");
        ui.add("/conditions/0", "trait");
        ui.type("/conditions/0/conditions/1", "trait-path", "plan");
        ui.type("/conditions/0/conditions/1", "trait-value", "medicare");

        // NOT did "App Open" within 30d
        ui.add("", "event");
        ui.type("/conditions/1", "event-name", "App Open");
        ui.select("/conditions/1", "window-type", "within");
        ui.type("/conditions/1/window", "window-amount", "30");
        ui.click("/conditions/1", "cond-not");

        // count of refills with a where-filter and a window
        ui.add("", "event");
        ui.select("/conditions/2", "event-measure", "count");
        ui.type("/conditions/2", "event-name", "Medication Refill");
        ui.click("/conditions/2", "where-add");
        ui.type("/conditions/2/where/conditions/0", "trait-path", "drug_class");
        ui.type("/conditions/2/where/conditions/0", "trait-value", "statin");
        ui.select("/conditions/2", "window-type", "within");
        ui.type("/conditions/2/window", "window-amount", "90");
        ui.select("/conditions/2", "event-op", ">=");
        ui.type("/conditions/2", "event-value", "2");

        String canonical = canonical(s, NESTED);
        b.waitUntil("the text form to show the built definition", () -> canonical.equals(ui.text()));
        JsonNode expected = s.previewSize(canonical, "editor");
        assertThat(expected.isNumber()).as("the API's size %s", expected).isTrue();
        assertThat(ui.estimate()).isEqualTo(expected.asString());
        assertThat(b.find("estimate-detail").getText()).startsWith("Exact count");

        // save it and find it through the API
        String name = "Nested from the builder " + System.nanoTime();
        b.type("save-name", name);
        b.select("save-kind", "dynamic");
        b.click("save-submit");
        b.waitUntil("the segment page after saving", () -> b.driver().getCurrentUrl().contains("#/segment/seg_"));
        JsonNode saved = null;
        for (JsonNode seg : s.get("/api/segments").json().get("segments")) if (seg.get("name").asString().equals(name)) saved = seg;
        assertThat(saved).as("the saved segment in GET /api/segments").isNotNull();
        assertThat(saved.get("definition").asString()).isEqualTo(canonical);
        assertThat(saved.get("kind").asString()).isEqualTo("dynamic");
        assertThat(saved.get("size").asString()).isEqualTo(expected.asString());
        assertThat(b.driver().getCurrentUrl()).endsWith("#/segment/" + saved.get("id").asString());
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aDefinitionTypedAsTextBecomesTheTree(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        String typed = "age(birthday) >= 65 and (diabetes = true or near(address, 34.05, -118.24, 500 km))"
                + " and sum(\"Step Goal Met\".steps between 365d ago and 30d ago) > 1000";
        b.type("builder-text", typed);

        WebElement age = ui.find("/conditions/0", "age-value");
        b.waitUntil("the age condition", () -> "65".equals(ui.find("/conditions/0", "age-value").getAttribute("value")));
        assertThat(age.isDisplayed()).isTrue();
        assertThat(ui.find("/conditions/1", "group-mode").getAttribute("value")).isEqualTo("or");
        assertThat(ui.find("/conditions/1/conditions/0", "trait-path").getAttribute("value")).isEqualTo("diabetes");
        assertThat(ui.find("/conditions/1/conditions/1", "near-lat").getAttribute("value")).isEqualTo("34.05");
        assertThat(ui.find("/conditions/1/conditions/1", "near-radius").getAttribute("value")).isEqualTo("500");
        assertThat(ui.find("/conditions/2", "event-measure").getAttribute("value")).isEqualTo("sum");
        assertThat(ui.find("/conditions/2", "event-property").getAttribute("value")).isEqualTo("steps");
        assertThat(ui.find("/conditions/2", "window-type").getAttribute("value")).isEqualTo("ago");
        assertThat(ui.find("/conditions/2/window", "window-from-amount").getAttribute("value")).isEqualTo("365");
        assertThat(ui.find("/conditions/2/window", "window-to-amount").getAttribute("value")).isEqualTo("30");

        assertThat(ui.estimate()).isEqualTo(s.previewSize(typed, "editor").asString());
        // the typed text stays as typed while it is being edited (the caret does not jump)
        assertThat(ui.text()).isEqualTo(typed);
    }

    @Test
    void aSyntaxErrorShowsItsLineAndColumnAndKeepsTheTree(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        b.type("builder-text", "gender = \"female\"");
        b.waitUntil("the trait condition", () -> "gender".equals(ui.find("/conditions/0", "trait-path").getAttribute("value")));

        String broken = "gender = \"female\" and\n  age(birthday) >=";
        WebElement text = b.find("builder-text");
        text.sendKeys(" and", Keys.ENTER, "  age(birthday) >=");
        assertThat(ui.text()).isEqualTo(broken);
        JsonNode error = s.api("POST", "/api/language/parse", "editor", Map.of("text", broken)).json();
        String where = "Line " + error.get("line").asInt() + ", column " + error.get("column").asInt();

        String shown = b.waitText("text-error", where, t -> t.startsWith(where));
        assertThat(shown).contains(error.get("error").asString());
        WebElement mark = b.find("text-error-mark");
        assertThat(mark.getAttribute("data-line")).isEqualTo(error.get("line").asString());
        assertThat(mark.getAttribute("data-column")).isEqualTo(error.get("column").asString());
        assertThat(b.find("builder-estimate").getAttribute("data-size")).isEmpty();
        // the tree still holds the last definition that could be read
        assertThat(ui.find("/conditions/0", "trait-value").getAttribute("value")).isEqualTo("female");
        assertThat(b.all("condition")).hasSize(1);

        // fixing the text clears the error and extends the tree
        text.sendKeys(" 65");
        b.waitUntil("the error to go", () -> b.all("text-error").isEmpty());
        b.waitUntil("the age condition", () -> b.all("condition").size() == 2);
    }

    @Test
    void anAnalystPreviewsButCannotSave(Browser b, ConsoleServer s) {
        b.signIn("analyst");
        b.open("#/builder");
        assertThat(b.text("save-disabled")).contains("needs an editor or admin token");
        assertThat(b.all("save-submit")).isEmpty();
        String definition = "plan = \"medicaid\" and income_band <= 2";
        b.type("builder-text", definition);
        BuilderPage ui = new BuilderPage(b);
        b.waitUntil("the tree", () -> b.all("condition").size() == 2);
        assertThat(ui.estimate()).isEqualTo(s.previewSize(definition, "analyst").asString());
    }

    /** Every kind of condition, operator, measure and window of the language. */
    static final String EVERYTHING = String.join(" and ",
            "plan = \"medicare\"", "gender != \"male\"", "income_band < 3", "chronic_conditions >= 1",
            "education in (\"bachelors\", \"graduate\")", "plan not in (\"uninsured\")", "attitudes.trust between 2 and 5",
            "copd is not null", "`asthma` is not null", "address.city contains \"an\"", "address.zip starts_with \"9\"",
            "address.state ends_with \"A\"", "diabetes = true", "age(birthday) <= 90", "context.device.type = \"mobile\"",
            "(did \"App Open\" within 12h or did \"Doctor Visit\" where (specialty = \"cardiology\" or not visit_type = \"sick\") within 2w)",
            "count(\"Appointment Booked\" between 365d ago and 7d ago) > 0",
            "not sum(\"Step Goal Met\".steps from 2020-01-01 to 2030-01-01T00:00:00Z) < -1",
            "avg(\"Survey Answered\".score where survey = \"nps\") >= 0", "min(\"Medication Refill\".days_supply) >= 1",
            "max(\"Medication Refill\".days_supply where age(filled_on) < 200) != 7",
            "near(address, 34.05, -118.24, 5000 km)", "in segment \"Seniors\"");

    @Test
    void everyKindOfConditionSurvivesTheTree(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        b.type("builder-text", EVERYTHING);
        String canonical = canonical(s, EVERYTHING);
        b.waitUntil("the tree", () -> b.all("condition").size() >= 20);
        assertThat(b.all("text-error")).isEmpty();
        // a change and its undoing in the tree print the definition again, from the tree alone
        ui.click("/conditions/0", "cond-not");
        b.waitUntil("the negation", () -> ui.text().startsWith("not plan"));
        ui.click("/conditions/0/condition", "cond-not");
        b.waitUntil("the tree's text to be the canonical definition", () -> canonical.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(canonical, "editor").asString());
    }

    @Test
    void savingUnderATakenNameIsRefusedAtTheNameFieldAndEditingUpdates(Browser b, ConsoleServer s) {
        String taken = "Taken name " + System.nanoTime();
        String id = s.api("POST", "/api/segments", "admin", Map.of("name", taken, "definition", "diabetes = true")).json().get("id").asString();
        b.signIn("editor");
        b.open("#/builder");
        b.type("builder-text", "copd = true");
        b.waitUntil("the tree", () -> b.all("condition").size() == 1);
        b.click("save-submit");
        assertThat(b.text("save-name-error")).isEqualTo("Give the segment a name.");
        assertThat(b.focusedId()).isEqualTo("save-name");
        b.type("save-name", taken);
        b.click("save-submit");
        b.waitText("save-name-error", "the conflict", t -> t.contains("exists already"));
        assertThat(b.find("save-name").getAttribute("aria-invalid")).isEqualTo("true");

        b.open("#/builder/" + id);
        b.waitUntil("the saved definition", () -> "diabetes = true".equals(new BuilderPage(b).text()));
        new BuilderPage(b).type("/conditions/0", "trait-path", "hypertension");
        b.waitUntil("the text to follow", () -> "hypertension = true".equals(new BuilderPage(b).text()));
        b.click("save-submit");
        b.waitUntil("the segment page", () -> b.driver().getCurrentUrl().endsWith("#/segment/" + id));
        JsonNode saved = s.get("/api/segments/" + id).json();
        assertThat(saved.get("definition").asString()).isEqualTo("hypertension = true");
        assertThat(saved.get("name").asString()).isEqualTo(taken);
    }

    static String canonical(ConsoleServer s, String definition) {
        ConsoleServer.Response r = s.api("POST", "/api/language/parse", "editor", Map.of("text", definition));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("text").asString();
    }
}
