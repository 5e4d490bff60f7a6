package dev.strata.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The clinical measures in the visual builder: each one typed as text becomes a clinical row
 * and prints back the same; one built by clicking reaches the text form the API gives.
 */
@BrowserTest
class BuilderClinicalTest {
    static final String ALL = "pdc(\"Medication Refill\" where drug_class = \"statin\" within 365d) < 0.8"
            + " and mpr(\"Medication Refill\" within 52w) <= 1.5 and count_days(\"Doctor Visit\" within 365d) >= 2"
            + " and days_since(\"Doctor Visit\") > 30 and no_show_rate(within 365d) < 0.5"
            + " and (screening_due(\"colorectal\") or screening_due(\"breast\") or screening_due(\"cervical\"))";

    @Test
    void everyClinicalMeasureSurvivesTheTree(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        b.type("builder-text", ALL);
        String canonical = BuilderTest.canonical(s, ALL);
        b.waitUntil("the tree", () -> b.all("condition").size() >= 8);
        assertThat(b.all("text-error")).isEmpty();
        assertThat(ui.find("/conditions/0", "clinical-measure").getAttribute("value")).isEqualTo("pdc");
        assertThat(ui.find("/conditions/1", "clinical-days").getAttribute("value")).isEqualTo("364");
        assertThat(ui.find("/conditions/5/conditions/1", "clinical-program").getAttribute("value")).isEqualTo("breast");
        // a change and its undoing print the definition again, from the tree alone
        ui.click("/conditions/3", "cond-not");
        b.waitUntil("the negation", () -> ui.text().contains("not days_since"));
        ui.click("/conditions/3/condition", "cond-not");
        b.waitUntil("the tree's text to be the canonical definition", () -> canonical.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(canonical, "editor").asString());
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void clinicalMeasuresBuiltByClickingMatchTheApi(Browser b, ConsoleServer s) {
        b.signIn("editor");
        b.open("#/builder");
        BuilderPage ui = new BuilderPage(b);
        ui.add("", "clinical");
        ui.select("/conditions/0", "clinical-measure", "mpr");
        ui.type("/conditions/0", "clinical-days", "180");
        ui.select("/conditions/0", "clinical-op", ">=");
        ui.type("/conditions/0", "clinical-value", "0.9");
        ui.add("", "clinical");
        ui.select("/conditions/1", "clinical-measure", "screening_due");
        ui.select("/conditions/1", "clinical-program", "cervical");
        ui.add("", "clinical");
        ui.select("/conditions/2", "clinical-measure", "days_since");
        ui.type("/conditions/2", "clinical-event", "App Open");
        ui.select("/conditions/2", "clinical-op", "<=");
        ui.type("/conditions/2", "clinical-value", "7");

        String canonical = BuilderTest.canonical(s, "mpr(\"Medication Refill\" within 180d) >= 0.9 and screening_due(\"cervical\")"
                + " and days_since(\"App Open\") <= 7");
        b.waitUntil("the text form to show the built definition", () -> canonical.equals(ui.text()));
        assertThat(ui.estimate()).isEqualTo(s.previewSize(canonical, "editor").asString());
        assertThat(b.consoleErrors()).isEmpty();
    }
}
