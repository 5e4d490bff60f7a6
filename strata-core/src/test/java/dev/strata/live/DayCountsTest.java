package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * days_since and count_days on hand-computed cases (T = 2026-11-01 at noon UTC), on the
 * reference, the engine and the live evaluator, and the instants NextChange gives.
 */
class DayCountsTest {
    static final long T = ms("2026-11-01T12:00:00Z");

    private final List<Message> messages = new ArrayList<>();
    private int nextId;

    static long ms(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private DayCountsTest visit(String at, String visitType) {
        messages.add(Message.track("u", "m-" + nextId++, ms(at), "Doctor Visit", new Json.Obj(Map.of("visit_type", Json.str(visitType))), null));
        return this;
    }

    private void holds(String definition, long at, boolean expected) {
        EveryInterpreter.assertAgreed(messages, "u", definition, at, expected);
    }

    private long next(String definition, long at) {
        return NextChange.after(SegmentParser.parse(definition), at,
                EveryInterpreter.timeline(EveryInterpreter.live(messages, "u", at)), n -> null);
    }

    @Test
    void daysSinceCountsUtcDaysFromTheLatestEvent() {
        visit("2026-10-02T09:00:00Z", "wellness");
        holds("days_since(\"Doctor Visit\") = 30", T, true);
        holds("days_since(\"Doctor Visit\") > 30", T, false);
        holds("days_since(\"Doctor Visit\") = 30", ms("2026-11-01T23:59:59.999Z"), true);
        holds("days_since(\"Doctor Visit\") = 31", ms("2026-11-02T00:00:00Z"), true);
        visit("2026-11-01T12:00:00Z", "acute");
        holds("days_since(\"Doctor Visit\") = 0", T, true);
        holds("days_since(\"Doctor Visit\" where visit_type = \"wellness\") = 30", T, true);
    }

    @Test
    void withoutAMatchingEventAtOrBeforeTDaysSinceIsFalse() {
        messages.add(Message.identify("u", "m-known", ms("2026-01-01T00:00:00Z"), Json.Obj.EMPTY, null));
        visit("2026-11-01T12:00:00.001Z", "wellness");
        holds("days_since(\"Doctor Visit\") >= 0", T, false);
        holds("days_since(\"Doctor Visit\") < 1000", T, false);
        holds("not days_since(\"Doctor Visit\") < 1000", T, true);
        visit("2026-10-20T09:00:00Z", "acute");
        holds("days_since(\"Doctor Visit\" where visit_type = \"wellness\") >= 0", T, false);
        holds("days_since(\"Doctor Visit\") = 12", T, true);
    }

    @Test
    void countDaysCountsDistinctUtcDaysInTheWindow() {
        visit("2026-10-05T09:00:00Z", "acute").visit("2026-10-05T23:00:00Z", "acute").visit("2026-10-06T00:00:00Z", "follow_up");
        holds("count_days(\"Doctor Visit\" within 30d) = 2", T, true);
        holds("count(\"Doctor Visit\" within 30d) = 3", T, true);
        holds("count_days(\"Doctor Visit\" where visit_type = \"acute\" within 30d) = 1", T, true);
        // the window is (T - 30d, T] to the millisecond, as for count: 2026-10-02T12:00:00Z is out
        visit("2026-10-02T12:00:00Z", "wellness");
        holds("count_days(\"Doctor Visit\" within 30d) = 2", T, true);
        visit("2026-10-02T12:00:00.001Z", "wellness");
        holds("count_days(\"Doctor Visit\" within 30d) = 3", T, true);
        holds("count_days(\"Never Happened\" within 30d) = 0", T, true);
    }

    @Test
    void nextChangeIsTheMidnightTheComparisonFlips() {
        visit("2026-10-02T09:00:00Z", "wellness");
        assertThat(next("days_since(\"Doctor Visit\") > 30", T)).isEqualTo(ms("2026-11-02T00:00:00Z"));
        assertThat(next("days_since(\"Doctor Visit\") = 30", T)).isEqualTo(ms("2026-11-02T00:00:00Z"));
        assertThat(next("days_since(\"Doctor Visit\") >= 30", T)).isEqualTo(NextChange.NEVER);
        assertThat(next("days_since(\"Doctor Visit\") < 45", T)).isEqualTo(ms("2026-11-16T00:00:00Z"));
        holds("days_since(\"Doctor Visit\") < 45", ms("2026-11-15T23:59:59.999Z"), true);
        holds("days_since(\"Doctor Visit\") < 45", ms("2026-11-16T00:00:00Z"), false);
        // with a where clause any midnight may be the one
        assertThat(next("days_since(\"Doctor Visit\" where visit_type = \"wellness\") < 45", T)).isEqualTo(ms("2026-11-02T00:00:00Z"));
        // count_days moves when an event leaves the window: 2026-10-02T09:00Z + 40 days
        assertThat(next("count_days(\"Doctor Visit\" within 40d) >= 1", T)).isEqualTo(ms("2026-11-11T09:00:00Z"));
    }

    private DayCountsTest appointment(String event, String at) {
        messages.add(Message.track("u", "m-" + nextId++, ms(at), event, Json.Obj.EMPTY, null));
        return this;
    }

    @Test
    void noShowRateIsNoShowsOverBookingsLessCancellations() {
        appointment("Appointment Booked", "2026-10-01T09:00:00Z").appointment("Appointment Booked", "2026-10-05T09:00:00Z")
                .appointment("Appointment Booked", "2026-10-10T09:00:00Z").appointment("Appointment Booked", "2026-10-20T09:00:00Z")
                .appointment("Appointment No Show", "2026-10-25T09:00:00Z");
        holds("no_show_rate(within 90d) = 0.25", T, true);
        holds("no_show_rate() = 0.25", T, true);
        appointment("Appointment Cancelled", "2026-10-26T09:00:00Z");
        holds("no_show_rate(within 90d) = " + 1.0 / 3, T, true);
        // within 28d starts after Oct 4 12:00: bookings Oct 5, 10 and 20, one cancellation, one no-show
        holds("no_show_rate(within 28d) = 0.5", T, true);
        // the Oct 5 booking leaves the window 28 days after it
        assertThat(next("no_show_rate(within 28d) >= 0.5", T)).isEqualTo(ms("2026-11-02T09:00:00Z"));
        appointment("Appointment Cancelled", "2026-10-27T09:00:00Z").appointment("Appointment Cancelled", "2026-10-28T09:00:00Z");
        holds("no_show_rate(within 28d) >= 0", T, false); // 3 bookings, 3 cancellations: no rate
        holds("no_show_rate(within 90d) = 1", T, true);
        holds("no_show_rate(within 3d) >= 0", T, false); // no booking at all
    }
}
