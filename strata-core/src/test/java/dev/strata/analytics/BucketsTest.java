package dev.strata.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.lang.Path;
import dev.strata.lang.SegmentPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    static final Path P = Path.of("x");

    static List<String> conditions(List<Bucket> buckets) {
        return buckets.stream().map(b -> SegmentPrinter.print(b.condition())).toList();
    }

    @Test
    void manyNumbersGoToRoundRangesCoveringMinToMax() {
        List<Bucket> b = Buckets.ranges(P, 3.2, 97.5);
        assertThat(conditions(b).get(0)).isEqualTo("x >= 0 and x < 10");
        assertThat(conditions(b).get(b.size() - 1)).isEqualTo("x >= 90 and x < 100");
        assertThat(b).hasSize(10);
        assertThat(conditions(Buckets.ranges(P, 0.1, 0.3))).first().isEqualTo("x >= 0.1 and x < 0.12");
        assertThat(Buckets.roundStep(0.3 / 10).toPlainString()).isEqualTo("0.05");
        assertThat(Buckets.ranges(P, 5, 5)).hasSize(1);
    }

    @Test
    void fewNumbersAreBucketedByValueInOrder() {
        FieldSummary s = new FieldSummary(50, 50);
        for (double v : new double[] {3, 1, 2, 3, 1}) s.number(v, 1, (int) (v * 10) + s.hashCode() % 2);
        assertThat(conditions(Buckets.of(P, s, 20))).containsExactly("x = 1", "x = 2", "x = 3");
    }

    @Test
    void stringsBeyondTheLimitShareAnOtherBucket() {
        FieldSummary s = new FieldSummary(100, 50);
        String[] values = {"a", "a", "a", "b", "b", "c", "d"};
        for (int i = 0; i < values.length; i++) s.string(values[i], 1, i, false);
        List<Bucket> b = Buckets.of(P, s, 2);
        assertThat(b).extracting(Bucket::label).containsExactly("a", "b", "other");
        assertThat(conditions(b).get(2)).isEqualTo("x not in (\"a\", \"b\")");
    }

    @Test
    void datesGoByYearOrByDecadeWhenThereAreMoreYearsThanTheLimit() {
        FieldSummary few = new FieldSummary(100, 50);
        few.string("1990-05-01", 1, 1, true);
        few.string("1991-01-31", 1, 2, true);
        assertThat(conditions(Buckets.of(P, few, 20))).containsExactly("x >= \"1990\" and x < \"1991\"", "x >= \"1991\" and x < \"1992\"");
        FieldSummary many = new FieldSummary(100, 50);
        for (int y = 1950; y < 1990; y++) many.string(y + "-01-01", 1, y, true);
        assertThat(Buckets.of(P, many, 20)).extracting(Bucket::label).containsExactly("1950s", "1960s", "1970s", "1980s");
    }

    @Test
    void objectsCannotBeBrokenDown() {
        FieldSummary s = new FieldSummary(50, 50);
        s.object(3);
        assertThatThrownBy(() -> Buckets.of(P, s, 20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objects");
        assertThat(Buckets.of(P, new FieldSummary(50, 50), 20)).isEmpty();
    }

    @Test
    void ageBandsDoNotOverlap() {
        assertThat(conditions(Buckets.ageBands(Buckets.BIRTHDAY))).containsExactly("age(birthday) < 18",
                "age(birthday) >= 18 and age(birthday) < 35", "age(birthday) >= 35 and age(birthday) < 50",
                "age(birthday) >= 50 and age(birthday) < 65", "age(birthday) >= 65 and age(birthday) < 75", "age(birthday) >= 75");
    }
}
