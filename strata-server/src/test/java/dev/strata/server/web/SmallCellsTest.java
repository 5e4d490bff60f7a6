package dev.strata.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small-cell rule: primary suppression, and secondary suppression in related counts. */
class SmallCellsTest {

    @Test
    void primarySuppressionHidesOneToTenOnlyForCallersWithoutPersonalData() {
        SmallCells analyst = SmallCells.suppressed();
        assertThat(analyst.count(0)).isEqualTo(0L);
        assertThat(analyst.count(1)).isEqualTo("<11");
        assertThat(analyst.count(10)).isEqualTo("<11");
        assertThat(analyst.count(11)).isEqualTo(11L);
        assertThat(SmallCells.exact().count(3)).isEqualTo(3L);
    }

    @Test
    void aSingleSmallBucketTakesTheNextSmallestNonZeroWithIt() {
        SmallCells.Table t = SmallCells.suppressed().table();
        int total = t.total(1000);
        int a = t.part(600);
        int b = t.part(3);
        int c = t.part(0);
        int d = t.part(150);
        int missing = t.part(247);
        t.relate(total, a, b, c, d, missing);
        assertThat(t.shown(b)).isEqualTo("<11");
        assertThat(t.shown(d)).isEqualTo("hidden");
        assertThat(t.shown(c)).isEqualTo(0L);
        assertThat(t.shown(a)).isEqualTo(600L);
        assertThat(t.shown(missing)).isEqualTo(247L);
        assertThat(t.shown(total)).isEqualTo(1000L);
    }

    @Test
    void twoSmallBucketsNeedNothingMore() {
        SmallCells.Table t = SmallCells.suppressed().table();
        int total = t.total(100);
        int a = t.part(5);
        int b = t.part(7);
        int rest = t.part(88);
        t.relate(total, a, b, rest);
        assertThat(List.of(t.shown(a), t.shown(b), t.shown(rest), t.shown(total))).containsExactly("<11", "<11", 88L, 100L);
    }

    @Test
    void editorsSeeEveryCellExactly() {
        SmallCells.Table t = SmallCells.exact().table();
        int total = t.total(10);
        int a = t.part(3);
        int b = t.part(7);
        t.relate(total, a, b);
        assertThat(List.of(t.shown(total), t.shown(a), t.shown(b))).containsExactly(10L, 3L, 7L);
    }

    /**
     * Random breakdowns and size histories: in every relation, the cells not shown as numbers are
     * either none or at least two, so none of them equals the shown total minus the shown cells;
     * and a cell is only ever hidden if it is not zero.
     */
    @Test
    void noHiddenCountCanBeWorkedOutFromTheShownOnes() {
        Random r = new Random(11);
        for (int round = 0; round < 2000; round++) {
            SmallCells.Table t = SmallCells.suppressed().table();
            List<long[]> values = new ArrayList<>();
            List<int[]> relations = new ArrayList<>();
            if (r.nextBoolean()) {
                int n = 1 + r.nextInt(8);
                int[] rel = new int[n + 1];
                long sum = 0;
                for (int i = 1; i <= n; i++) {
                    long v = randomCount(r);
                    sum += v;
                    rel[i] = t.part(v);
                    values.add(new long[] {rel[i], v});
                }
                rel[0] = t.total(sum);
                values.add(new long[] {rel[0], sum});
                t.relate(rel);
                relations.add(rel);
            } else {
                int days = 2 + r.nextInt(10);
                long size = randomCount(r);
                int previous = t.total(size);
                values.add(new long[] {previous, size});
                for (int d = 0; d < days; d++) {
                    long in = randomCount(r);
                    long out = Math.min(size, randomCount(r));
                    size = size + in - out;
                    int e = t.part(in);
                    int x = t.part(out);
                    int next = t.total(size);
                    values.add(new long[] {e, in});
                    values.add(new long[] {x, out});
                    values.add(new long[] {next, size});
                    int[] rel = {previous, e, x, next};
                    t.relate(rel);
                    relations.add(rel);
                    previous = next;
                }
            }
            for (int[] rel : relations) {
                int notShown = 0;
                for (int m : rel) if (!(t.shown(m) instanceof Long)) notShown++;
                assertThat(notShown).as("cells not shown in a relation").isNotEqualTo(1);
            }
            for (long[] v : values) {
                Object shown = t.shown((int) v[0]);
                if (shown instanceof Long n) {
                    assertThat(n).isEqualTo(v[1]);
                    assertThat(n < 1 || n > 10).isTrue();
                } else {
                    assertThat(v[1]).isPositive();
                    if (shown.equals("<11")) assertThat(v[1]).isBetween(1L, 10L);
                    else assertThat(shown).isEqualTo("hidden");
                }
            }
        }
    }

    private static long randomCount(Random r) {
        int kind = r.nextInt(4);
        if (kind == 0) return 0;
        if (kind == 1) return 1 + r.nextInt(10);
        return 11 + r.nextInt(500);
    }
}
