package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.engine.PopulationBuilder;
import dev.strata.json.Json;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveEngineTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long T = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    private final long[] clock = {T};
    private final Map<String, List<Message>> store = new HashMap<>();
    private int ids;

    private LiveEngine engine(List<Message> snapshot) {
        PopulationBuilder b = new PopulationBuilder(Long.MAX_VALUE);
        for (Message m : snapshot) {
            b.accept(m);
            store.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(m);
        }
        return new LiveEngine(b.build(), () -> clock[0]);
    }

    private List<MembershipChange> ingest(LiveEngine e, Message... ms) {
        for (Message m : ms) store.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(m);
        return e.apply(List.of(ms));
    }

    private Message track(String user, String event, long t) {
        return Message.track(user, "m-" + ids++, t, event, Json.Obj.EMPTY, null);
    }

    private Message identify(String user, long t, String key, Json value) {
        return Message.identify(user, "m-" + ids++, t, new Json.Obj(Map.of(key, value)), null);
    }

    @Test
    void a_window_sliding_past_the_last_event_moves_the_profile_at_that_instant_without_a_message() {
        long last = T - 30 * DAY + HOUR; // leaves "within 30d" at last + 30d = T + 1h
        LiveEngine e = engine(List.of(track("a", "App Open", last), track("b", "App Open", T - DAY)));
        e.define("lapsed", "lapsed", SegmentParser.parse("not did \"App Open\" within 30d"), SegmentKind.DYNAMIC, null);
        assertThat(e.size("lapsed")).isZero();
        assertThat(e.nextDue()).isEqualTo(T + HOUR);

        clock[0] = T + HOUR - 1;
        assertThat(e.advance()).isEmpty();
        clock[0] = T + HOUR + 250;
        assertThat(e.advance()).containsExactly(new MembershipChange("lapsed", "a", true, T + HOUR));
        assertThat(e.segmentsOf("a")).containsExactly("lapsed");
        assertThat(e.nextDue()).isEqualTo(T - DAY + 30 * DAY);
    }

    @Test
    void a_message_moves_membership_at_once_and_reschedules_the_exit() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "plan", new Json.Str("medicare"))));
        e.define("active", "active", SegmentParser.parse("did \"App Open\" within 7d"), SegmentKind.DYNAMIC, null);
        assertThat(e.size("active")).isZero();

        List<MembershipChange> changes = ingest(e, track("a", "App Open", T - HOUR));
        assertThat(changes).containsExactly(new MembershipChange("active", "a", true, T));
        assertThat(e.nextDue()).isEqualTo(T - HOUR + 7 * DAY);

        List<MembershipChange> newcomer = ingest(e, track("new", "App Open", T));
        assertThat(newcomer).containsExactly(new MembershipChange("active", "new", true, T));
        assertThat(e.profileCount()).isEqualTo(2);

        clock[0] = T + 7 * DAY - HOUR; // a's event leaves the window; new's leaves an hour later
        assertThat(e.advance()).extracting(MembershipChange::userKey).containsExactly("a");
        assertThat(e.size("active")).isEqualTo(1);
    }

    @Test
    void an_age_condition_changes_on_the_birthday() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "birthday", new Json.Str("1961-11-03"))));
        e.define("65+", "65+", SegmentParser.parse("age(birthday) >= 65"), SegmentKind.DYNAMIC, null);
        assertThat(e.size("65+")).isZero();
        long birthday = Instant.parse("2026-11-03T00:00:00Z").toEpochMilli();
        assertThat(e.nextDue()).isEqualTo(birthday);
        clock[0] = birthday;
        assertThat(e.advance()).containsExactly(new MembershipChange("65+", "a", true, birthday));
    }

    @Test
    void static_segments_keep_their_members_and_dynamic_ones_can_refer_to_them() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "plan", new Json.Str("medicare")),
                identify("b", T - DAY, "plan", new Json.Str("medicaid"))));
        e.define("list", "uploaded", null, SegmentKind.STATIC, List.of("b", "nobody"));
        e.define("mix", "mix", SegmentParser.parse("in segment \"uploaded\" or plan = \"medicare\""), SegmentKind.DYNAMIC, null);
        assertThat(e.size("list")).isEqualTo(1);
        assertThat(e.size("mix")).isEqualTo(2);

        // Re-uploading the list refreshes the dynamic segment that refers to it.
        List<MembershipChange> changes = e.define("list", "uploaded", null, SegmentKind.STATIC, List.of());
        assertThat(changes).contains(new MembershipChange("list", "b", false, T), new MembershipChange("mix", "b", false, T));

        assertThatThrownBy(() -> e.remove("list")).hasMessageContaining("referred to by \"mix\"");
        assertThatThrownBy(() -> e.define("list", "renamed", null, SegmentKind.STATIC, List.of())).hasMessageContaining("rename refused");
    }

    @Test
    void unknown_references_and_cycles_are_refused() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "plan", new Json.Str("x"))));
        assertThatThrownBy(() -> e.define("s", "s", SegmentParser.parse("in segment \"nope\""), SegmentKind.DYNAMIC, null))
                .hasMessageContaining("unknown segment \"nope\"");
        e.define("a", "A", SegmentParser.parse("plan = \"x\""), SegmentKind.DYNAMIC, null);
        e.define("b", "B", SegmentParser.parse("in segment \"A\""), SegmentKind.DYNAMIC, null);
        assertThatThrownBy(() -> e.define("a", "A", SegmentParser.parse("in segment \"B\""), SegmentKind.DYNAMIC, null))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> e.preview(SegmentParser.parse("in segment \"C\""))).hasMessageContaining("unknown segment");
        assertThat(e.preview(SegmentParser.parse("in segment \"B\""))).isEqualTo(1);
    }

    @Test
    void erasure_removes_the_profile_from_every_segment() {
        LiveEngine e = engine(List.of(track("a", "App Open", T - HOUR), track("b", "App Open", T - HOUR)));
        e.define("active", "active", SegmentParser.parse("did \"App Open\" within 7d"), SegmentKind.DYNAMIC, null);
        e.define("snap", "snap", SegmentParser.parse("did \"App Open\""), SegmentKind.STATIC, null);
        assertThat(e.erase("a")).containsExactlyInAnyOrder(new MembershipChange("active", "a", false, T), new MembershipChange("snap", "a", false, T));
        assertThat(e.profile("a")).isEmpty();
        assertThat(e.segmentsOf("a")).isEmpty();
        assertThat(e.profileCount()).isEqualTo(1);
        assertThat(e.preview(SegmentParser.parse("did \"App Open\""))).isEqualTo(1);
        clock[0] = T + 8 * DAY;
        assertThat(e.advance()).extracting(MembershipChange::userKey).containsExactly("b");
    }

    @Test
    void members_page_through_a_cursor() {
        List<Message> ms = new ArrayList<>();
        for (int i = 0; i < 25; i++) ms.add(identify("u" + i, T - DAY, "plan", new Json.Str("x")));
        LiveEngine e = engine(ms);
        e.define("all", "all", SegmentParser.parse("plan = \"x\""), SegmentKind.DYNAMIC, null);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MembersPage p = e.members("all", cursor, 10);
            seen.addAll(p.members());
            cursor = p.next();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(Set.copyOf(seen)).hasSize(25);
        assertThatThrownBy(() -> e.members("all", "x'; drop", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_explanation_gives_each_conditions_truth_and_the_facts_behind_it() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "plan", new Json.Str("medicare")),
                track("a", "App Open", T - 2 * DAY), track("a", "App Open", T - 40 * DAY)));
        e.define("s", "s", SegmentParser.parse("plan = \"medicare\" and count(\"App Open\" within 30d) >= 2"), SegmentKind.DYNAMIC, null);
        Explanation x = e.explain("s", "a");
        assertThat(x.member()).isFalse();
        assertThat(x.root().holds()).isFalse();
        assertThat(x.root().children()).hasSize(2);
        Explanation.Node plan = x.root().children().get(0);
        assertThat(plan.holds()).isTrue();
        assertThat(plan.facts()).containsEntry("value", "medicare");
        Explanation.Node count = x.root().children().get(1);
        assertThat(count.holds()).isFalse();
        assertThat(count.facts()).containsEntry("matchingEvents", 1L).containsEntry("eventsOfThatName", 2);
        assertThatThrownBy(() -> e.explain("s", "ghost")).hasMessageContaining("no profile");
    }

    @Test
    void a_static_segment_explains_its_fixed_membership() {
        LiveEngine e = engine(List.of(identify("a", T - DAY, "plan", new Json.Str("x")), identify("b", T - DAY, "plan", new Json.Str("y"))));
        e.define("list", "list", null, SegmentKind.STATIC, List.of("a"));
        assertThat(e.explain("list", "a").member()).isTrue();
        assertThat(e.explain("list", "b").root().facts()).containsEntry("staticMember", false);
        e.define("snap", "snap", SegmentParser.parse("plan = \"x\""), SegmentKind.STATIC, null);
        ingest(e, identify("b", T, "plan", new Json.Str("x")));
        Explanation b = e.explain("snap", "b");
        assertThat(b.member()).isFalse();
        assertThat(b.root().facts()).containsEntry("definitionHoldsNow", true);
        assertThatThrownBy(() -> e.define("d", "d", null, SegmentKind.DYNAMIC, null)).hasMessageContaining("no definition");
    }
}
