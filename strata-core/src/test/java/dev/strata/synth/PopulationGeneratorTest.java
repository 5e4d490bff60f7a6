package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Determinism, options, the summary and the volume knob. */
class PopulationGeneratorTest {

    private static byte[] generate(PopulationGenerator.Options options, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationGenerator.write(options, out, done -> { }, threads);
        return out.toByteArray();
    }

    @Test
    void sameOptionsGiveIdenticalBytesWhateverTheThreadCount() throws IOException {
        // 700 profiles span three blocks, the last one partial.
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(700).withEventsPerProfile(20);
        byte[] one = generate(options, 1);
        assertThat(one.length).isGreaterThan(100_000);
        assertThat(generate(options, 2)).isEqualTo(one);
        assertThat(generate(options, 3)).isEqualTo(one);
    }

    @Test
    void aPrefixOfTheProfilesIsAPrefixOfTheOutput() throws IOException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(300).withEventsPerProfile(20);
        byte[] all = generate(options, 2);
        byte[] fewer = generate(new PopulationGenerator.Options(100, options.seed(), options.end(), 20), 2);
        assertThat(fewer.length).isLessThan(all.length);
        assertThat(java.util.Arrays.copyOf(all, fewer.length)).isEqualTo(fewer);
    }

    @Test
    void anotherSeedOrEndGivesAnotherPopulation() throws IOException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(200).withEventsPerProfile(20);
        byte[] base = generate(options, 2);
        assertThat(generate(options.withSeed(43), 2)).isNotEqualTo(base);
        byte[] earlier = generate(options.withEnd(Instant.parse("2020-03-01T00:00:00Z")), 2);
        assertThat(new String(earlier, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"timestamp\":\"2024-");
    }

    @Test
    void progressIsReportedUpToTheProfileCount() throws IOException {
        List<Long> progress = new ArrayList<>();
        PopulationGenerator.write(PopulationGenerator.Options.defaults(600).withEventsPerProfile(5),
                new ByteArrayOutputStream(), progress::add, 2);
        assertThat(progress).isSorted().last().isEqualTo(600L);
        assertThat(progress).hasSize((600 + PopulationGenerator.BLOCK_PROFILES - 1) / PopulationGenerator.BLOCK_PROFILES);
        // Heavier profiles go in smaller blocks, so progress comes more often.
        List<Long> heavy = new ArrayList<>();
        PopulationGenerator.write(PopulationGenerator.Options.defaults(30).withEventsPerProfile(2_000),
                java.io.OutputStream.nullOutputStream(), heavy::add, 2);
        assertThat(heavy).hasSize(5).last().isEqualTo(30L);
    }

    @Test
    void zeroProfilesWriteNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationGenerator.Summary s = PopulationGenerator.write(PopulationGenerator.Options.defaults(0), out);
        assertThat(out.size()).isZero();
        assertThat(s.messages()).isZero();
        assertThat(s.latentSegmentCounts()).containsOnlyKeys("Compliant and content", "Sick but savvy",
                "Onboard and online", "Shop while saving", "Out and about", "Cautious but casual");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        PopulationGenerator.Options d = PopulationGenerator.Options.defaults(10);
        assertThat(d).isEqualTo(new PopulationGenerator.Options(10, 42, Instant.parse("2026-11-01T00:00:00Z"), 50));
    }

    @Test
    void badOptionsAreRejectedNamingTheValue() {
        Instant end = PopulationGenerator.DEFAULT_END;
        assertThatThrownBy(() -> new PopulationGenerator.Options(-1, 1, end, 50)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new PopulationGenerator.Options(1, 1, end, 0)).hasMessageContaining("eventsPerProfile");
        assertThatThrownBy(() -> new PopulationGenerator.Options(1, 1, end, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new PopulationGenerator.Options(1, 1, null, 50)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void latentSegmentSharesMatchTheSurvey() throws IOException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(20_000).withEventsPerProfile(2);
        PopulationGenerator.Summary s = PopulationGenerator.write(options, java.io.OutputStream.nullOutputStream());
        Map<String, Long> counts = s.latentSegmentCounts();
        for (LatentSegment segment : LatentSegment.values()) {
            double share = counts.get(segment.displayName()) / 20_000.0;
            assertThat(share).as(segment.displayName()).isBetween(segment.share() - 0.015, segment.share() + 0.015);
        }
        assertThat(counts.get("Cautious but casual")).isBetween(6_500L, 7_100L);
        // The summary and the per-profile ground truth agree.
        long casual = 0;
        for (int i = 0; i < options.profiles(); i++) {
            casual += PopulationGenerator.latentSegment(options, i) == LatentSegment.CAUTIOUS_BUT_CASUAL ? 1 : 0;
        }
        assertThat(casual).isEqualTo(counts.get("Cautious but casual"));
    }

    @Test
    void meanEventsFollowTheTargetAcrossVolumes() throws IOException {
        for (double target : new double[] {10, 120}) {
            PopulationGenerator.Options options = PopulationGenerator.Options.defaults(3_000).withEventsPerProfile(target);
            PopulationGenerator.Summary s = PopulationGenerator.write(options, java.io.OutputStream.nullOutputStream());
            assertThat(s.eventsPerProfile()).as("target %s", target).isBetween(0.9 * target, 1.1 * target);
        }
    }

    @Test
    void profileIdTellsAnonymousProfilesApart() throws IOException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(400).withEventsPerProfile(5);
        String text = new String(generate(options, 1), java.nio.charset.StandardCharsets.UTF_8);
        int anonymous = 0;
        for (int i = 0; i < options.profiles(); i++) {
            String id = PopulationGenerator.profileId(options, i);
            assertThat(text).contains("Id\":\"" + id + "\"");
            anonymous += id.startsWith("anon-") ? 1 : 0;
        }
        assertThat(anonymous).isLessThan(20);
        assertThat(PopulationGenerator.profileId(options, 0)).endsWith("-0000001");
    }
}
