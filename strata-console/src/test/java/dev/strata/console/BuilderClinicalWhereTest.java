package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The where-filter of the clinical measures on events (pdc, mpr, count_days, days_since): built,
 * changed and removed by clicking, with the same property and value suggestions as a did/count
 * filter, printing the text the API gives; and written as text, read into the tree and printed back.
 */
@BrowserTest
class BuilderClinicalWhereTest {
    static final String FILTERED = "pdc(\"Medication Refill\" where (drug_class = \"statin\" or not days_supply < 30) within 365d) < 0.8"
            + " and mpr(\"Medication Refill\" where drug_class in (\"insulin\", \"metformin\") within 26w) >= 0.5"
            + " and count_days(\"Doctor Visit\" where visit_type = \"wellness\" within 365d) >= 1"
            + " and not days_since(\"Doctor Visit\" where (specialty = \"cardiology\" and visit_type != \"sick\")) <= 90";

    @Test
    void aClinicalFilterIsBuiltEditedAndRemovedByClicking(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        ui.add("", "clinical"); // pdc of Medication Refill over 365 days
        ui.click("/conditions/0", "where-add");
        String first = "/conditions/0/where/conditions/0";
        assertThat(suggestions(b, ui.find(first, "trait-path"))).containsExactlyInAnyOrderElementsOf(propertiesOf(s, "Medication Refill"));
        ui.type(first, "trait-path", "drug_class");
        assertThat(suggestions(b, ui.find(first, "trait-value")))
                .isNotEmpty().containsExactlyElementsOf(valuesOf(s, "Medication Refill", "drug_class"));
        ui.type(first, "trait-value", "statin");
        ui.add("/conditions/0/where", "trait");
        String second = "/conditions/0/where/conditions/1";
        ui.type(second, "trait-path", "days_supply");
        ui.select(second, "trait-op", ">=");
        ui.type(second, "trait-value", "30");
        String both = BuilderTest.canonical(s, "pdc(\"Medication Refill\" where (drug_class = \"statin\" and days_supply >= 30) within 365d) < 0.8");
        b.waitUntil("the filter with two conditions in the text", () -> both.equals(ui.text()));

        // the second condition removed, then a count_days of wellness visits with its own filter
        ui.click(second, "cond-remove");
        ui.add("", "clinical");
        ui.select("/conditions/1", "clinical-measure", "count_days");
        ui.type("/conditions/1", "clinical-event", "Doctor Visit");
        ui.select("/conditions/1", "clinical-op", ">=");
        ui.click("/conditions/1", "where-add");
        String visit = "/conditions/1/where/conditions/0";
        assertThat(suggestions(b, ui.find(visit, "trait-path"))).containsExactlyInAnyOrderElementsOf(propertiesOf(s, "Doctor Visit"));
        ui.type(visit, "trait-path", "visit_type");
        ui.select(visit, "trait-op", "in");
        ui.type(visit, "trait-values", "wellness, follow_up");
        ui.type("/conditions/1", "clinical-value", "2");
        String built = BuilderTest.canonical(s, "pdc(\"Medication Refill\" where drug_class = \"statin\" within 365d) < 0.8"
                + " and count_days(\"Doctor Visit\" where visit_type in (\"wellness\", \"follow_up\") within 365d) >= 2");
        b.waitUntil("the text form to show the built definition", () -> built.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(built, "editor").asString());

        // switching the measure keeps the filter; removing the filter drops it from the text
        ui.select("/conditions/1", "clinical-measure", "days_since");
        String since = BuilderTest.canonical(s, "pdc(\"Medication Refill\" where drug_class = \"statin\" within 365d) < 0.8"
                + " and days_since(\"Doctor Visit\" where visit_type in (\"wellness\", \"follow_up\")) >= 2");
        b.waitUntil("days_since with the kept filter", () -> since.equals(ui.text()));
        ui.click("/conditions/0/where", "where-remove");
        String unfiltered = BuilderTest.canonical(s, "pdc(\"Medication Refill\" within 365d) < 0.8"
                + " and days_since(\"Doctor Visit\" where visit_type in (\"wellness\", \"follow_up\")) >= 2");
        b.waitUntil("the pdc without its filter", () -> unfiltered.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(unfiltered, "editor").asString());
        assertThat(b.all("where-add")).hasSize(1); // pdc offers a filter again; the filtered row does not
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void clinicalFiltersWrittenAsTextAreEditableAndPrintBackTheSame(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        b.type("builder-text", FILTERED);
        String canonical = BuilderTest.canonical(s, FILTERED);
        b.waitUntil("the tree", () -> b.all("where-editor").size() == 4);
        assertThat(b.all("text-error")).isEmpty();
        assertThat(ui.find("/conditions/0/where/conditions/1/condition", "trait-path").getAttribute("value")).isEqualTo("days_supply");
        assertThat(ui.find("/conditions/1/where/conditions/0", "trait-values").getAttribute("value")).isEqualTo("insulin, metformin");
        assertThat(ui.find("/conditions/3/condition/where/conditions/1", "trait-op").getAttribute("value")).isEqualTo("!=");
        // an edit inside a filter and its undoing print the definition again, from the tree alone
        ui.type("/conditions/2/where/conditions/0", "trait-value", "sick");
        b.waitUntil("the edited filter", () -> ui.text().contains("visit_type = \"sick\""));
        ui.type("/conditions/2/where/conditions/0", "trait-value", "wellness");
        b.waitUntil("the tree's text to be the canonical definition", () -> canonical.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(canonical, "editor").asString());
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** The options of the datalist an input suggests from. */
    static List<String> suggestions(Browser b, WebElement input) {
        String id = input.getAttribute("list");
        assertThat(id).as("the input's suggestion list").isNotBlank();
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) b.script(
                "return [...document.getElementById(arguments[0]).options].map(o => o.value);", id);
        return values;
    }

    static List<String> propertiesOf(ConsoleServer s, String event) {
        List<String> paths = new ArrayList<>();
        for (JsonNode p : eventOf(s, event).get("properties")) paths.add(p.get("path").asString());
        assertThat(paths).as("properties of %s in the schema", event).isNotEmpty();
        return paths;
    }

    static List<String> valuesOf(ConsoleServer s, String event, String property) {
        List<String> values = new ArrayList<>();
        for (JsonNode p : eventOf(s, event).get("properties")) {
            if (p.get("path").asString().equals(property) && p.has("values")) {
                for (JsonNode v : p.get("values")) values.add(v.get("value").asString());
            }
        }
        return values;
    }

    private static JsonNode eventOf(ConsoleServer s, String event) {
        for (JsonNode e : s.get("/api/schema").json().get("events")) {
            if (e.get("name").asString().equals(event)) return e;
        }
        throw new AssertionError("no event " + event + " in the schema");
    }
}
