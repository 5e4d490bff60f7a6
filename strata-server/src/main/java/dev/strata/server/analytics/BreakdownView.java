package dev.strata.server.analytics;

import dev.strata.analytics.Bucket;
import dev.strata.analytics.Buckets;
import dev.strata.lang.Condition;
import dev.strata.lang.Conditions;
import dev.strata.lang.Literal;
import dev.strata.lang.Path;
import dev.strata.lang.SegmentPrinter;
import dev.strata.lang.ValuePredicate;
import dev.strata.live.LiveAnalytics;
import dev.strata.server.web.SmallCells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breakdown as the caller may see it. For roles without personal data, a bucket of 1 to 10
 * profiles would show its value next to a count that could single people out, and for a field such
 * as {@code email}, {@code phone} or {@code address.zip} the value itself points at someone: such
 * buckets lose their label and condition and are merged into one bucket, {@value #SMALL_VALUES},
 * whose count follows the small-cell rule like any other. For a string field the "other" bucket
 * (values past the limit) joins it too, because its condition ({@code not in [...]}) lists every
 * value shown above it; the merged bucket's condition is then {@code path not in [the values
 * still shown]} ({@code path >= ""}, any string, when none is), which selects exactly its
 * profiles. For other fields it has no condition.
 */
final class BreakdownView {
    static final String SMALL_VALUES = "other values (fewer than 11 each)";
    static final String OTHER_VALUES = "other values";

    private BreakdownView() {
    }

    static Map<String, Object> of(LiveAnalytics.Breakdown b, String by, SmallCells rule) {
        List<LiveAnalytics.BucketCount> kept = new ArrayList<>();
        List<LiveAnalytics.BucketCount> merged = new ArrayList<>();
        for (LiveAnalytics.BucketCount bc : b.buckets()) {
            if (rule.isSmall(bc.count())) merged.add(bc);
            else kept.add(bc);
        }
        Condition mergedCondition = null;
        String mergedLabel = SMALL_VALUES;
        if (!merged.isEmpty()) {
            Path path = stringPath(b.buckets());
            if (path != null) {
                LiveAnalytics.BucketCount other = null;
                for (LiveAnalytics.BucketCount bc : kept) if (bc.bucket().label().equals(Buckets.OTHER) && !isValue(bc.bucket())) other = bc;
                if (other != null) {
                    kept.remove(other);
                    merged.add(other);
                    mergedLabel = OTHER_VALUES;
                }
                List<Literal> shown = new ArrayList<>();
                for (LiveAnalytics.BucketCount bc : kept) shown.add(((ValuePredicate.Compare) ((Condition.Test) bc.bucket().condition()).predicate()).value());
                // with no value left to exclude, >= "" holds for every string and only for strings
                mergedCondition = Conditions.test(path, shown.isEmpty()
                        ? new ValuePredicate.Compare(dev.strata.lang.Cmp.GE, new Literal.Str(""))
                        : new ValuePredicate.In(shown, true));
            }
        }
        long mergedCount = 0;
        for (LiveAnalytics.BucketCount bc : merged) mergedCount += bc.count();

        SmallCells.Table t = rule.table();
        int total = t.total(b.total());
        int[] cells = new int[kept.size() + (merged.isEmpty() ? 0 : 1) + 2];
        cells[0] = total;
        for (int i = 0; i < kept.size(); i++) cells[i + 1] = t.part(kept.get(i).count());
        int mergedCell = merged.isEmpty() ? -1 : t.part(mergedCount);
        if (mergedCell >= 0) cells[kept.size() + 1] = mergedCell;
        int missing = t.part(b.missing());
        cells[cells.length - 1] = missing;
        t.relate(cells);

        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Bucket bucket = kept.get(i).bucket();
            buckets.add(bucket(bucket.label(), SegmentPrinter.print(bucket.condition()), t.shown(cells[i + 1])));
        }
        if (mergedCell >= 0) {
            Map<String, Object> m = bucket(mergedLabel, mergedCondition == null ? null : SegmentPrinter.print(mergedCondition), t.shown(mergedCell));
            m.put("merged", true);
            buckets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", t.shown(total));
        out.put("by", by);
        out.put("buckets", buckets);
        out.put("missingCount", t.shown(missing));
        return out;
    }

    private static Map<String, Object> bucket(String label, String condition, Object count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("condition", condition);
        m.put("count", count);
        return m;
    }

    /** The path when every bucket is one string value (path = "v"), apart from a final "other"; else null. */
    private static Path stringPath(List<LiveAnalytics.BucketCount> buckets) {
        Path path = null;
        for (LiveAnalytics.BucketCount bc : buckets) {
            Bucket b = bc.bucket();
            Path p;
            if (isValue(b)) {
                p = ((Condition.Test) b.condition()).path();
            } else if (b.label().equals(Buckets.OTHER) && b.condition() instanceof Condition.Test test
                    && test.predicate() instanceof ValuePredicate.In in && in.negated()) {
                p = test.path();
            } else {
                return null;
            }
            if (path != null && !path.equals(p)) return null;
            path = p;
        }
        return path;
    }

    private static boolean isValue(Bucket b) {
        return b.condition() instanceof Condition.Test test && test.predicate() instanceof ValuePredicate.Compare c
                && c.op() == dev.strata.lang.Cmp.EQ && c.value() instanceof Literal.Str;
    }
}
