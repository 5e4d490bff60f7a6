package dev.strata.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimestampRuleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static TimestampRule rule(String format, ZoneId zone) {
        boolean named = format.equals("iso") || format.startsWith("epoch_");
        return new TimestampRule("t", format, named ? null : DateTimeFormatter.ofPattern(format, Locale.ROOT), zone);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void isoWithAndWithoutOffsets() {
        TimestampRule iso = rule("iso", NEW_YORK);
        assertThat(iso.parse("2026-07-01T12:00:00Z")).isEqualTo(at("2026-07-01T12:00:00Z"));
        assertThat(iso.parse("2026-07-01T12:00:00.250+02:00")).isEqualTo(at("2026-07-01T10:00:00.250Z"));
        // no offset: New York's summer time, UTC-4
        assertThat(iso.parse("2026-07-01T12:00:00")).isEqualTo(at("2026-07-01T16:00:00Z"));
        assertThat(iso.parse(" 2026-01-01 ")).isEqualTo(at("2026-01-01T05:00:00Z"));
        assertThatThrownBy(() -> iso.parse("2026-02-30")).isInstanceOf(DateTimeException.class)
                .hasMessage("timestamp '2026-02-30' does not match the format 'iso'");
    }

    @Test
    void patternsWithAnOffsetATimeOrOnlyADate() {
        assertThat(rule("yyyy-MM-dd HH:mm:ssXXX", NEW_YORK).parse("2026-07-01 12:00:00-07:00")).isEqualTo(at("2026-07-01T19:00:00Z"));
        assertThat(rule("dd.MM.yyyy HH:mm", ZoneId.of("Europe/Paris")).parse("15.01.2026 09:30")).isEqualTo(at("2026-01-15T08:30:00Z"));
        assertThat(rule("yyyyMMdd", ZoneOffset.UTC).parse("20260115")).isEqualTo(at("2026-01-15T00:00:00Z"));
        assertThatThrownBy(() -> rule("HH:mm", ZoneOffset.UTC).parse("09:30")).isInstanceOf(DateTimeException.class)
                .hasMessage("timestamp '09:30' does not match the format 'HH:mm'");
        assertThatThrownBy(() -> rule("yyyyMMdd", ZoneOffset.UTC).parse("2026-01-15")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void epochSecondsAndMillis() {
        assertThat(rule("epoch_seconds", ZoneOffset.UTC).parse("1767225600")).isEqualTo(at("2026-01-01T00:00:00Z"));
        assertThat(rule("epoch_millis", ZoneOffset.UTC).parse("1767225600001")).isEqualTo(at("2026-01-01T00:00:00.001Z"));
        assertThatThrownBy(() -> rule("epoch_seconds", ZoneOffset.UTC).parse("1.5e9")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> rule("epoch_seconds", ZoneOffset.UTC).parse("99999999999999999")).isInstanceOf(DateTimeException.class);
    }
}
