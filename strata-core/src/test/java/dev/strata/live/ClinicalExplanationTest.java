package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a profile's explanation says about the clinical measures: the figures behind each answer. */
class ClinicalExplanationTest {
    static final long T = ms("2026-11-01T12:00:00Z");

    static long ms(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private static Message refill(String id, String at, int days) {
        return Message.track("u", id, ms(at), "Medication Refill", new Json.Obj(Map.of("days_supply", Json.num(days))), null);
    }

    @Test
    void pdcShowsItsFillsPeriodAndCoveredDays() {
        List<Message> messages = List.of(refill("a", "2026-10-03T09:00:00Z", 10), refill("b", "2026-10-08T09:00:00Z", 10));
        Explanation.Node n = ProfileExplainer.explain(SegmentParser.parse("pdc(\"Medication Refill\" within 30d) >= 0.8"),
                EveryInterpreter.live(messages, "u", T), T, null);
        assertThat(n.holds()).isFalse();
        assertThat(n.facts()).containsEntry("fills", 2L).containsEntry("eligible", true).containsEntry("periodDays", 30L)
                .containsEntry("coveredDays", 20L).containsEntry("suppliedDays", 20L).containsEntry("pdc", 20.0 / 30)
                .containsEntry("windowFrom", "2026-10-03T00:00:00Z");
    }

    @Test
    void screeningDueExplainsItsDefinitionAndDaysSinceItsCount() {
        List<Message> messages = List.of(
                Message.identify("u", "i", ms("2020-01-01T00:00:00Z"), new Json.Obj(Map.of("gender", Json.str("female"), "birthday", Json.str("1970-05-01"))), null),
                Message.track("u", "v", ms("2026-10-02T09:00:00Z"), "Doctor Visit", Json.Obj.EMPTY, null));
        LiveProfile p = EveryInterpreter.live(messages, "u", T);
        Explanation.Node due = ProfileExplainer.explain(SegmentParser.parse("screening_due(\"breast\")"), p, T, null);
        assertThat(due.holds()).isTrue();
        assertThat(due.children()).hasSize(1);
        assertThat(due.children().get(0).condition()).startsWith("gender = \"female\" and age(birthday) >= 50");
        Explanation.Node since = ProfileExplainer.explain(SegmentParser.parse("days_since(\"Doctor Visit\") > 30"), p, T, null);
        assertThat(since.holds()).isFalse();
        assertThat(since.facts()).containsEntry("daysSince", 30L);
    }
}
