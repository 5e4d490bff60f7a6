package dev.strata.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.lang.ScreeningProgram;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScorecardRulesReaderTest {

    @Test
    void theDefaultsHaveFourChannelsFiveSignalsThreeAdherenceMeasuresAndThreeScreenings() {
        ScorecardRules rules = ScorecardRulesReader.defaults();
        assertThat(rules.channels()).extracting(ScorecardRules.Channel::name).containsExactly("email", "sms", "push", "mail");
        assertThat(rules.engagement()).hasSize(5);
        assertThat(rules.engagementWeight()).isEqualTo(100);
        assertThat(rules.rates()).extracting(ScorecardRules.Rate::name)
                .containsExactly("statins", "ras_antagonists", "diabetes", "colorectal", "breast", "cervical");
        assertThat(SegmentPrinter.print(rules.channels().get(0).reachable())).isEqualTo("email is not null and consent.email = true");
    }

    @Test
    void adherenceIsEligibleWithAMeasureAndCountedAtTheThreshold() {
        ScorecardRules.Rate statins = ScorecardRulesReader.defaults().rates().get(0);
        String measure = "pdc(\"Medication Refill\" where drug_class = \"statin\" within 365d)";
        assertThat(statins.kind()).isEqualTo(ScorecardRules.RateKind.ADHERENCE);
        assertThat(statins.eligible()).isEqualTo(SegmentParser.parse(measure + " >= 0"));
        assertThat(statins.counted()).isEqualTo(SegmentParser.parse(measure + " >= 0.8"));
    }

    @Test
    void aScreeningIsDueAmongThoseItsProgramAppliesTo() {
        ScorecardRules.Rate breast = ScorecardRulesReader.defaults().rates().get(4);
        assertThat(breast.kind()).isEqualTo(ScorecardRules.RateKind.SCREENING);
        assertThat(SegmentPrinter.print(breast.eligible()))
                .isEqualTo("gender = \"female\" and age(birthday) >= 50 and age(birthday) <= 74");
        assertThat(breast.counted()).isEqualTo(ScreeningProgram.BREAST.expansion());
    }

    @Test
    void theExampleFileIsTheDefaults() throws IOException {
        Path example = Path.of("..", "examples", "scorecard-rules.json");
        assertThat(ScorecardRulesReader.read(Files.readString(example), example.toString())).isEqualTo(ScorecardRulesReader.defaults());
    }

    @Test
    void aBadConditionIsReportedWithItsEntryLineAndColumn() {
        assertThatThrownBy(() -> ScorecardRulesReader.read("""
                {"channels": [{"name": "email", "reachable": "email is not null and"}]}""", "rules.json"))
                .hasMessageStartingWith("rules.json: channels[0].reachable line 1, column 22: ");
    }

    @Test
    void otherMistakesNameTheEntry() {
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"screening\": [{\"name\": \"lung\", \"program\": \"lung\"}]}", "r"))
                .hasMessage("r: screening[0].program must be \"colorectal\", \"breast\" or \"cervical\", got \"lung\"");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"engagement\": [{\"name\": \"a\", \"weight\": 0, \"when\": \"true\"}]}", "r"))
                .hasMessage("r: engagement[0].weight must be a positive number, got 0.0");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"adherence\": [{\"name\": \"a\", \"measure\": \"pdc(\\\"X\\\" within 30d)\", \"threshold\": 80}]}", "r"))
                .hasMessage("r: adherence[0].threshold must be above 0 and at most 1, got 80.0");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"channels\": [{\"name\": \"a\", \"reachable\": \"true\"}, {\"name\": \"a\", \"reachable\": \"false\"}]}", "r"))
                .hasMessage("r: channels[1].name \"a\" is used twice in channels");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"adherence\": [{\"name\": \"breast\", \"measure\": \"pdc(\\\"X\\\" within 30d)\", "
                + "\"threshold\": 0.8}], \"screening\": [{\"name\": \"breast\", \"program\": \"breast\"}]}", "r"))
                .hasMessage("r: screening[0].name \"breast\" is used twice in adherence and screening (both name rates)");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"channels\": [{\"name\": \"E-mail\", \"reachable\": \"true\"}]}", "r"))
                .hasMessageContaining("channels[0].name must be lower case");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{\"channels\": [", "r")).hasMessageStartingWith("r: not JSON: ");
        assertThatThrownBy(() -> ScorecardRulesReader.read("{}", "r")).hasMessageContaining("no channels");
    }
}
