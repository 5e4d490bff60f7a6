package dev.strata.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.testing.MessageNdjson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed expectations for every rule of the spec and the brief's decisions. Each test
 * builds a few messages, states the answer worked out by hand, and checks the reference gives it.
 */
class ReferenceEvaluatorTest {

    static final String T_TEXT = "2026-11-01T00:00:00Z";
    static final long T = ms(T_TEXT);
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    private int nextId = 1;

    // ---- message helpers ----------------------------------------------------------------------

    static long ms(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    /** JSON with single quotes for readability in Java strings. */
    static Json.Obj obj(String json) {
        return (Json.Obj) MessageNdjson.parseJson(json.replace('\'', '"'));
    }

    Message identify(String user, long ts, String traits) {
        return Message.identify(user, "m-" + nextId++, ts, obj(traits), null);
    }

    Message track(String user, long ts, String event, String properties) {
        return Message.track(user, "m-" + nextId++, ts, event, obj(properties), null);
    }

    Message track(String user, long ts, String event) {
        return track(user, ts, event, "{}");
    }

    static Message withContext(Message m, String context) {
        return new Message(m.type(), m.userId(), m.messageId(), m.timestamp(), m.event(), m.traits(), m.properties(), obj(context));
    }

    static Message withId(Message m, String messageId) {
        return new Message(m.type(), m.userId(), messageId, m.timestamp(), m.event(), m.traits(), m.properties(), m.context());
    }

    static Set<String> members(String definition, List<Message> messages) {
        return members(definition, messages, T);
    }

    static Set<String> members(String definition, List<Message> messages, long asOf) {
        return ReferenceEvaluator.members(messages, asOf, SegmentParser.parse(definition), Map.of());
    }

    static List<Message> list(Message... ms) {
        return new ArrayList<>(Arrays.asList(ms));
    }

    /** A profile "u" whose traits are exactly {@code traits}, for value tests. */
    List<Message> user(String traits) {
        return list(identify("u", T - DAY, traits));
    }

    boolean holdsFor(String traits, String definition) {
        return members(definition, user(traits)).contains("u");
    }

    // ---- data rules ---------------------------------------------------------------------------

    @Nested
    class Deduplication {
        @Test
        void the_first_read_copy_wins_even_when_a_later_copy_is_newer() {
            Message first = withId(identify("u", T - 2 * DAY, "{'plan':'a'}"), "dup");
            Message second = withId(identify("u", T - DAY, "{'plan':'b'}"), "dup");
            List<Message> ms = list(first, second);
            assertThat(members("plan = \"a\"", ms)).containsExactly("u");
            assertThat(members("plan = \"b\"", ms)).isEmpty();
        }

        @Test
        void a_first_copy_after_the_instant_still_hides_a_later_copy_before_it() {
            Message afterT = withId(track("u", T + 1, "App Open"), "dup");
            Message beforeT = withId(track("u", T - DAY, "App Open"), "dup");
            List<Message> ms = list(afterT, beforeT);
            assertThat(ReferenceEvaluator.accepted(ms, T)).containsExactly(false, false);
            assertThat(ReferenceEvaluator.knownUsers(ms, T)).isEmpty();
            assertThat(members("true", ms)).isEmpty();
        }

        @Test
        void duplicates_are_found_across_users_and_message_types() {
            Message a = withId(identify("a", T - DAY, "{'plan':'x'}"), "same");
            Message b = withId(track("b", T - DAY, "App Open"), "same");
            List<Message> ms = list(a, b);
            assertThat(ReferenceEvaluator.accepted(ms, T)).containsExactly(true, false);
            assertThat(ReferenceEvaluator.knownUsers(ms, T)).containsExactly("a");
        }

        @Test
        void messages_without_a_message_id_are_never_duplicates() {
            List<Message> ms = list(withId(track("u", T - DAY, "App Open"), null), withId(track("u", T - DAY, "App Open"), null));
            assertThat(members("count(\"App Open\") = 2", ms)).containsExactly("u");
        }
    }

    @Nested
    class TheInstant {
        @Test
        void messages_after_the_instant_are_ignored_entirely() {
            List<Message> ms = list(
                    identify("u", T - DAY, "{'plan':'a'}"),
                    withContext(identify("u", T + 1, "{'plan':'b'}"), "{'os':{'name':'iOS'}}"),
                    track("u", T + 1, "App Open"),
                    track("u", T, "App Open"));
            assertThat(ReferenceEvaluator.accepted(ms, T)).containsExactly(true, false, false, true);
            assertThat(members("plan = \"a\"", ms)).containsExactly("u");
            assertThat(members("context is null", ms)).containsExactly("u");
            assertThat(members("count(\"App Open\") = 1", ms)).containsExactly("u");
        }

        @Test
        void a_user_with_messages_only_after_the_instant_is_unknown_so_not_in_any_negation() {
            List<Message> ms = list(identify("known", T, "{}"), track("later", T + 1, "App Open"));
            assertThat(ReferenceEvaluator.knownUsers(ms, T)).containsExactly("known");
            assertThat(members("not did \"App Open\"", ms)).containsExactly("known");
            assertThat(members("true", ms)).containsExactly("known");
            assertThat(members("false", ms)).isEmpty();
        }

        @Test
        void the_same_messages_read_at_a_later_instant_see_more() {
            List<Message> ms = list(identify("u", T - DAY, "{'plan':'a'}"), identify("u", T + DAY, "{'plan':'b'}"));
            assertThat(members("plan = \"b\"", ms, T)).isEmpty();
            assertThat(members("plan = \"b\"", ms, T + DAY)).containsExactly("u");
        }
    }

    @Nested
    class Traits {
        @Test
        void the_latest_identify_wins_whatever_the_read_order() {
            List<Message> ms = list(identify("u", T - DAY, "{'plan':'new'}"), identify("u", T - 2 * DAY, "{'plan':'old'}"));
            assertThat(members("plan = \"new\"", ms)).containsExactly("u");
        }

        @Test
        void on_a_timestamp_tie_the_later_read_wins() {
            List<Message> ms = list(identify("u", T - DAY, "{'plan':'first'}"), identify("u", T - DAY, "{'plan':'second'}"));
            assertThat(members("plan = \"second\"", ms)).containsExactly("u");
            assertThat(members("plan = \"first\"", ms)).isEmpty();
        }

        @Test
        void an_identify_sets_only_the_keys_it_carries() {
            List<Message> ms = list(identify("u", T - 2 * DAY, "{'plan':'a','gender':'female'}"), identify("u", T - DAY, "{'plan':'b'}"));
            assertThat(members("plan = \"b\" and gender = \"female\"", ms)).containsExactly("u");
        }

        @Test
        void a_key_set_to_null_is_removed_and_can_come_back() {
            List<Message> removed = list(identify("u", T - 3 * DAY, "{'plan':'a'}"), identify("u", T - 2 * DAY, "{'plan':null}"));
            assertThat(members("plan is null", removed)).containsExactly("u");
            assertThat(members("plan = \"a\"", removed)).isEmpty();
            assertThat(members("plan != \"a\"", removed)).isEmpty();

            List<Message> back = new ArrayList<>(removed);
            back.add(identify("u", T - DAY, "{'plan':'c'}"));
            assertThat(members("plan = \"c\"", back)).containsExactly("u");
        }

        @Test
        void a_null_older_than_the_value_removes_nothing() {
            List<Message> ms = list(identify("u", T - DAY, "{'plan':'a'}"), identify("u", T - 2 * DAY, "{'plan':null}"));
            assertThat(members("plan = \"a\"", ms)).containsExactly("u");
        }

        @Test
        void a_nested_object_replaces_the_previous_value_whole() {
            List<Message> ms = list(
                    identify("u", T - 2 * DAY, "{'address':{'state':'CA','city':'Los Angeles'}}"),
                    identify("u", T - DAY, "{'address':{'state':'OR'}}"));
            assertThat(members("address.state = \"OR\" and address.city is null", ms)).containsExactly("u");
        }

        @Test
        void a_null_inside_a_nested_object_stays_and_reads_as_null() {
            assertThat(holdsFor("{'address':{'state':null}}", "address.state is null")).isTrue();
            assertThat(holdsFor("{'address':{'state':null}}", "address is not null")).isTrue();
            assertThat(holdsFor("{'address':{'state':null}}", "address.state != \"CA\"")).isFalse();
        }

        @Test
        void a_path_through_a_non_object_is_missing() {
            assertThat(holdsFor("{'address':'CA'}", "address.state is null")).isTrue();
            assertThat(holdsFor("{'address':'CA'}", "address.state = \"CA\"")).isFalse();
            assertThat(holdsFor("{'address':['CA']}", "address.state is null")).isTrue();
        }

        @Test
        void a_track_message_sets_no_trait() {
            List<Message> ms = list(identify("u", T - 2 * DAY, "{}"), track("u", T - DAY, "App Open", "{'plan':'a'}"));
            assertThat(members("plan is null", ms)).containsExactly("u");
        }
    }

    @Nested
    class Context {
        @Test
        void context_comes_from_the_latest_message_that_carried_one() {
            List<Message> ms = list(
                    withContext(identify("u", T - 3 * DAY, "{}"), "{'os':{'name':'iOS'}}"),
                    withContext(track("u", T - 2 * DAY, "App Open"), "{'os':{'name':'Android'}}"),
                    track("u", T - DAY, "App Open"));
            assertThat(members("context.os.name = \"Android\"", ms)).containsExactly("u");
        }

        @Test
        void the_latest_by_timestamp_not_by_read_order() {
            List<Message> ms = list(
                    withContext(track("u", T - DAY, "App Open"), "{'os':{'name':'Android'}}"),
                    withContext(identify("u", T - 3 * DAY, "{}"), "{'os':{'name':'iOS'}}"));
            assertThat(members("context.os.name = \"Android\"", ms)).containsExactly("u");
        }

        @Test
        void on_a_tie_the_later_read_wins() {
            List<Message> ms = list(
                    withContext(track("u", T - DAY, "App Open"), "{'os':{'name':'Android'}}"),
                    withContext(track("u", T - DAY, "App Open"), "{'os':{'name':'iOS'}}"));
            assertThat(members("context.os.name = \"iOS\"", ms)).containsExactly("u");
        }

        @Test
        void an_empty_context_object_counts_as_the_latest_and_is_not_merged() {
            List<Message> ms = list(
                    withContext(track("u", T - 2 * DAY, "App Open"), "{'os':{'name':'iOS'},'app':{'version':'4.2.0'}}"),
                    withContext(track("u", T - DAY, "App Open"), "{}"));
            assertThat(members("context.os.name is null and context.app.version is null", ms)).containsExactly("u");
        }

        @Test
        void no_context_at_all_is_missing() {
            List<Message> ms = list(identify("u", T - DAY, "{}"));
            assertThat(members("context.os.name != \"web\"", ms)).isEmpty();
            assertThat(members("not context.os.name = \"web\"", ms)).containsExactly("u");
        }

        @Test
        void context_paths_read_the_message_context_not_a_trait_named_context() {
            List<Message> ms = list(identify("u", T - DAY, "{'context':{'os':{'name':'trait'}}}"));
            assertThat(members("context.os.name = \"trait\"", ms)).isEmpty();
            // The bare path "context" has no second segment: it is the trait.
            assertThat(members("context is not null", ms)).containsExactly("u");
        }

        @Test
        void inside_where_a_context_path_reads_the_event_properties() {
            List<Message> ms = list(withContext(track("u", T - DAY, "App Open", "{'context':{'os':{'name':'web'}}}"), "{'os':{'name':'iOS'}}"));
            assertThat(members("did \"App Open\" where context.os.name = \"web\"", ms)).containsExactly("u");
            assertThat(members("did \"App Open\" where context.os.name = \"iOS\"", ms)).isEmpty();
        }
    }

    // ---- values -------------------------------------------------------------------------------

    @Nested
    class Values {
        @Test
        void a_condition_on_a_missing_value_is_false_and_its_negation_true() {
            assertThat(holdsFor("{}", "state = \"CA\"")).isFalse();
            assertThat(holdsFor("{}", "state != \"CA\"")).isFalse();
            assertThat(holdsFor("{}", "not state = \"CA\"")).isTrue();
            assertThat(holdsFor("{}", "state < \"CA\" or state >= \"CA\"")).isFalse();
        }

        @Test
        void a_value_of_another_type_than_the_literal_is_false_not_equal_included() {
            assertThat(holdsFor("{'income_band':2}", "income_band = \"2\"")).isFalse();
            assertThat(holdsFor("{'income_band':2}", "income_band != \"2\"")).isFalse();
            assertThat(holdsFor("{'income_band':2}", "income_band != true")).isFalse();
            assertThat(holdsFor("{'income_band':2}", "income_band != 3")).isTrue();
            assertThat(holdsFor("{'income_band':'2'}", "income_band = 2")).isFalse();
            assertThat(holdsFor("{'income_band':'2'}", "income_band >= 1")).isFalse();
        }

        @Test
        void numbers_compare_as_doubles() {
            assertThat(holdsFor("{'n':2}", "n = 2.0")).isTrue();
            assertThat(holdsFor("{'n':0.1}", "n < 0.10000000000000001")).isFalse(); // the same double
            assertThat(holdsFor("{'n':-0.0}", "n = 0")).isTrue();
            assertThat(holdsFor("{'n':1e300}", "n > 9.9e299")).isTrue();
            assertThat(holdsFor("{'n':-5}", "n < -4.5")).isTrue();
        }

        @Test
        void strings_compare_by_code_point() {
            assertThat(holdsFor("{'s':'b'}", "s > \"a\" and s < \"c\"")).isTrue();
            assertThat(holdsFor("{'s':'Z'}", "s < \"a\"")).isTrue();
            assertThat(holdsFor("{'s':'ab'}", "s > \"a\"")).isTrue();
            assertThat(holdsFor("{'s':'é'}", "s > \"z\"")).isTrue();
            // U+1F600 is above U+FF5E by code point, below it by UTF-16 unit.
            assertThat(holdsFor("{'s':'\uD83D\uDE00'}", "s > \"\\uff5e\"")).isTrue();
            assertThat(holdsFor("{'s':'Abc'}", "s = \"abc\"")).isFalse();
        }

        @Test
        void booleans_compare_only_with_booleans() {
            assertThat(holdsFor("{'diabetes':true}", "diabetes = true")).isTrue();
            assertThat(holdsFor("{'diabetes':true}", "diabetes != false")).isTrue();
            assertThat(holdsFor("{'diabetes':true}", "diabetes = \"true\"")).isFalse();
            assertThat(holdsFor("{'diabetes':true}", "diabetes = 1")).isFalse();
            assertThat(holdsFor("{'diabetes':'true'}", "diabetes = true")).isFalse();
            assertThat(holdsFor("{'diabetes':'true'}", "diabetes != true")).isFalse();
            assertThat(holdsFor("{'diabetes':1}", "diabetes != false")).isFalse();
        }

        @Test
        void objects_and_arrays_fail_every_test_but_is_not_null() {
            for (String traits : List.of("{'tags':['a']}", "{'tags':{'a':1}}", "{'tags':[]}")) {
                assertThat(holdsFor(traits, "tags = \"a\"")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags != \"a\"")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags != 1")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags in (\"a\", 1, true)")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags not in (\"a\")")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags contains \"a\"")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags between 0 and 9")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags is null")).as(traits).isFalse();
                assertThat(holdsFor(traits, "tags is not null")).as(traits).isTrue();
            }
        }

        @Test
        void in_is_any_equal() {
            assertThat(holdsFor("{'plan':'medicare'}", "plan in (\"medicaid\", \"medicare\")")).isTrue();
            assertThat(holdsFor("{'plan':'medicare'}", "plan in (\"medicaid\")")).isFalse();
            assertThat(holdsFor("{'plan':1}", "plan in (\"1\", 1)")).isTrue();
            assertThat(holdsFor("{}", "plan in (\"medicare\")")).isFalse();
        }

        @Test
        void not_in_is_not_equal_to_each_so_false_when_missing_or_of_another_type() {
            assertThat(holdsFor("{'plan':'commercial'}", "plan not in (\"medicaid\", \"medicare\")")).isTrue();
            assertThat(holdsFor("{'plan':'medicare'}", "plan not in (\"medicaid\", \"medicare\")")).isFalse();
            assertThat(holdsFor("{}", "plan not in (\"medicaid\")")).isFalse();
            assertThat(holdsFor("{'plan':null}", "plan not in (\"medicaid\")")).isFalse();
            assertThat(holdsFor("{'plan':7}", "plan not in (\"medicaid\")")).isFalse();
            // 2 != 1 holds but 2 != "x" does not (another type), so the conjunction fails.
            assertThat(holdsFor("{'band':2}", "band not in (1, \"x\")")).isFalse();
            assertThat(holdsFor("{}", "not plan in (\"medicaid\")")).isTrue();
        }

        @Test
        void between_is_inclusive_at_both_ends() {
            assertThat(holdsFor("{'n':1}", "n between 1 and 3")).isTrue();
            assertThat(holdsFor("{'n':3}", "n between 1 and 3")).isTrue();
            assertThat(holdsFor("{'n':3.0000001}", "n between 1 and 3")).isFalse();
            assertThat(holdsFor("{'n':2}", "n between 3 and 1")).isFalse();
            assertThat(holdsFor("{'s':'c'}", "s between \"a\" and \"c\"")).isTrue();
            assertThat(holdsFor("{'s':'ca'}", "s between \"a\" and \"c\"")).isFalse();
            assertThat(holdsFor("{'n':'2'}", "n between 1 and 3")).isFalse();
            assertThat(holdsFor("{}", "n between 1 and 3")).isFalse();
        }

        @Test
        void is_null_holds_for_missing_and_for_json_null() {
            assertThat(holdsFor("{}", "plan is null")).isTrue();
            assertThat(holdsFor("{}", "plan is not null")).isFalse();
            assertThat(holdsFor("{'plan':''}", "plan is null")).isFalse();
            assertThat(holdsFor("{'plan':false}", "plan is not null")).isTrue();
            List<Message> ms = list(
                    track("u", T - DAY, "Survey Answered", "{'score':null}"),
                    track("v", T - DAY, "Survey Answered", "{}"),
                    track("w", T - DAY, "Survey Answered", "{'score':0}"));
            assertThat(members("did \"Survey Answered\" where score is null", ms)).containsExactlyInAnyOrder("u", "v");
            assertThat(members("did \"Survey Answered\" where score is not null", ms)).containsExactly("w");
        }

        @Test
        void text_operators_apply_to_strings_only() {
            assertThat(holdsFor("{'zip':'97201'}", "zip starts_with \"972\"")).isTrue();
            assertThat(holdsFor("{'zip':'97201'}", "zip ends_with \"01\"")).isTrue();
            assertThat(holdsFor("{'zip':'97201'}", "zip contains \"720\"")).isTrue();
            assertThat(holdsFor("{'zip':'97201'}", "zip contains \"\"")).isTrue();
            assertThat(holdsFor("{'zip':'97201'}", "zip starts_with \"97201x\"")).isFalse();
            assertThat(holdsFor("{'zip':'Portland'}", "zip contains \"port\"")).isFalse();
            assertThat(holdsFor("{'zip':97201}", "zip starts_with \"972\"")).isFalse();
            assertThat(holdsFor("{'zip':97201}", "zip contains \"\"")).isFalse();
            assertThat(holdsFor("{'zip':true}", "zip ends_with \"e\"")).isFalse();
            assertThat(holdsFor("{}", "zip contains \"\"")).isFalse();
        }
    }

    // ---- age ----------------------------------------------------------------------------------

    @Nested
    class Age {
        boolean age(String birthday, long asOf, String comparison) {
            List<Message> ms = list(identify("u", asOf - DAY, "{'birthday':" + birthday + "}"));
            return members("age(birthday) " + comparison, ms, asOf).contains("u");
        }

        @Test
        void a_birthday_today_counts_the_year() {
            assertThat(age("'1961-11-01'", T, "= 65")).isTrue();
            assertThat(age("'1961-11-02'", T, "= 64")).isTrue();
            assertThat(age("'1961-10-31'", T, "= 65")).isTrue();
        }

        @Test
        void the_time_of_day_decides_on_the_birthday_itself() {
            long noon = ms("2026-11-01T12:00:00Z");
            assertThat(age("'1961-11-01T12:00:00Z'", noon, "= 65")).isTrue();
            assertThat(age("'1961-11-01T12:00:00.001Z'", noon, "= 64")).isTrue();
            assertThat(age("'1961-11-01T11:59:59Z'", noon, "= 65")).isTrue();
            // A local date-time is read as UTC.
            assertThat(age("'1961-11-01T12:00:00'", noon, "= 65")).isTrue();
            assertThat(age("'1961-11-01T12:00:01'", noon, "= 64")).isTrue();
            // Seconds may be left out, as ISO-8601 allows.
            assertThat(age("'1961-11-01T12:01Z'", noon, "= 64")).isTrue();
        }

        @Test
        void a_date_time_with_an_offset_is_moved_to_utc_first() {
            long noon = ms("2026-11-01T12:00:00Z");
            // 13:00+02:00 is 11:00Z, before noon: the birthday has come.
            assertThat(age("'1961-11-01T13:00:00+02:00'", noon, "= 65")).isTrue();
            // 01:00+02:00 on the 2nd is 23:00Z on the 1st, after noon: not yet.
            assertThat(age("'1961-11-02T01:00:00+02:00'", noon, "= 64")).isTrue();
            // 23:00-05:00 on 31 October is 04:00Z on 1 November, before noon.
            assertThat(age("'1961-10-31T23:00:00-05:00'", noon, "= 65")).isTrue();
        }

        @Test
        void a_date_alone_is_midnight_utc() {
            assertThat(age("'1961-11-01'", ms("2026-11-01T00:00:00Z"), "= 65")).isTrue();
            assertThat(age("'1961-11-01'", ms("2026-10-31T23:59:59.999Z"), "= 64")).isTrue();
        }

        @Test
        void a_leap_day_birthday_comes_on_the_first_of_march_in_common_years() {
            assertThat(age("'2000-02-29'", ms("2026-02-28T23:59:59.999Z"), "= 25")).isTrue();
            assertThat(age("'2000-02-29'", ms("2026-03-01T00:00:00Z"), "= 26")).isTrue();
            assertThat(age("'2000-02-29'", ms("2028-02-29T00:00:00Z"), "= 28")).isTrue();
            assertThat(age("'2000-02-29'", ms("2028-02-28T23:59:59Z"), "= 27")).isTrue();
        }

        @Test
        void comparison_is_with_a_whole_number_of_years_as_a_double() {
            assertThat(age("'1961-11-01'", T, "> 64.5")).isTrue();
            assertThat(age("'1961-11-01'", T, "= 65.0")).isTrue();
            assertThat(age("'1961-11-01'", T, "= 64.9")).isFalse();
            assertThat(age("'1961-11-01'", T, "!= 64")).isTrue();
        }

        @Test
        void a_birthday_after_the_instant_gives_a_negative_age() {
            assertThat(age("'2027-06-01'", T, "= -1")).isTrue();
            assertThat(age("'2026-11-01T00:00:00.001Z'", T, "= -1")).isTrue();
        }

        @Test
        void anything_but_a_date_string_is_false_for_every_operator() {
            for (String notADate : List.of("'1990-02-30'", "'yesterday'", "'1990-1-1'", "19900101", "true", "['1990-01-01']", "{'d':'1990-01-01'}")) {
                for (String cmp : List.of("= 36", "!= 36", "< 200", ">= -200")) {
                    assertThat(age(notADate, T, cmp)).as(notADate + " " + cmp).isFalse();
                }
            }
            assertThat(members("age(birthday) != 0", list(identify("u", T - DAY, "{}")))).isEmpty();
            assertThat(members("not age(birthday) >= 0", list(identify("u", T - DAY, "{}")))).containsExactly("u");
        }

        @Test
        void age_of_an_event_property_inside_where() {
            List<Message> ms = list(track("u", T - DAY, "Enrolled", "{'since':'2024-11-01'}"), track("v", T - DAY, "Enrolled", "{'since':'2024-11-02'}"));
            assertThat(members("did \"Enrolled\" where age(since) >= 2", ms)).containsExactly("u");
        }
    }

    // ---- events and windows -------------------------------------------------------------------

    @Nested
    class Windows {
        Set<String> at(long ts, String window) {
            List<Message> ms = list(identify("u", T - 1000 * DAY, "{}"), track("u", ts, "App Open"));
            return members("did \"App Open\" " + window, ms);
        }

        @Test
        void within_is_open_at_t_minus_d_and_closed_at_t() {
            assertThat(at(T - 30 * DAY, "within 30d")).isEmpty();
            assertThat(at(T - 30 * DAY + 1, "within 30d")).containsExactly("u");
            assertThat(at(T, "within 30d")).containsExactly("u");
            assertThat(at(T + 1, "within 30d")).isEmpty();
        }

        @Test
        void hours_and_weeks_are_fixed_lengths() {
            assertThat(at(T - 36 * HOUR, "within 36h")).isEmpty();
            assertThat(at(T - 36 * HOUR + 1, "within 36h")).containsExactly("u");
            assertThat(at(T - 14 * DAY, "within 2w")).isEmpty();
            assertThat(at(T - 14 * DAY + 1, "within 2w")).containsExactly("u");
        }

        @Test
        void between_ago_is_open_at_the_far_end_and_closed_at_the_near_end() {
            assertThat(at(T - 90 * DAY, "between 90d ago and 30d ago")).isEmpty();
            assertThat(at(T - 90 * DAY + 1, "between 90d ago and 30d ago")).containsExactly("u");
            assertThat(at(T - 30 * DAY, "between 90d ago and 30d ago")).containsExactly("u");
            assertThat(at(T - 30 * DAY + 1, "between 90d ago and 30d ago")).isEmpty();
        }

        @Test
        void from_to_is_closed_at_the_start_and_open_at_the_end() {
            assertThat(at(ms("2026-01-01T00:00:00Z") - 1, "from 2026-01-01 to 2026-02-01")).isEmpty();
            assertThat(at(ms("2026-01-01T00:00:00Z"), "from 2026-01-01 to 2026-02-01")).containsExactly("u");
            assertThat(at(ms("2026-02-01T00:00:00Z") - 1, "from 2026-01-01 to 2026-02-01")).containsExactly("u");
            assertThat(at(ms("2026-02-01T00:00:00Z"), "from 2026-01-01 to 2026-02-01")).isEmpty();
        }

        @Test
        void from_to_never_reaches_past_the_instant() {
            assertThat(at(T, "from 2026-10-01 to 2027-01-01")).containsExactly("u");
            assertThat(at(T + 1, "from 2026-10-01 to 2027-01-01")).isEmpty();
            assertThat(at(T + 1, "from 2026-11-01T00:00:00.001Z to 2027-01-01")).isEmpty();
        }

        @Test
        void no_window_is_everything_up_to_the_instant() {
            assertThat(at(ms("1970-01-01T00:00:00Z"), "")).containsExactly("u");
            assertThat(at(T, "")).containsExactly("u");
            assertThat(at(T + 1, "")).isEmpty();
        }
    }

    @Nested
    class Events {
        @Test
        void event_names_match_exactly_and_case_sensitively() {
            List<Message> ms = list(track("u", T - DAY, "app open"), track("v", T - DAY, "App Open"));
            assertThat(members("did \"App Open\"", ms)).containsExactly("v");
            assertThat(members("did \"App\"", ms)).isEmpty();
        }

        @Test
        void count_counts_matching_events_and_zero_is_a_count() {
            List<Message> ms = list(
                    identify("none", T - DAY, "{}"),
                    track("two", T - DAY, "Medication Refill"), track("two", T - 2 * DAY, "Medication Refill"),
                    track("two", T - 2 * DAY, "App Open"));
            assertThat(members("count(\"Medication Refill\") = 0", ms)).containsExactly("none");
            assertThat(members("count(\"Medication Refill\") >= 2", ms)).containsExactly("two");
            assertThat(members("count(\"Medication Refill\") != 1", ms)).containsExactlyInAnyOrder("none", "two");
            assertThat(members("count(\"Medication Refill\") > -1", ms)).containsExactlyInAnyOrder("none", "two");
            assertThat(members("count(\"Medication Refill\" within 36h) = 1", ms)).containsExactly("two");
        }

        @Test
        void where_combines_property_conditions_with_and_or_not() {
            List<Message> ms = list(
                    track("a", T - DAY, "Doctor Visit", "{'specialty':'cardiology','visit_type':'sick'}"),
                    track("b", T - DAY, "Doctor Visit", "{'specialty':'cardiology','visit_type':'wellness'}"),
                    track("c", T - DAY, "Doctor Visit", "{'specialty':'oncology'}"),
                    track("d", T - DAY, "Doctor Visit", "{'meta':{'source':'ehr'}}"));
            assertThat(members("did \"Doctor Visit\" where (specialty = \"cardiology\" and not visit_type = \"wellness\")", ms))
                    .containsExactly("a");
            assertThat(members("did \"Doctor Visit\" where (specialty = \"oncology\" or visit_type = \"wellness\")", ms))
                    .containsExactlyInAnyOrder("b", "c");
            assertThat(members("did \"Doctor Visit\" where (not specialty = \"cardiology\")", ms)).containsExactlyInAnyOrder("c", "d");
            assertThat(members("did \"Doctor Visit\" where meta.source = \"ehr\"", ms)).containsExactly("d");
        }

        @Test
        void where_and_window_apply_to_the_same_event() {
            List<Message> ms = list(
                    track("u", T - 100 * DAY, "Survey Answered", "{'score':10}"),
                    track("u", T - DAY, "Survey Answered", "{'score':3}"));
            assertThat(members("did \"Survey Answered\" where score >= 9 within 90d", ms)).isEmpty();
            assertThat(members("did \"Survey Answered\" where score >= 9", ms)).containsExactly("u");
        }

        @Test
        void traits_are_not_properties() {
            List<Message> ms = list(identify("u", T - 2 * DAY, "{'score':10}"), track("u", T - DAY, "Survey Answered", "{}"));
            assertThat(members("did \"Survey Answered\" where score = 10", ms)).isEmpty();
        }
    }

    @Nested
    class Aggregates {
        @Test
        void sum_of_nothing_is_zero_for_every_known_profile() {
            List<Message> ms = list(identify("u", T - DAY, "{}"), track("v", T - DAY, "Step Goal Met", "{'steps':'many'}"));
            assertThat(members("sum(\"Step Goal Met\".steps) = 0", ms)).containsExactlyInAnyOrder("u", "v");
            assertThat(members("sum(\"Step Goal Met\".steps) < 1", ms)).containsExactlyInAnyOrder("u", "v");
        }

        @Test
        void avg_min_max_of_nothing_are_missing_so_false_even_for_not_equal() {
            List<Message> ms = list(identify("u", T - DAY, "{}"), track("v", T - DAY, "Step Goal Met", "{'steps':null}"));
            for (String fn : List.of("avg", "min", "max")) {
                assertThat(members(fn + "(\"Step Goal Met\".steps) != 0", ms)).as(fn).isEmpty();
                assertThat(members(fn + "(\"Step Goal Met\".steps) >= -1e300", ms)).as(fn).isEmpty();
                assertThat(members("not " + fn + "(\"Step Goal Met\".steps) = 0", ms)).as(fn).containsExactlyInAnyOrder("u", "v");
            }
        }

        @Test
        void non_numeric_values_are_skipped_but_the_events_still_count() {
            List<Message> ms = list(
                    track("u", T - 5 * DAY, "Step Goal Met", "{'steps':10}"),
                    track("u", T - 4 * DAY, "Step Goal Met", "{'steps':'20'}"),
                    track("u", T - 3 * DAY, "Step Goal Met", "{'steps':30}"),
                    track("u", T - 2 * DAY, "Step Goal Met", "{'steps':null}"),
                    track("u", T - DAY, "Step Goal Met", "{'steps':[40]}"),
                    track("u", T - DAY, "Step Goal Met", "{}"));
            assertThat(members("avg(\"Step Goal Met\".steps) = 20", ms)).containsExactly("u");
            assertThat(members("sum(\"Step Goal Met\".steps) = 40", ms)).containsExactly("u");
            assertThat(members("min(\"Step Goal Met\".steps) = 10", ms)).containsExactly("u");
            assertThat(members("max(\"Step Goal Met\".steps) = 30", ms)).containsExactly("u");
            assertThat(members("count(\"Step Goal Met\") = 6", ms)).containsExactly("u");
        }

        @Test
        void aggregates_respect_where_and_window() {
            List<Message> ms = list(
                    track("u", T - 100 * DAY, "Medication Refill", "{'days_supply':90,'channel':'mail'}"),
                    track("u", T - 10 * DAY, "Medication Refill", "{'days_supply':30,'channel':'retail'}"),
                    track("u", T - 5 * DAY, "Medication Refill", "{'days_supply':90,'channel':'mail'}"));
            assertThat(members("sum(\"Medication Refill\".days_supply within 90d) = 120", ms)).containsExactly("u");
            assertThat(members("sum(\"Medication Refill\".days_supply where channel = \"mail\") = 180", ms)).containsExactly("u");
            assertThat(members("max(\"Medication Refill\".days_supply where channel = \"retail\") = 30", ms)).containsExactly("u");
        }

        @Test
        void a_nested_property_path() {
            List<Message> ms = list(track("u", T - DAY, "Step Goal Met", "{'detail':{'steps':7}}"));
            assertThat(members("sum(\"Step Goal Met\".detail.steps) = 7", ms)).containsExactly("u");
        }

        @Test
        void the_sum_runs_in_timestamp_order_not_read_order() {
            // In time order: 1e16 + -1e16 = 0, then + 1 = 1. In read order 1 + 1e16 rounds back
            // to 1e16 (the tie goes to the even significand), and the sum would end at 0.
            List<Message> ms = list(
                    track("u", T - 1 * DAY, "Step Goal Met", "{'steps':1}"),
                    track("u", T - 3 * DAY, "Step Goal Met", "{'steps':1e16}"),
                    track("u", T - 2 * DAY, "Step Goal Met", "{'steps':-1e16}"));
            assertThat(members("sum(\"Step Goal Met\".steps) = 1", ms)).containsExactly("u");
            assertThat(members("avg(\"Step Goal Met\".steps) = 0.3333333333333333", ms)).containsExactly("u");
        }

        @Test
        void timestamp_ties_are_summed_in_read_order() {
            // Read order 1e16, -1e16, 1 gives 1; any order starting 1, -1e16 gives 0.
            List<Message> ms = list(
                    track("u", T - DAY, "Step Goal Met", "{'steps':1e16}"),
                    track("u", T - DAY, "Step Goal Met", "{'steps':-1e16}"),
                    track("u", T - DAY, "Step Goal Met", "{'steps':1}"));
            assertThat(members("sum(\"Step Goal Met\".steps) = 1", ms)).containsExactly("u");
            List<Message> reversed = list(ms.get(2), ms.get(1), ms.get(0));
            assertThat(members("sum(\"Step Goal Met\".steps) = 0", reversed)).containsExactly("u");
        }

        @Test
        void a_sum_that_overflows_is_infinite() {
            List<Message> ms = list(
                    track("u", T - 2 * DAY, "Step Goal Met", "{'steps':1e308}"),
                    track("u", T - DAY, "Step Goal Met", "{'steps':1e308}"),
                    track("u", T - DAY, "Step Goal Met", "{'steps':-1e308}"));
            // 1e308 + 1e308 is +Infinity, and adding a finite number keeps it there.
            assertThat(members("sum(\"Step Goal Met\".steps) > 1.7e308", ms)).containsExactly("u");
            assertThat(members("avg(\"Step Goal Met\".steps) > 1.7e308", ms)).containsExactly("u");
        }

        @Test
        void min_and_max_compare_numbers() {
            List<Message> ms = list(
                    track("u", T - 3 * DAY, "Survey Answered", "{'score':-2.5}"),
                    track("u", T - 2 * DAY, "Survey Answered", "{'score':7}"),
                    track("u", T - DAY, "Survey Answered", "{'score':3}"));
            assertThat(members("min(\"Survey Answered\".score) = -2.5 and max(\"Survey Answered\".score) = 7", ms)).containsExactly("u");
        }
    }

    // ---- near ---------------------------------------------------------------------------------

    @Nested
    class Near {
        boolean near(String address, String args) {
            return holdsFor("{'address':" + address + "}", "near(address, " + args + " km)");
        }

        @Test
        void one_degree_of_longitude_on_the_equator_is_two_pi_r_over_360() {
            // 2π · 6371.0088 / 360 = 111.19508023... km
            assertThat(near("{'latitude':0,'longitude':0}", "0, 1, 111.19")).isFalse();
            assertThat(near("{'latitude':0,'longitude':0}", "0, 1, 111.2")).isTrue();
            assertThat(ReferenceEvaluator.distanceKm(0, 0, 0, 1)).isCloseTo(2 * Math.PI * 6371.0088 / 360, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void los_angeles_to_san_francisco() {
            // Computed independently with the same formula in double precision: 559.1709746246897 km.
            assertThat(ReferenceEvaluator.distanceKm(37.77, -122.42, 34.05, -118.24)).isCloseTo(559.1709746246897, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(near("{'latitude':37.77,'longitude':-122.42}", "34.05, -118.24, 559.17")).isFalse();
            assertThat(near("{'latitude':37.77,'longitude':-122.42}", "34.05, -118.24, 559.18")).isTrue();
        }

        @Test
        void the_radius_is_inclusive() {
            double d = ReferenceEvaluator.distanceKm(45.52, -122.68, 34.05, -118.24);
            assertThat(near("{'latitude':45.52,'longitude':-122.68}", "34.05, -118.24, " + d)).isTrue();
            assertThat(near("{'latitude':45.52,'longitude':-122.68}", "34.05, -118.24, " + Math.nextDown(d))).isFalse();
            assertThat(near("{'latitude':34.05,'longitude':-118.24}", "34.05, -118.24, 0")).isTrue();
        }

        @Test
        void latitude_and_longitude_must_both_be_numbers_in_an_object() {
            assertThat(near("{'latitude':'34.05','longitude':-118.24}", "34.05, -118.24, 100")).isFalse();
            assertThat(near("{'latitude':34.05}", "34.05, -118.24, 100")).isFalse();
            assertThat(near("{'latitude':34.05,'longitude':null}", "34.05, -118.24, 100")).isFalse();
            assertThat(near("[34.05,-118.24]", "34.05, -118.24, 100")).isFalse();
            assertThat(near("'Los Angeles'", "34.05, -118.24, 100")).isFalse();
            assertThat(holdsFor("{}", "near(address, 34.05, -118.24, 100 km)")).isFalse();
            assertThat(holdsFor("{}", "not near(address, 34.05, -118.24, 100 km)")).isTrue();
        }

        @Test
        void extra_keys_in_the_object_do_not_matter() {
            assertThat(near("{'city':'LA','latitude':34.06,'longitude':-118.25,'zip':'90012'}", "34.05, -118.24, 5")).isTrue();
        }
    }

    // ---- logic and segments -------------------------------------------------------------------

    @Nested
    class Logic {
        @Test
        void and_or_not_over_known_profiles() {
            List<Message> ms = list(
                    identify("a", T - DAY, "{'plan':'medicare','diabetes':true}"),
                    identify("b", T - DAY, "{'plan':'medicare'}"),
                    identify("c", T - DAY, "{'diabetes':true}"),
                    identify("d", T - DAY, "{}"));
            assertThat(members("plan = \"medicare\" and diabetes = true", ms)).containsExactly("a");
            assertThat(members("plan = \"medicare\" or diabetes = true", ms)).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(members("not (plan = \"medicare\" or diabetes = true)", ms)).containsExactly("d");
            assertThat(members("not plan = \"medicare\"", ms)).containsExactlyInAnyOrder("c", "d");
        }

        @Test
        void the_standard_workload_q4_reads_as_the_brief_says() {
            List<Message> ms = list(
                    withContext(identify("yes", T - 400 * DAY, "{'diabetes':true,'plan':'commercial','income_band':2}"), "{'os':{'name':'iOS'}}"),
                    track("yes", T - 200 * DAY, "Doctor Visit"),
                    withContext(identify("web", T - DAY, "{'hypertension':true,'plan':'medicare'}"), "{'os':{'name':'web'}}"),
                    identify("noctx", T - DAY, "{'hypertension':true,'plan':'medicare'}"),
                    withContext(identify("visited", T - DAY, "{'hypertension':true,'plan':'medicare'}"), "{'os':{'name':'Android'}}"),
                    track("visited", T - 180 * DAY + 1, "Doctor Visit"));
            String q4 = "(diabetes = true or hypertension = true) and (plan = \"medicare\" or income_band <= 2)"
                    + " and context.os.name != \"web\" and not did \"Doctor Visit\" within 180d";
            assertThat(members(q4, ms)).containsExactly("yes");
        }
    }

    @Nested
    class Segments {
        final List<Message> ms = list(
                identify("a", T - DAY, "{'plan':'medicare'}"),
                identify("b", T - DAY, "{'plan':'medicaid'}"),
                identify("c", T - DAY, "{}"));

        Set<String> eval(String definition, Map<String, String> segments) {
            Map<String, Condition> parsed = new LinkedHashMap<>();
            segments.forEach((k, v) -> parsed.put(k, SegmentParser.parse(v)));
            return ReferenceEvaluator.members(ms, T, SegmentParser.parse(definition), parsed);
        }

        @Test
        void in_segment_evaluates_the_referenced_definition() {
            Map<String, String> defs = Map.of("Medicare", "plan = \"medicare\"", "Public", "in segment \"Medicare\" or plan = \"medicaid\"");
            assertThat(eval("in segment \"Medicare\"", defs)).containsExactly("a");
            assertThat(eval("in segment \"Public\"", defs)).containsExactlyInAnyOrder("a", "b");
            assertThat(eval("not in segment \"Public\"", defs)).containsExactly("c");
        }

        @Test
        void an_unknown_segment_is_an_error() {
            assertThatThrownBy(() -> eval("in segment \"Nope\"", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
        }

        @Test
        void a_cycle_is_an_error_even_with_no_profiles() {
            Map<String, Condition> defs = Map.of(
                    "A", SegmentParser.parse("in segment \"B\""),
                    "B", SegmentParser.parse("plan = \"x\" and in segment \"A\""));
            assertThatThrownBy(() -> ReferenceEvaluator.members(List.of(), T, SegmentParser.parse("in segment \"A\""), defs))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A -> B -> A");
        }

        @Test
        void a_segment_referring_to_itself_is_a_cycle() {
            assertThatThrownBy(() -> eval("true and in segment \"S\"", Map.of("S", "not in segment \"S\"")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S -> S");
        }

        @Test
        void a_cycle_the_condition_does_not_reach_is_not_its_concern() {
            Map<String, String> defs = Map.of("Loop", "in segment \"Loop\"", "Medicare", "plan = \"medicare\"");
            assertThat(eval("in segment \"Medicare\"", defs)).containsExactly("a");
        }

        @Test
        void a_segment_reached_twice_without_a_cycle_is_fine() {
            Map<String, String> defs = Map.of("M", "plan = \"medicare\"", "X", "in segment \"M\" or in segment \"M\"");
            assertThat(eval("in segment \"M\" and in segment \"X\"", defs)).containsExactly("a");
        }
    }

    @Test
    void known_users_come_in_order_of_first_kept_message() {
        List<Message> ms = list(track("b", T - DAY, "App Open"), track("a", T + 1, "App Open"), identify("a", T - DAY, "{}"));
        assertThat(ReferenceEvaluator.knownUsers(ms, T)).containsExactly("b", "a");
        assertThat(Instant.ofEpochMilli(T)).isEqualTo(Instant.parse(T_TEXT));
    }
}
