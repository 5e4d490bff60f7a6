package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.DaysCovered;
import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.testing.MessageNdjson;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PDC and MPR on hand-computed cases, each checked on the reference, the columnar engine and the
 * live evaluator. T is 2026-11-01 at noon UTC, so {@code within 30d} is the UTC days
 * 2026-10-03 to 2026-11-01, and a period from the index day runs to 2026-11-01 inclusive.
 */
class SupplyMeasuresTest {
    static final long T = ms("2026-11-01T12:00:00Z");
    static final String REFILL = "Medication Refill";

    private final List<Message> messages = new ArrayList<>();
    private int nextId;

    static long ms(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private SupplyMeasuresTest fill(String at, String properties) {
        Json.Obj props = (Json.Obj) MessageNdjson.parseJson(properties.replace('\'', '"'));
        messages.add(Message.track("u", "m-" + nextId++, ms(at), REFILL, props, null));
        return this;
    }

    private SupplyMeasuresTest fill(String at, double daysSupply) {
        return fill(at, "{'days_supply': " + daysSupply + ", 'drug_class': 'statin'}");
    }

    /** Asserts pdc and mpr over 30 days are exactly the given ratios (null: not eligible) everywhere. */
    private void expect(Double pdc, Double mpr) {
        expectMeasure("pdc", "within 30d", pdc, T);
        expectMeasure("mpr", "within 30d", mpr, T);
    }

    private void expectMeasure(String fn, String window, Double value, long at) {
        String head = fn + "(\"" + REFILL + "\" " + window + ")";
        if (value == null) {
            for (String def : List.of(head + " >= 0", head + " < 0", head + " != 0.5")) assertAgreed(def, at, false);
        } else {
            assertAgreed(head + " = " + value, at, true);
            assertAgreed(head + " != " + value, at, false);
            assertAgreed(head + " < " + Math.nextUp(value), at, true);
            assertAgreed(head + " > " + Math.nextDown(value), at, true);
        }
    }

    private void assertAgreed(String definition, long at, boolean expected) {
        EveryInterpreter.assertAgreed(messages, "u", definition, at, expected);
    }

    @Test
    void aGapLeavesItsDaysUncovered() {
        // Oct 3 covers Oct 3-12, Oct 20 covers Oct 20-29: 20 of the 30 days Oct 3 - Nov 1
        fill("2026-10-03T09:00:00Z", 10).fill("2026-10-20T09:00:00Z", 10);
        expect(20.0 / 30, 20.0 / 30);
    }

    @Test
    void anEarlyRefillIsShiftedToStartWhenTheSupplyOnHandRunsOut() {
        // Oct 3 covers Oct 3-12; the Oct 8 refill would overlap 5 days, so it covers Oct 13-22: 20 days
        fill("2026-10-03T09:00:00Z", 10).fill("2026-10-08T09:00:00Z", 10);
        expect(20.0 / 30, 20.0 / 30);
    }

    @Test
    void supplyPastTheWindowEndIsCutOffButMprCountsItWhole() {
        // index Oct 22, period Oct 22 - Nov 1 = 11 days, all covered by the first fill; the second
        // starts Nov 21, after the end; mpr = 60 / 11
        fill("2026-10-22T09:00:00Z", 30).fill("2026-10-25T09:00:00Z", 30);
        expect(1.0, 60.0 / 11);
    }

    @Test
    void aSingleFillIsNotEligible() {
        fill("2026-10-10T09:00:00Z", 30);
        expect(null, null);
    }

    @Test
    void twoFillsOnTheSameDateAreNotEligible() {
        fill("2026-10-10T01:00:00Z", 30).fill("2026-10-10T23:00:00Z", 30);
        expect(null, null);
    }

    @Test
    void fillsBeforeTheWindowDoNotCountNorDoesTheirSupply() {
        // Sep 30 is outside (the window starts Oct 3); index Oct 10, period Oct 10 - Nov 1 = 23 days, 10 covered
        fill("2026-09-30T09:00:00Z", 30).fill("2026-10-10T09:00:00Z", 5).fill("2026-10-20T09:00:00Z", 5);
        expect(10.0 / 23, 10.0 / 23);
    }

    @Test
    void theWindowStartsAtMidnightUtcOfItsFirstDay() {
        fill("2026-10-02T23:59:59.999Z", 30).fill("2026-10-03T00:00:00Z", 2).fill("2026-10-31T00:00:00Z", 2);
        // index Oct 3 (30 days): Oct 3-4 and Oct 31 - Nov 1 covered
        expect(4.0 / 30, 4.0 / 30);
    }

    @Test
    void fillsAfterTAreIgnored() {
        fill("2026-10-30T09:00:00Z", 1).fill("2026-11-01T12:00:00.001Z", 30);
        expect(null, null);
        fill("2026-11-01T12:00:00Z", 1);
        // index Oct 30: Oct 30 and Nov 1 covered of Oct 30 - Nov 1
        expect(2.0 / 3, 2.0 / 3);
    }

    @Test
    void eventsWithoutAWholeDayOfNumericSupplyAreNotFills() {
        fill("2026-10-05T09:00:00Z", "{'days_supply': '30'}").fill("2026-10-06T09:00:00Z", "{'days_supply': 0.5}")
                .fill("2026-10-07T09:00:00Z", "{}").fill("2026-10-08T09:00:00Z", "{'days_supply': -3}");
        expect(null, null);
        // a fraction rounds down: 2.5 covers 2 days; index Oct 20, period 13 days, covered Oct 20-21 and Oct 25-26
        fill("2026-10-20T09:00:00Z", 2.5).fill("2026-10-25T09:00:00Z", 2.9);
        expect(4.0 / 13, 4.0 / 13);
    }

    @Test
    void theWhereClauseChoosesTheFills() {
        fill("2026-10-03T09:00:00Z", 10).fill("2026-10-13T09:00:00Z", "{'days_supply': 20, 'drug_class': 'ssri'}")
                .fill("2026-10-23T09:00:00Z", 10);
        assertAgreed("pdc(\"Medication Refill\" where drug_class = \"statin\" within 30d) = " + 20.0 / 30, T, true);
        assertAgreed("pdc(\"Medication Refill\" within 30d) = 1", T, true);
        assertAgreed("pdc(\"Medication Refill\" where drug_class = \"ssri\" within 30d) >= 0", T, false);
    }

    @Test
    void weeksAreSevenDaysAndTheMeasureSlidesDayByDay() {
        fill("2026-10-26T09:00:00Z", 3).fill("2026-10-30T09:00:00Z", 1);
        // 1w at Nov 1: Oct 26 - Nov 1, index Oct 26, covered Oct 26-28 and Oct 30: 4 of 7
        expectMeasure("pdc", "within 1w", 4.0 / 7, T);
        // the last millisecond of Nov 1 still gives 4/7; at Nov 2 midnight the period is 8 days
        expectMeasure("pdc", "within 2w", 4.0 / 7, ms("2026-11-01T23:59:59.999Z"));
        expectMeasure("pdc", "within 2w", 4.0 / 8, ms("2026-11-02T00:00:00Z"));
        // on Nov 2 the 7-day window starts Oct 27 and holds one fill: no longer eligible
        expectMeasure("pdc", "within 7d", null, ms("2026-11-02T00:00:00Z"));
        expectMeasure("pdc", "within 8d", 4.0 / 8, ms("2026-11-02T00:00:00Z"));
    }

    @Test
    void nextChangeIsTheNextMidnightWhileAFillIsInTheWindow() {
        fill("2026-10-26T09:00:00Z", 3).fill("2026-10-30T09:00:00Z", 1);
        Condition c = SegmentParser.parse("pdc(\"Medication Refill\" within 7d) >= 0.5");
        Timeline timeline = EveryInterpreter.timeline(EveryInterpreter.live(messages, "u", T));
        assertThat(NextChange.after(c, T, timeline, n -> null)).isEqualTo(ms("2026-11-02T00:00:00Z"));
        // Nov 5: the window is Oct 30 - Nov 5 and holds the Oct 30 fill; Nov 6 holds none, and none can come back
        assertThat(NextChange.after(c, ms("2026-11-05T08:00:00Z"), timeline, n -> null)).isEqualTo(ms("2026-11-06T00:00:00Z"));
        assertThat(NextChange.after(c, ms("2026-11-06T00:00:00Z"), timeline, n -> null)).isEqualTo(NextChange.NEVER);
    }

    @Test
    void theDayCounterReportsItsParts() {
        DaysCovered d = DaysCovered.at(T);
        d.add(ms("2026-10-03T09:00:00Z"), 10.0);
        assertThat(d.eligible()).isFalse();
        d.add(ms("2026-10-08T09:00:00Z"), 10.0);
        assertThat(d.eligible()).isTrue();
        assertThat(d.periodDays()).isEqualTo(30);
        assertThat(d.coveredDays()).isEqualTo(20);
        assertThat(d.suppliedDays()).isEqualTo(20);
        assertThat(d.fills()).isEqualTo(2);
    }
}
