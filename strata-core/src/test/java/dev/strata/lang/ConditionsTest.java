package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The factory simplifies, and the records refuse trees that are not simplified or not valid. */
class ConditionsTest {
    private static final Condition A = Conditions.test(Path.of("a"), new ValuePredicate.IsNull(false));
    private static final Condition B = Conditions.test(Path.of("b"), new ValuePredicate.IsNull(true));
    private static final Condition C = Conditions.inSegment("C");

    @Test
    void constantsFold() {
        assertThat(Conditions.and(A, Condition.TRUE)).isEqualTo(A);
        assertThat(Conditions.and(A, Condition.FALSE, B)).isEqualTo(Condition.FALSE);
        assertThat(Conditions.or(A, Condition.FALSE)).isEqualTo(A);
        assertThat(Conditions.or(A, Condition.TRUE)).isEqualTo(Condition.TRUE);
        assertThat(Conditions.and(List.of())).isEqualTo(Condition.TRUE);
        assertThat(Conditions.or(List.of())).isEqualTo(Condition.FALSE);
        assertThat(Conditions.not(Condition.TRUE)).isEqualTo(Condition.FALSE);
    }

    @Test
    void doubleNegationCancels() {
        assertThat(Conditions.not(Conditions.not(A))).isEqualTo(A);
    }

    @Test
    void junctionsFlattenAndDropDuplicates() {
        assertThat(Conditions.and(A, Conditions.and(B, C), A)).isEqualTo(new Condition.And(List.of(A, B, C)));
        assertThat(Conditions.or(Conditions.or(A, B), Conditions.or(B, C))).isEqualTo(new Condition.Or(List.of(A, B, C)));
        assertThat(Conditions.and(A, A)).isEqualTo(A);
    }

    @Test
    void orInsideAndIsKept() {
        Condition or = Conditions.or(A, B);
        assertThat(Conditions.and(or, C)).isEqualTo(new Condition.And(List.of(or, C)));
    }

    @Test
    void didWithAWhereThatCannotHoldIsFalse() {
        assertThat(Conditions.did("X", Condition.FALSE, Window.ALL_TIME)).isEqualTo(Condition.FALSE);
    }

    @Test
    void recordsRejectUnsimplifiedTrees() {
        assertThatThrownBy(() -> new Condition.And(List.of(A))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition.And(List.of(A, new Condition.And(List.of(B, C))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition.Or(List.of(A, Condition.TRUE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition.Not(new Condition.Not(A))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whereHoldsOnlyPropertyConditions() {
        assertThatThrownBy(() -> Conditions.did("X", C, Window.ALL_TIME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("where clause");
    }

    @Test
    void valuesAreChecked() {
        assertThatThrownBy(() -> new ValuePredicate.Compare(Cmp.LT, new Literal.Bool(true))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValuePredicate.Between(new Literal.Num(1), new Literal.Str("2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeSpan(0, TimeSpan.Unit.DAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Window.Ago(new TimeSpan(1, TimeSpan.Unit.DAYS), new TimeSpan(24, TimeSpan.Unit.HOURS)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Conditions.near(Path.of("a"), 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowInstantsAreMillisecondsInTheYears0000To9999() {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Window.Range(t, t.plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Window.Range(Instant.parse("-0001-12-31T00:00:00Z"), t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Window.Range(t, Instant.parse("+10000-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Window.Range(Instants.MIN, Instants.MAX).to()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void negativeZeroIsStoredAsZero() {
        assertThat(new Literal.Num(-0.0)).isEqualTo(new Literal.Num(0.0));
        assertThat(new ValuePredicate.Age(Cmp.GE, -0.0)).isEqualTo(new ValuePredicate.Age(Cmp.GE, 0.0));
        assertThat(Conditions.near(Path.of("a"), -0.0, -0.0, -0.0)).isEqualTo(Conditions.near(Path.of("a"), 0, 0, 0));
    }

    @Test
    void referencedSegmentsInOrderOfFirstAppearance() {
        Condition c = SegmentParser.parse("in segment \"B\" or not (in segment \"A\" and in segment \"B\")");
        assertThat(Conditions.referencedSegments(c)).containsExactly("B", "A");
    }

    @Test
    void windowBoundsFollowTheSemantics() {
        long t = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        long day = 86_400_000L;
        Window within = new Window.Within(new TimeSpan(30, TimeSpan.Unit.DAYS));
        assertThat(within.lowInclusive(t)).isEqualTo(t - 30 * day + 1);
        assertThat(within.highInclusive(t)).isEqualTo(t);
        Window ago = new Window.Ago(new TimeSpan(90, TimeSpan.Unit.DAYS), new TimeSpan(30, TimeSpan.Unit.DAYS));
        assertThat(ago.lowInclusive(t)).isEqualTo(t - 90 * day + 1);
        assertThat(ago.highInclusive(t)).isEqualTo(t - 30 * day);
        Window range = new Window.Range(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(range.lowInclusive(t)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
        assertThat(range.highInclusive(t)).as("never past T").isEqualTo(t);
        assertThat(new Window.Range(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")).highInclusive(t))
                .isEqualTo(Instant.parse("2025-02-01T00:00:00Z").toEpochMilli() - 1);
    }
}
