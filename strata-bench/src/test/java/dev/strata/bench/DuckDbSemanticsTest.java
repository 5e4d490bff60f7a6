package dev.strata.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DuckDB half of the comparison applies the segment language's rules, checked on a small
 * hand-written population whose expected members were worked out by hand from the data rules
 * and the definitions, independently of any Strata code.
 *
 * <p>The fixture ({@code fixture/population-small.ndjson}) is evaluated at T = 2026-11-01T00:00Z.
 * Window starts (exclusive): 7d 2026-10-25, 30d 2026-10-02, 60d 2026-09-02, 90d 2026-08-03,
 * 180d 2026-05-05, 365d 2025-11-01, 730d 2024-11-01, all at 00:00:00Z. Unless said otherwise a
 * profile is "neutral": born 1990-01-01 (36 at T), male, Seattle WA, plan commercial,
 * income_band 4, diabetes and hypertension false, and it has only the events listed. A neutral
 * profile fails every trait part of Q1, Q3, Q4, Q6 and Q8, so each user below only needs
 * checking against the queries its events or deviations touch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbSemanticsTest {

    private DuckDbSide duck;

    @BeforeAll
    void load() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/fixture/population-small.ndjson").toURI());
        duck = new DuckDbSide(null);
        duck.load(fixture, StandardWorkload.AS_OF);
    }

    @AfterAll
    void close() {
        duck.close();
    }

    /**
     * Known at T: p-0000001..p-0000060, p-0000063 and anon-0000001 (its only messages carry an
     * anonymousId, which is then its identity). Not known: p-0000061 (every message after T) and p-0000062
     * (only a page call, which is not a message Strata evaluates).
     */
    @Test
    void knownProfilesAreThoseWithAMessageAtOrBeforeT() {
        List<String> expected = new java.util.ArrayList<>(users(IntStream.rangeClosed(1, 60).toArray()));
        expected.add("p-0000063");
        expected.add("anon-0000001");
        expected.sort(null);
        assertThat(duck.knownProfiles()).containsExactlyElementsOf(expected);
    }

    /**
     * Q1 age >= 65, state CA/OR, screening within 365d, no App Open within 30d.
     * <ul>
     * <li>p01 born 1950-05-05, Sacramento CA, screening 2026-06-01: member.
     * <li>p02 born 1961-11-01, so 65 exactly at T (midnight); Portland OR; screening 2026-03-10;
     *     its only App Open is at 2026-10-02T00:00Z, the open end of the 30d window: member.
     * <li>p03 born 1961-11-02: 64. Not.
     * <li>p04 screenings at 2025-11-01T00:00Z (the excluded window start) and 2025-06-01. Not.
     * <li>p05 App Open 2026-10-15. Not.
     * <li>p06 CA, then a later identify carrying only address moves it to NV (whole object
     *     replaced). Not.
     * <li>p07 NV, then moved to San Diego CA by an identify without birthday; the birthday of the
     *     first identify stays (per-key latest): member.
     * <li>p08 state "ca": strings are case-sensitive. Not.
     * <li>p09 its in-window screening repeats the messageId of an earlier-read screening stamped
     *     2026-11-05: the first read wins the dedup and is then ignored as after T. Not.
     * <li>p10 two identifies with the same timestamp; the later read moves it to NV. Not.
     * <li>p11 a move to NV stamped 2026-11-15 is after T and ignored; screening 2026-05-01: member.
     * <li>p45 is 65 in CA (San Francisco) but has no screening. Not.
     * <li>p54 born 1961-11-01T00:00:01Z: T's (11-01, 00:00:00) is before that, so 64. Not.
     * <li>p55 born 1961-11-01T01:00:00+02:00 = 1961-10-31T23:00Z: 65; OR; screening: member.
     * </ul>
     */
    @Test
    void q1() {
        assertThat(duck.members("Q1")).containsExactlyElementsOf(users(1, 2, 7, 11, 55));
    }

    /**
     * Q2 at least three Medication Refill within 90d.
     * <ul>
     * <li>p12 refills 09-01, 10-01, 10-30: member.
     * <li>p13 refills 09-01 and 10-01, the latter as two identical lines: 2. Not.
     * <li>p14 one refill at 2026-08-03T00:00Z, the excluded window start: 2. Not.
     * <li>p15 one refill at T exactly, included: member.
     * <li>p16 one refill at T + 1 ms, ignored: 2. Not.
     * <li>anon-0000001 three refills in the window: member.
     * <li>p61 refills after T only, and is not known.
     * <li>p63 three refills in the window, but the second reuses the messageId of p12's second
     *     refill, read earlier: deduplication is over all messages, not per user. 2. Not.
     * </ul>
     */
    @Test
    void q2() {
        assertThat(duck.members("Q2")).containsExactly("anon-0000001", "p-0000012", "p-0000015");
    }

    /**
     * Q3 within 25 km of (34.05, -118.24).
     * <ul>
     * <li>p17 at the centre; p18 Pasadena, 14.0 km; p24 at (34.27, -118.24), 24.46 km;
     *     p26 at the centre: members.
     * <li>p19 Irvine, 55.8 km. p25 at (34.28, -118.24), 25.57 km. Not.
     * <li>p20 latitude is the string "34.05"; p21 has no longitude. Not.
     * <li>p22 address set to null later (removed); p23 moved to San Francisco later. Not.
     * </ul>
     */
    @Test
    void q3() {
        assertThat(duck.members("Q3")).containsExactlyElementsOf(users(17, 18, 24, 26));
    }

    /**
     * Q4 (diabetes or hypertension) and (medicare or income_band <= 2) and context.os.name != "web"
     * and no Doctor Visit within 180d. Only p27..p37 have diabetes or hypertension set to true.
     * <ul>
     * <li>p27 diabetes, medicare, latest context iOS (a web context stamped after T is ignored): member.
     * <li>p28 hypertension, income_band 2, Android; its Doctor Visit is at 2026-05-05T00:00Z, the
     *     excluded window start: member.
     * <li>p29 diabetes is the string "true": a wrong type, so false. Not.
     * <li>p30 latest context (an App Open) is web. Not.
     * <li>p31 never had a context: != on a missing value is false. Not.
     * <li>p32 commercial with income_band 3. Not.
     * <li>p33 Doctor Visit 2026-07-01. Not.
     * <li>p34 an identify with a web context and an App Open with iOS share one timestamp; the
     *     later read (the App Open) wins: member.
     * <li>p35 latest context is an empty object, which counts and has no os. Not.
     * <li>p36 hypertension later set to null (removed). Not.
     * <li>p37 context.os is the string "iOS", so context.os.name is missing. Not.
     * </ul>
     */
    @Test
    void q4() {
        assertThat(duck.members("Q4")).containsExactlyElementsOf(users(27, 28, 34));
    }

    /**
     * Q5 at least ten App Open within 30d and an Appointment Booked within 60d.
     * <ul>
     * <li>p38 opens on 10-03..10-12 (10), booked 09-15: member.
     * <li>p39 one open at 2026-10-02T00:00Z (excluded) and 10-03..10-11 (9). Not.
     * <li>p40 12 opens, booked at 2026-09-02T00:00Z, the excluded window start. Not.
     * <li>p41 ten distinct opens plus one duplicated line (still 10), booked 10-25: member.
     * </ul>
     */
    @Test
    void q5() {
        assertThat(duck.members("Q5")).containsExactlyElementsOf(users(38, 41));
    }

    /**
     * Q6 age 40..64, gender "female", state CA/TX/FL/NY, no screening within 730d, App Open within 7d.
     * <ul>
     * <li>p42 46, Austin TX, screening 2024-10-01 (before the window), open 10-30: member.
     * <li>p43 born 1986-11-02: 39. Not.
     * <li>p44 born 1962-11-01: 64 at T, Miami FL, open 10-31: member.
     * <li>p45 born 1961-11-01: 65. Not.
     * <li>p46 NY, screening at 2024-11-01T00:00Z (excluded), open 2026-10-25T00:00:01Z: member.
     * <li>p47 its only open is at 2026-10-25T00:00Z, the excluded window start. Not.
     * <li>p48 gender "Female". Not.
     * <li>p49 born "1975-06-15T23:30:00-05:00" = 1975-06-16T04:30Z: 51, FL: member.
     * <li>p50 birthday "not-a-date"; p53 birthday "1970-6-5" (not ISO): age is false. Not.
     * <li>p51 gender later set to null. p52 screening 2025-05-01. Not.
     * </ul>
     */
    @Test
    void q6() {
        assertThat(duck.members("Q6")).containsExactlyElementsOf(users(42, 44, 46, 49));
    }

    /**
     * Q7 a Survey Answered with score >= 9 within 90d and at least two Appointment Booked within 365d.
     * <ul>
     * <li>p56 score 9 on 09-01, booked 01-15 and 06-15: member.
     * <li>p57 score is the string "10": not a number. Not.
     * <li>p58 score 9 on 08-01 (before the window), 8 on 09-01. Not.
     * <li>p59 its two bookings are one line repeated: 1. Not.
     * <li>p60 score 9 at 2026-08-03T00:00:01Z (inside); bookings at 2025-11-01T00:00Z (excluded),
     *     03-01 and 04-01: member.
     * </ul>
     */
    @Test
    void q7() {
        assertThat(duck.members("Q7")).containsExactlyElementsOf(users(56, 60));
    }

    /**
     * Q8 near LA and plan medicare and a Doctor Visit or Appointment Booked within 30d. Near LA:
     * p17, p18, p24, p26 (see Q3).
     * <ul>
     * <li>p17 Doctor Visit 10-20: member. p18 Appointment Booked 10-10: member.
     * <li>p24 its visit is at 2026-10-02T00:00Z, the excluded window start. Not.
     * <li>p26 plan "medicare_advantage". Not.
     * </ul>
     */
    @Test
    void q8() {
        assertThat(duck.members("Q8")).containsExactlyElementsOf(users(17, 18));
    }

    @Test
    void countsAgreeWithMemberLists() {
        for (WorkloadQuery q : StandardWorkload.QUERIES) {
            assertThat(duck.count(q.id())).as(q.id()).isEqualTo(duck.members(q.id()).size());
        }
    }

    private static List<String> users(int... numbers) {
        return IntStream.of(numbers).mapToObj(n -> String.format("p-%07d", n)).toList();
    }
}
