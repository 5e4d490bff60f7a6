package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NdjsonBufferTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static String text(NdjsonBuffer b) {
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void quotedStringsReadBackUnchanged() {
        String[] samples = {"", "plain", "say \"hi\"", "back\\slash", "tab\there\nnew\rline", "\u0000\u0001\u001f",
                "Cañon City", "Coeur d'Alene", "emoji \uD83D\uDE00", "line\u2028sep\u2029", "\b\f", "</script>"};
        for (String s : samples) {
            String literal = new String(NdjsonBuffer.quoted(s), StandardCharsets.UTF_8);
            assertThat(MAPPER.readTree(literal).asString()).as(literal).isEqualTo(s);
            assertThat(literal.chars().noneMatch(c -> c < 0x20)).as("no raw control characters in %s", literal).isTrue();
        }
    }

    @Test
    void numbersAreWrittenAsJsonNumbers() {
        long[] values = {0, 7, 10, 99, 100, 12345, -1, -100, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            NdjsonBuffer b = new NdjsonBuffer(1);
            b.putLong(v);
            assertThat(text(b)).isEqualTo(Long.toString(v));
        }
        NdjsonBuffer padded = new NdjsonBuffer(1);
        padded.putPadded(42, 7).put(',').putPadded(12_345_678, 7);
        assertThat(text(padded)).isEqualTo("0000042,12345678");
    }

    @Test
    void fixedPointCoordinatesRoundToFourDecimals() {
        double[] values = {34.05, -118.2437, 0.00004, -0.00004, -0.00006, 45.99999, -122.67845, 90};
        String[] expected = {"34.0500", "-118.2437", "0.0000", "0.0000", "-0.0001", "46.0000", "-122.6785", "90.0000"};
        for (int i = 0; i < values.length; i++) {
            NdjsonBuffer b = new NdjsonBuffer(1);
            b.putFixed4(values[i]);
            assertThat(text(b)).as("%s", values[i]).isEqualTo(expected[i]);
            assertThat(MAPPER.readTree(text(b)).isNumber()).isTrue();
        }
    }

    @Test
    void timestampsAndDatesMatchJavaTime() {
        SplittableRandom rng = new SplittableRandom(7);
        NdjsonBuffer b = new NdjsonBuffer(16);
        for (int i = 0; i < 20_000; i++) {
            // 1900-01-01 .. 2100-01-01
            long sec = rng.nextLong(-2_208_988_800L, 4_102_444_800L);
            b.clear();
            b.putTimestamp(sec);
            assertThat(text(b)).isEqualTo('"' + Instant.ofEpochSecond(sec).toString() + '"');
            long day = Math.floorDiv(sec, 86_400L);
            b.clear();
            b.putDate(day);
            assertThat(text(b)).isEqualTo('"' + LocalDate.ofEpochDay(day).toString() + '"');
        }
    }

    @Test
    void repeatCopiesALineAndTheBufferGrows() {
        NdjsonBuffer b = new NdjsonBuffer(1);
        b.put(NdjsonBuffer.ascii("{\"a\":1}\n"));
        b.repeat(0, b.length());
        for (int i = 0; i < 1000; i++) {
            b.putLong(i);
        }
        assertThat(text(b)).startsWith("{\"a\":1}\n{\"a\":1}\n0123");
    }
}
