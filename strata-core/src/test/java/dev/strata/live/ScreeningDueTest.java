package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * screening_due on hand-computed cases (T = 2026-11-01 at noon UTC), each on the reference, the
 * engine and the live evaluator: who is eligible by age and sex, which screenings count, and the
 * lookbacks to the millisecond.
 */
class ScreeningDueTest {
    static final long T = ms("2026-11-01T12:00:00Z");
    static final long DAY = 86_400_000L;

    private final List<Message> messages = new ArrayList<>();
    private int nextId;

    static long ms(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private ScreeningDueTest person(String gender, String birthday) {
        java.util.Map<String, Json> traits = new java.util.LinkedHashMap<>();
        if (gender != null) traits.put("gender", Json.str(gender));
        if (birthday != null) traits.put("birthday", Json.str(birthday));
        messages.add(Message.identify("u", "m-" + nextId++, T - 1000 * DAY, new Json.Obj(traits), null));
        return this;
    }

    private ScreeningDueTest screened(String kind, long at) {
        messages.add(Message.track("u", "m-" + nextId++, at, "Screening Completed", new Json.Obj(java.util.Map.of("screening", Json.str(kind))), null));
        return this;
    }

    private void due(String program, boolean expected) {
        due(program, T, expected);
    }

    private void due(String program, long at, boolean expected) {
        EveryInterpreter.assertAgreed(messages, "u", "screening_due(\"" + program + "\")", at, expected);
    }

    @Test
    void aWomanOfFiftySixWithoutAMammogramIsDueForBreastScreening() {
        person("female", "1970-05-01");
        due("breast", true);
        due("colorectal", true); // 56 is within 45-75 whatever the sex
        due("cervical", true); // and within 21-64, never screened
    }

    @Test
    void theMammogramLookbackIs821DaysToTheMillisecond() {
        person("female", "1970-05-01").screened("mammography", T - 821 * DAY);
        due("breast", true); // exactly 821 days ago is outside (T - 821d, T]
        messages.clear();
        person("female", "1970-05-01").screened("mammography", T - 821 * DAY + 1);
        due("breast", false);
        due("breast", T + 1, true); // a millisecond later it is 821 days old
    }

    @Test
    void menAndWomenOutsideTheAgeRangeAreNotEligible() {
        person("male", "1970-05-01");
        due("breast", false);
        messages.clear();
        person("female", "1977-11-02"); // 48 at T
        due("breast", false);
        messages.clear();
        person("female", "1976-11-01"); // 50 since midnight
        due("breast", true);
        messages.clear();
        person("female", "1951-11-02"); // 74 until tomorrow
        due("breast", true);
        due("breast", ms("2026-11-02T00:00:00Z"), false);
        messages.clear();
        person(null, "1970-05-01"); // no sex recorded
        due("breast", false);
        due("colorectal", true);
        messages.clear();
        person("female", null); // no birthday
        due("breast", false);
        due("colorectal", false);
        due("cervical", false);
    }

    @Test
    void colorectalModalitiesEachHaveTheirLookback() {
        person("male", "1966-01-15"); // 60
        screened("fit", T - 300 * DAY);
        due("colorectal", false);
        messages.clear();
        person("male", "1966-01-15").screened("fit", T - 400 * DAY).screened("a1c", T - DAY);
        due("colorectal", true); // the FIT ran out after 365 days; an A1c is no colorectal screening
        screened("stool_dna", T - 1094 * DAY);
        due("colorectal", false);
        messages.clear();
        person("male", "1966-01-15").screened("ct_colonography", T - 1825 * DAY + 1);
        due("colorectal", false);
        messages.clear();
        person("male", "1966-01-15").screened("colonoscopy", T - 3650 * DAY);
        due("colorectal", true);
        messages.clear();
        person("male", "1982-01-15"); // 44
        due("colorectal", false);
    }

    @Test
    void hpvCountsFromThirtyAndCytologyFromTwentyOne() {
        person("female", "2001-06-01").screened("cervical_cytology", T - 1000 * DAY); // 25
        due("cervical", false);
        messages.clear();
        person("female", "2001-06-01").screened("cervical_cytology", T - 1100 * DAY);
        due("cervical", true);
        messages.clear();
        person("female", "2001-06-01").screened("hpv", T - 100 * DAY);
        due("cervical", true); // at 25 an HPV test alone does not count
        messages.clear();
        person("female", "1991-06-01").screened("hpv", T - 1500 * DAY); // 35
        due("cervical", false);
        messages.clear();
        person("female", "1961-06-01"); // 65
        due("cervical", false);
        messages.clear();
        person("female", "2006-06-01"); // 20
        due("cervical", false);
    }

    @Test
    void becomingDueIsScheduledWhenTheLookbackRunsOutOrABirthdayComes() {
        long mammogram = T - 800 * DAY;
        person("female", "1970-05-01").screened("mammography", mammogram);
        Condition c = SegmentParser.parse("screening_due(\"breast\")");
        Timeline timeline = EveryInterpreter.timeline(EveryInterpreter.live(messages, "u", T));
        assertThat(NextChange.after(c, T, timeline, n -> null)).isEqualTo(mammogram + 821 * DAY);
        due("breast", mammogram + 821 * DAY - 1, false);
        due("breast", mammogram + 821 * DAY, true);

        messages.clear();
        person("female", "1976-11-15"); // 49 until 2026-11-15
        timeline = EveryInterpreter.timeline(EveryInterpreter.live(messages, "u", T));
        assertThat(NextChange.after(c, T, timeline, n -> null)).isEqualTo(ms("2026-11-15T00:00:00Z"));
        due("breast", ms("2026-11-14T23:59:59.999Z"), false);
        due("breast", ms("2026-11-15T00:00:00Z"), true);
    }
}
