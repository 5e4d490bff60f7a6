package dev.strata.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * PDC on the Synthea fixture: its MedicationRequests state no supply, so every fill gets the
 * default days supply, which is what makes the measure computable at all.
 */
class SyntheaAdherenceTest {
    /** Synthea's reference date for the fixture. */
    static final long T = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static List<Message> messages = new ArrayList<>();
    static SegmentEngine engine;

    @BeforeAll
    static void importFixture() throws IOException {
        new FhirImport().importPaths(List.of(SyntheaImportTest.DIR), messages::add);
        PopulationBuilder b = new PopulationBuilder(T);
        messages.forEach(b::accept);
        engine = new SegmentEngine(b.build()).at(T);
    }

    private static Set<String> who(String definition) {
        RoaringBitmap users = engine.evaluate(SegmentParser.parse(definition), Map.of());
        Population p = engine.population();
        Set<String> ids = new TreeSet<>();
        users.forEach((int u) -> ids.add(p.userId(u)));
        return ids;
    }

    @Test
    void everyRefillCarriesASupplyAndItsSource() {
        List<Message> refills = messages.stream().filter(m -> "Medication Refill".equals(m.event())).toList();
        assertThat(refills).isNotEmpty().allSatisfy(m -> {
            assertThat(Fixtures.num(m.properties(), "days_supply")).isPositive();
            assertThat(Fixtures.str(m.properties(), "days_supply_source")).isIn("stated", "quantity_and_dosage", "default");
        });
    }

    @Test
    void pdcIsDefinedForExactlyThePatientsWithTwoFillsInTheWindow() {
        Set<String> eligible = who("pdc(\"Medication Refill\" within 1825d) >= 0");
        assertThat(eligible).isNotEmpty();
        assertThat(eligible).isEqualTo(who("count(\"Medication Refill\" within 1825d) >= 2"));
        // defined means a proportion: every eligible patient is on one side of 0.8 or the other
        Set<String> split = new TreeSet<>(who("pdc(\"Medication Refill\" within 1825d) < 0.8"));
        split.addAll(who("pdc(\"Medication Refill\" within 1825d) >= 0.8"));
        assertThat(split).isEqualTo(eligible);
        assertThat(who("pdc(\"Medication Refill\" within 1825d) > 1")).isEmpty();
    }

    @Test
    void pdcByDrugClass() {
        Set<String> insulin = who("pdc(\"Medication Refill\" where drug_class = \"insulin\" within 1825d) >= 0");
        assertThat(insulin).isNotEmpty();
        assertThat(insulin).isEqualTo(who("count(\"Medication Refill\" where drug_class = \"insulin\" within 1825d) >= 2"));
    }
}
