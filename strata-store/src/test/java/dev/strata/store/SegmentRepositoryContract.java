package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.store.SegmentRepository.SegmentRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class SegmentRepositoryContract extends StoreTestBase {
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678901Z");

    static SegmentRecord segment(String id, String name, Instant at) {
        return new SegmentRecord(id, name, "did \"App Open\" within 30d", "dynamic", at, at, "alice");
    }

    @Test
    void insertsAndReadsBackByIdAndName() {
        SegmentRecord stored = store.segments().insert(segment("s1", "Active", T0));

        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        assertThat(store.segments().get("s1")).contains(stored);
        assertThat(store.segments().byName("Active")).contains(stored);
        assertThat(store.segments().get("nope")).isEmpty();
        assertThat(store.segments().byName("nope")).isEmpty();
    }

    @Test
    void refusesATakenIdOrName() {
        store.segments().insert(segment("s1", "Active", T0));

        assertThatThrownBy(() -> store.segments().insert(segment("s2", "Active", T0)))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("Active");
        assertThatThrownBy(() -> store.segments().insert(segment("s1", "Other", T0)))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("s1");
        assertThat(store.segments().list()).hasSize(1);
    }

    @Test
    void listsOldestFirst() {
        store.segments().insert(segment("b", "Second", T0.plusSeconds(10)));
        store.segments().insert(segment("a", "First", T0));
        store.segments().insert(segment("c", "Third", T0.plusSeconds(20)));

        assertThat(store.segments().list()).extracting(SegmentRecord::id).containsExactly("a", "b", "c");
    }

    @Test
    void updatesNameDefinitionKindAndUpdatedAtOnly() {
        store.segments().insert(segment("s1", "Active", T0));
        store.segments().insert(segment("s2", "Other", T0));

        SegmentRecord changed = new SegmentRecord("s1", "Very active", "count(\"App Open\" within 7d) >= 3", "static",
                T0.plusSeconds(999), T0.plusSeconds(60), "mallory");
        assertThat(store.segments().update(changed)).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("Very active");
            assertThat(s.definition()).isEqualTo("count(\"App Open\" within 7d) >= 3");
            assertThat(s.kind()).isEqualTo("static");
            assertThat(s.updatedAt()).isEqualTo(Instant.ofEpochMilli(T0.plusSeconds(60).toEpochMilli()));
            assertThat(s.createdAt()).isEqualTo(Instant.ofEpochMilli(T0.toEpochMilli()));
            assertThat(s.createdBy()).isEqualTo("alice");
        });
        assertThat(store.segments().byName("Active")).isEmpty();
        assertThat(store.segments().update(segment("ghost", "Ghost", T0))).isEmpty();
        assertThatThrownBy(() -> store.segments().update(segment("s1", "Other", T0)))
                .isInstanceOf(StoreConflictException.class);
        assertThat(store.segments().update(segment("s2", "Other", T0.plusSeconds(5)))).isPresent();
    }

    @Test
    void storesDescriptionsExactlyAndReplacesThemOnUpdate() {
        String text = "Chronic patients who book online.\nTwo lines, \"quotes\", 'apostrophes', tab\there, and non-ASCII: München, 血压, 🩺.";
        SegmentRecord described = new SegmentRecord("s1", "Described", "diabetes = true", "dynamic", T0, T0, "alice", text);
        store.segments().insert(described);
        store.segments().insert(segment("s2", "Plain", T0));

        assertThat(store.segments().get("s1")).hasValueSatisfying(s -> assertThat(s.description()).isEqualTo(text));
        assertThat(store.segments().get("s2")).hasValueSatisfying(s -> assertThat(s.description()).isNull());
        assertThat(store.segments().list()).extracting(SegmentRecord::description).containsExactly(text, null);

        SegmentRecord changed = new SegmentRecord("s2", "Plain", "diabetes = false", "dynamic", T0, T0.plusSeconds(1), "alice", "Now described");
        assertThat(store.segments().update(changed)).hasValueSatisfying(s -> assertThat(s.description()).isEqualTo("Now described"));
        SegmentRecord cleared = new SegmentRecord("s1", "Described", "diabetes = true", "dynamic", T0, T0.plusSeconds(2), "alice", null);
        assertThat(store.segments().update(cleared)).hasValueSatisfying(s -> assertThat(s.description()).isNull());

        reopen();
        assertThat(store.segments().byName("Plain")).hasValueSatisfying(s -> assertThat(s.description()).isEqualTo("Now described"));
        assertThat(store.segments().byName("Described")).hasValueSatisfying(s -> assertThat(s.description()).isNull());
    }

    @Test
    void replacesAndReadsStaticMembers() {
        store.segments().insert(segment("s1", "Static", T0));

        store.segments().saveStaticMembers("s1", List.of("u3", "u1", "u2", "u1"));
        assertThat(store.segments().staticMembers("s1")).containsExactly("u1", "u2", "u3");

        store.segments().saveStaticMembers("s1", List.of("u9"));
        assertThat(store.segments().staticMembers("s1")).containsExactly("u9");

        store.segments().saveStaticMembers("s1", List.of());
        assertThat(store.segments().staticMembers("s1")).isEmpty();
    }

    @Test
    void removesAnErasedUserFromEveryStaticSegment() {
        store.segments().insert(segment("s1", "One", T0));
        store.segments().insert(segment("s2", "Two", T0));
        store.segments().saveStaticMembers("s1", List.of("gone", "keep"));
        store.segments().saveStaticMembers("s2", List.of("gone"));

        store.segments().removeFromStaticMembers("gone");

        assertThat(store.segments().staticMembers("s1")).containsExactly("keep");
        assertThat(store.segments().staticMembers("s2")).isEmpty();
    }

    @Test
    void deletesASegmentWithItsMembers() {
        store.segments().insert(segment("s1", "One", T0));
        store.segments().saveStaticMembers("s1", List.of("a", "b"));

        assertThat(store.segments().delete("s1")).isTrue();
        assertThat(store.segments().delete("s1")).isFalse();
        assertThat(store.segments().get("s1")).isEmpty();
        assertThat(store.segments().staticMembers("s1")).isEmpty();
        // the name is free again
        store.segments().insert(segment("s1b", "One", T0));
    }

    @Test
    void keepsSegmentsAcrossReopen() {
        SegmentRecord stored = store.segments().insert(segment("s1", "Kept", T0));
        store.segments().saveStaticMembers("s1", List.of("x"));

        reopen();

        assertThat(store.segments().get("s1")).contains(stored);
        assertThat(store.segments().staticMembers("s1")).containsExactly("x");
    }

    @Test
    void storesNamesAndDefinitionsThatLookLikeSqlAsText() {
        String name = "x'); DROP TABLE segments; --";
        SegmentRecord s = new SegmentRecord("id' OR '1'='1", name, "trait \"a\" = 'b'; --", "dynamic", T0, T0, null);

        store.segments().insert(s);

        assertThat(store.segments().byName(name)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("id' OR '1'='1"));
        assertThat(store.segments().get("x")).isEmpty();
        assertThat(store.segments().list()).hasSize(1);
    }
}
