package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.ChangeLog.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class ChangeLogContract extends StoreTestBase {
    static final long DAY = 86_400_000L;
    static final long D0 = 20_000 * DAY; // 2024-10-04T00:00Z

    static Change change(String segment, String user, boolean entered, long at) {
        return new Change(0, segment, user, entered, at);
    }

    void appendSample() {
        store.changes().append(List.of(
                change("s1", "u1", true, D0 + 1_000),
                change("s1", "u2", true, D0 + 2_000),
                change("s2", "u1", true, D0 + 3_000),
                change("s1", "u1", false, D0 + DAY + 5),
                change("s1", "u3", true, D0 + DAY + 6),
                change("s1", "u2", false, D0 + 3 * DAY)));
    }

    @Test
    void readsASegmentsChangesOldestFirstSinceAnInstant() {
        appendSample();

        List<Change> all = store.changes().forSegment("s1", 0, 100);
        assertThat(all).extracting(Change::userKey, Change::entered, Change::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("u1", true, D0 + 1_000),
                org.assertj.core.groups.Tuple.tuple("u2", true, D0 + 2_000),
                org.assertj.core.groups.Tuple.tuple("u1", false, D0 + DAY + 5),
                org.assertj.core.groups.Tuple.tuple("u3", true, D0 + DAY + 6),
                org.assertj.core.groups.Tuple.tuple("u2", false, D0 + 3 * DAY));
        assertThat(all).extracting(Change::seq).doesNotHaveDuplicates().allMatch(seq -> seq > 0);
        assertThat(store.changes().forSegment("s1", D0 + DAY, 100)).extracting(Change::at)
                .containsExactly(D0 + DAY + 5, D0 + DAY + 6, D0 + 3 * DAY);
        assertThat(store.changes().forSegment("s1", 0, 2)).extracting(Change::at).containsExactly(D0 + 1_000, D0 + 2_000);
    }

    @Test
    void readsAUsersChangesNewestFirstAcrossSegments() {
        appendSample();

        assertThat(store.changes().forUser("u1", 100)).extracting(Change::segmentId, Change::entered).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", false),
                org.assertj.core.groups.Tuple.tuple("s2", true),
                org.assertj.core.groups.Tuple.tuple("s1", true));
        assertThat(store.changes().forUser("u1", 1)).hasSize(1);
        assertThat(store.changes().forUser("nobody", 10)).isEmpty();
    }

    @Test
    void countsEntriesAndExitsPerDay() {
        appendSample();

        List<long[]> days = store.changes().dailyCounts("s1", 0);

        assertThat(days).extracting(d -> d[0], d -> d[1], d -> d[2]).containsExactly(
                org.assertj.core.groups.Tuple.tuple(20_000L, 2L, 0L),
                org.assertj.core.groups.Tuple.tuple(20_001L, 1L, 1L),
                org.assertj.core.groups.Tuple.tuple(20_003L, 0L, 1L));
        assertThat(store.changes().dailyCounts("s1", D0 + 2 * DAY)).hasSize(1);
        assertThat(store.changes().dailyCounts("s2", 0)).singleElement().satisfies(d -> assertThat(d).containsExactly(20_000L, 1L, 0L));
    }

    @Test
    void readsTheInstantOfASegmentsNewestChange() {
        appendSample();

        assertThat(store.changes().lastChange("s1")).hasValue(D0 + 3 * DAY);
        assertThat(store.changes().lastChange("nothing")).isEmpty();
    }

    @Test
    void readsTheNewestChangeOfManySegmentsAtOnce() {
        appendSample();

        assertThat(store.changes().lastChanges(List.of("s1", "s2", "nothing", "s1")))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("s1", D0 + 3 * DAY, "s2", D0 + 3_000));
        assertThat(store.changes().lastChanges(List.of())).isEmpty();

        // more ids than one query takes: each still answered
        List<Change> many = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            ids.add("many-" + i);
            if (i % 2 == 0) many.add(change("many-" + i, "u", true, D0 + i));
        }
        store.changes().append(many);
        java.util.Map<String, Long> last = store.changes().lastChanges(ids);
        assertThat(last).hasSize(602).containsEntry("many-0", D0).containsEntry("many-1202", D0 + 1_202).doesNotContainKey("many-1");
        for (String id : ids) assertThat(last.get(id)).isEqualTo(store.changes().lastChange(id).isPresent() ? store.changes().lastChange(id).getAsLong() : null);
    }

    @Test
    void deletesByUserAndBySegment() {
        appendSample();

        store.changes().deleteUser("u1");
        assertThat(store.changes().forUser("u1", 10)).isEmpty();
        assertThat(store.changes().forSegment("s1", 0, 100)).extracting(Change::userKey).containsExactly("u2", "u3", "u2");

        store.changes().deleteSegment("s1");
        assertThat(store.changes().forSegment("s1", 0, 100)).isEmpty();
        assertThat(store.changes().forUser("u3", 10)).isEmpty();
    }

    @Test
    void keepsChangesAcrossReopen() {
        appendSample();

        reopen();

        assertThat(store.changes().forSegment("s1", 0, 100)).hasSize(5);
    }
}
