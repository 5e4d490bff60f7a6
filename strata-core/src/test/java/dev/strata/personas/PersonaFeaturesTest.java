package dev.strata.personas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.MessageParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features read through the language: ladders, missing values, first matching level, standardising. */
class PersonaFeaturesTest {
    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    static Population population(String... lines) throws Exception {
        PopulationBuilder b = new PopulationBuilder(T.toEpochMilli());
        for (String l : lines) b.accept(MessageParser.parse(l, T.toEpochMilli()));
        return b.build();
    }

    static String identify(String user, String traits) {
        return "{\"type\":\"identify\",\"userId\":\"" + user + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"traits\":" + traits + "}";
    }

    static String appOpen(String user, int n, String day) {
        return "{\"type\":\"track\",\"userId\":\"" + user + "\",\"event\":\"App Open\",\"messageId\":\"" + user + "-" + n
                + "\",\"timestamp\":\"" + day + "T12:00:00Z\"}";
    }

    @Test
    void laddersReadTheHighestRungThatHoldsAndCategoriesTheFirstLevel() throws Exception {
        Population p = population(
                identify("a", "{\"birthday\":\"1956-06-01\",\"plan\":\"medicare\",\"attitudes\":{\"prefers_online\":true}}"),
                identify("b", "{\"plan\":\"commercial\"}"),
                appOpen("a", 1, "2026-10-01"), appOpen("a", 2, "2026-10-02"), appOpen("a", 3, "2026-10-03"), appOpen("a", 4, "2026-10-04"),
                appOpen("a", 5, "2025-01-04"));
        Feature.Numeric age = new Feature.Numeric("age", "age(birthday) >= %d", List.of(18, 50, 70, 71), Double.NaN, "older", "younger", false);
        Feature.Numeric opens = new Feature.Numeric("opens", "count(\"App Open\" within 90d) >= %d", List.of(1, 2, 3, 5), 0, "more", "less", true);
        Feature.Categorical plan = new Feature.Categorical("plan", List.of("medicare", "commercial"),
                List.of("plan = \"medicare\"", "plan = \"commercial\""), "unknown");
        Feature.Categorical online = new Feature.Categorical("online", List.of("yes", "no"),
                List.of("attitudes.prefers_online = true", "attitudes.prefers_online = false"), "unknown");
        PersonaFeatures.Table t = PersonaFeatures.extract(ProfileSource.of(p), List.of(age, opens, plan, online));
        int a = t.keys().indexOf("a");
        int b = t.keys().indexOf("b");
        assertThat(t.numeric()[a][0]).isEqualTo(70);      // 70 years old on 2026-11-01: rung 70 holds, 71 does not
        assertThat(t.numeric()[b][0]).isNaN();             // no birthday: missing, not 0
        assertThat(t.numeric()[a][1]).isEqualTo(3);       // 4 opens in 90 days: the highest rung reached is 3
        assertThat(t.numeric()[b][1]).isEqualTo(0);       // no events: the count is 0
        assertThat(plan.levelName(t.categorical()[a][0])).isEqualTo("medicare");
        assertThat(plan.levelName(t.categorical()[b][0])).isEqualTo("commercial");
        assertThat(online.levelName(t.categorical()[a][1])).isEqualTo("yes");
        assertThat(online.levelName(t.categorical()[b][1])).isEqualTo("unknown");

        MixedData z = PersonaFeatures.standardise(t);
        assertThat(z.numeric()[b][0]).isZero();            // a missing value sits at the mean
        assertThat(z.numeric()[a][1]).isEqualTo(-z.numeric()[b][1]); // two values standardise to +s and -s
        assertThat(z.levels()).containsExactly(3, 3);
    }

    @Test
    void theStandardFeaturesAllParse() throws Exception {
        Population p = population(identify("a", "{\"plan\":\"medicaid\"}"));
        PersonaFeatures.Table t = PersonaFeatures.extract(ProfileSource.of(p), PersonaFeatures.standard());
        assertThat(t.numericFeatures()).hasSize(12);
        assertThat(t.categoricalFeatures()).hasSize(6);
        assertThat(t.categoricalFeatures().get(0).levelName(t.categorical()[0][0])).isEqualTo("medicaid");
    }

    @Test
    void generatedProfileIdsMapBackToTheirIndex() {
        assertThat(GeneratedPopulation.profileIndex("p-0000001")).isZero();
        assertThat(GeneratedPopulation.profileIndex("anon-0012345")).isEqualTo(12344);
    }
}
