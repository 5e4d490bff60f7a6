package dev.strata.live;

import dev.strata.analytics.FieldDescription;
import dev.strata.analytics.Bucket;
import dev.strata.analytics.Buckets;
import dev.strata.analytics.FieldSummary;
import dev.strata.lang.SegmentParser;
import dev.strata.analytics.SampleEstimate;
import dev.strata.lang.Condition;
import org.roaringbitmap.RoaringBitmap;
import dev.strata.engine.ColumnCensus;
import dev.strata.json.Json;
import dev.strata.lang.Path;
import dev.strata.scorecard.ScorecardCounts;
import dev.strata.scorecard.ScorecardMeasurement;
import dev.strata.scorecard.ScorecardRules;
import dev.strata.scorecard.SegmentFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over what the live engine holds, for the console: the fields profiles and events
 * carry, value counts within a population, daily event counts, memberships as of past instants.
 * Each read sees one consistent state: the snapshot's columns for profiles untouched since it, and
 * the live profiles for the rest, under the engine's read lock.
 */
public final class LiveAnalytics {
    /** Below this many profiles, estimates are always exact. */
    static final int ALWAYS_EXACT_BELOW = 50_000;
    /** The probe sample: 1 in 64 profiles. */
    static final int PROBE_BITS = 6;
    /** The larger sample, when the probe shows there is time for it: 1 in 8. */
    static final int WIDE_BITS = 3;

    /** The forecast's scale never goes below this: a probe's time times 8 at least. */
    static final double MIN_SCALE = 8;

    private final LiveEngine engine;
    private final Sampling sampling;
    /** The fixed part of a probe's cost and the number of profiles when it was measured. */
    private record FixedCost(long nanos, long population) {
    }

    private volatile FixedCost fixedCost;
    private final java.util.concurrent.atomic.AtomicLong fixedMeasurements = new java.util.concurrent.atomic.AtomicLong();

    /** Whole evaluation cost over probe cost, as observed (see {@link #learnScale}). */
    private volatile double probeScale = 1 << PROBE_BITS;
    /**
     * What exact evaluations of recent definitions cost: the builder asks again for definitions it
     * asked before, and one slow probe on a busy machine should not turn a cheap one into a sample.
     */
    private final Map<Condition, Long> exactCosts = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Condition, Long> eldest) {
            return size() > 256;
        }
    });

    public LiveAnalytics(LiveEngine engine) {
        this.engine = engine;
        this.sampling = new Sampling(engine.underReadLock(engine::snapshotSize));
    }

    /**
     * The size of a definition now within a time budget: exact when evaluating a 1-in-64 sample
     * shows the whole would fit in the budget; otherwise estimated from the largest sample that
     * fits (1 in 8, or the 1-in-64 probe itself) with a 95% interval. Evaluation cost grows with
     * the number of profiles evaluated, which is what makes the probe's time a forecast: the
     * probe's time beyond a fixed part (that of evaluating {@code false} on the same sample) is
     * scaled by 64 at first, then by the ratio observed between whole evaluations and their probes.
     *
     * @param budgetNanos the time the evaluation may take; 0 always answers from the probe
     * @throws IllegalArgumentException when the definition refers to an unknown segment
     */
    public SampleEstimate estimate(Condition definition, long budgetNanos) {
        return engine.underReadLock(() -> {
            long t0 = System.nanoTime();
            long now = engine.now();
            long population = engine.profileCount();
            Long known = exactCosts.get(definition);
            if (budgetNanos > 0 && (population < ALWAYS_EXACT_BELOW || (known != null && known <= budgetNanos / 2))) {
                return exactly(definition, now, population);
            }
            RoaringBitmap probeIds = sampling.snapshotIds(PROBE_BITS);
            // What an evaluation costs whatever the definition (engine views), measured on "false",
            // is not multiplied when forecasting the whole from the probe.
            long fixed = budgetNanos > 0 ? fixedCost(now, population, probeIds) : 0;
            long p0 = System.nanoTime();
            RoaringBitmap probe = engine.membersWithin(definition, now, probeIds, u -> Sampling.sampled(u, PROBE_BITS));
            long p1 = System.nanoTime();
            if (budgetNanos <= 0) return sampled(probe, PROBE_BITS, population);
            long probeCost = p1 - p0;
            long left = budgetNanos - (p1 - t0);
            double scale = probeScale;
            long forecast = (long) (Math.max(0, probeCost - fixed) * scale) + fixed;
            if (forecast <= left) {
                long e0 = System.nanoTime();
                SampleEstimate exact = exactly(definition, now, population);
                learnScale(System.nanoTime() - e0 - fixed, probeCost - fixed);
                return exact;
            }
            if (Math.max(0, probeCost - fixed) * scale / (1L << WIDE_BITS) + fixed <= left) {
                RoaringBitmap wide = engine.membersWithin(definition, now, sampling.snapshotIds(WIDE_BITS), u -> Sampling.sampled(u, WIDE_BITS));
                return sampled(wide, WIDE_BITS, population);
            }
            return sampled(probe, PROBE_BITS, population);
        });
    }

    private SampleEstimate sampled(RoaringBitmap hits, int bits, long population) {
        return SampleEstimate.of(hits.getCardinality(), sampleSize(engine.untouchedSnapshotIds(), bits), population);
    }

    /**
     * The fixed part of a probe's cost, measured once (the lower of two runs, as the first may pay
     * for warming up) and again only when the number of profiles has moved by more than an eighth
     * since: it follows the engine's size, not the definition.
     */
    private long fixedCost(long now, long population, RoaringBitmap probeIds) {
        FixedCost f = fixedCost;
        if (f != null && Math.abs(population - f.population()) <= f.population() / 8) return f.nanos();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long f0 = System.nanoTime();
            engine.membersWithin(Condition.FALSE, now, probeIds, u -> Sampling.sampled(u, PROBE_BITS));
            best = Math.min(best, System.nanoTime() - f0);
        }
        fixedCost = new FixedCost(best, population);
        fixedMeasurements.incrementAndGet();
        return best;
    }

    /** How many times the fixed cost was measured (for tests). */
    long fixedMeasurements() {
        return fixedMeasurements.get();
    }

    // ---- populations and breakdowns ---------------------------------------------------------

    /** Members of a definition now: stable ids, a copy the caller owns. */
    public RoaringBitmap members(Condition definition) {
        return engine.underReadLock(() -> engine.membersAt(definition, engine.now()));
    }

    /**
     * Members of a definition as of a past instant: events stamped after it are outside every
     * window; traits and context are as they are now; references follow the segments' current
     * definitions (static ones: their current members).
     */
    public RoaringBitmap membersAt(Condition definition, long instant) {
        return engine.underReadLock(() -> engine.membersAt(definition, instant));
    }

    /**
     * A page of the members of an unsaved definition now, in the stable order of
     * {@link LiveEngine#members}: user ids after the cursor (null for the first page).
     */
    public MembersPage membersPage(Condition definition, String cursor, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, got " + limit);
        int after = -1;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid cursor '" + cursor + "': use the 'next' value of the previous page");
            }
        }
        int from = after;
        return engine.underReadLock(() -> {
            org.roaringbitmap.PeekableIntIterator it = engine.membersAt(definition, engine.now()).getIntIterator();
            if (from >= 0) it.advanceIfNeeded(from + 1);
            List<String> out = new ArrayList<>(Math.min(limit, 1024));
            int last = -1;
            while (it.hasNext() && out.size() < limit) {
                last = it.next();
                out.add(engine.userKeyOf(last));
            }
            return new MembersPage(out, it.hasNext() ? Integer.toString(last) : null);
        });
    }

    /** Every member of an unsaved definition now, as user ids in the stable order. */
    public List<String> memberIds(Condition definition) {
        return engine.underReadLock(() -> {
            RoaringBitmap m = engine.membersAt(definition, engine.now());
            List<String> out = new ArrayList<>(m.getCardinality());
            m.forEach((int u) -> out.add(engine.userKeyOf(u)));
            return out;
        });
    }

    /** The current members of a saved segment: a copy. */
    public RoaringBitmap segmentMembers(String segmentId) {
        return engine.underReadLock(() -> engine.segmentBitmap(segmentId).clone());
    }

    /**
     * The scorecard figures of saved segments and of every profile, every count taken at one
     * instant: each rule is evaluated once and the segments' members are read under the same lock.
     *
     * @param segmentIds saved segments, in the order wanted; those the engine no longer holds are left out
     */
    public ScorecardCounts scorecard(ScorecardRules rules, List<String> segmentIds) {
        return engine.underReadLock(() -> {
            long now = engine.now();
            // Readers share the engine: the rules are evaluated side by side while this thread holds the read lock.
            ScorecardMeasurement measurement = new ScorecardMeasurement(rules, new ScorecardMeasurement.Members() {
                @Override
                public RoaringBitmap of(Condition c) {
                    return engine.membersAt(c, now);
                }

                @Override
                public RoaringBitmap among(Condition c, RoaringBitmap among) {
                    return engine.membersWithin(c, now, among, among::contains);
                }
            }, true);
            Map<String, RoaringBitmap> segments = new java.util.LinkedHashMap<>();
            // A segment deleted since the caller listed it is left out rather than failing the rest.
            for (String id : segmentIds) if (engine.hasSegment(id)) segments.put(id, engine.segmentBitmap(id));
            SegmentFigures everyone = measurement.figures(ScorecardCounts.POPULATION, engine.membersAt(Condition.TRUE, now), Map.of());
            return new ScorecardCounts(everyone, measurement.figures(segments));
        });
    }

    /** Known profiles now. */
    public long everyone() {
        return engine.profileCount();
    }

    /** One bucket of a breakdown with its count. */
    public record BucketCount(Bucket bucket, long count) {
    }

    /** A population broken down: the buckets do not overlap, and with {@code missing} they add up to {@code total}. */
    public record Breakdown(long total, List<BucketCount> buckets, long missing) {
    }

    /**
     * The population of {@code base} broken down by a dimension: {@link Buckets#AGE_BAND}, or a
     * trait or context path. Each bucket is counted by evaluating its condition within the base.
     *
     * @throws IllegalArgumentException for an unknown segment in the base, or a path whose values
     *                                  cannot be bucketed (objects, too many distinct strings)
     */
    public Breakdown breakdown(Condition base, String dimension, int limit) {
        return engine.underReadLock(() -> {
            long now = engine.now();
            RoaringBitmap members = engine.membersAt(base, now);
            List<Bucket> buckets;
            if (dimension.equals(Buckets.AGE_BAND)) {
                buckets = Buckets.ageBands(Buckets.BIRTHDAY);
            } else {
                Path path = SegmentParser.parsePath(dimension);
                buckets = Buckets.of(path, valueSummary(path, members, BREAKDOWN_STRINGS, limit), limit);
            }
            List<BucketCount> counts = new ArrayList<>();
            long sum = 0;
            for (Bucket b : buckets) {
                long n = engine.membersWithin(b.condition(), now, members, members::contains).getCardinality();
                counts.add(new BucketCount(b, n));
                sum += n;
            }
            long total = members.getCardinality();
            if (sum > total) throw new IllegalStateException("buckets of '" + dimension + "' overlap: " + sum + " > " + total);
            return new Breakdown(total, counts, total - sum);
        });
    }

    /** Distinct strings a breakdown lists before refusing the field as too varied. */
    static final int BREAKDOWN_STRINGS = 100_000;

    /** The values at a trait or context path among the given profiles. Call under the read lock. */
    private FieldSummary valueSummary(Path path, RoaringBitmap among, int maxStrings, int maxNumbers) {
        FieldSummary s = new FieldSummary(maxStrings, maxNumbers);
        RoaringBitmap untouched = RoaringBitmap.and(among, engine.untouchedSnapshotIds());
        new ColumnCensus(engine.snapshotPopulation()).profileField(path, untouched, s);
        for (Map.Entry<Integer, LiveProfile> e : engine.liveProfiles().entrySet()) {
            if (!among.contains(e.getKey())) continue;
            Json v = ProfileEvaluator.value(path, e.getValue());
            if (v != null && !(v instanceof Json.Null)) SchemaCensus.feedValue(v, e.getKey(), s);
        }
        return s;
    }

    /** |rows[i] ∩ rows[j]| for every pair: the diagonal holds the sizes. */
    public static long[][] overlap(List<RoaringBitmap> rows) {
        int n = rows.size();
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = rows.get(i).getLongCardinality();
            for (int j = i + 1; j < n; j++) m[i][j] = m[j][i] = RoaringBitmap.andCardinality(rows.get(i), rows.get(j));
        }
        return m;
    }

    // ---- activity and history ---------------------------------------------------------------

    /** Events per period of a population and of everyone, with the sizes of both. */
    public record Activity(long members, long everyone, long[] memberEvents, long[] everyoneEvents) {
    }

    /** Daily (or any period) counts of one event name for the members of {@code base} and for everyone. */
    public Activity activity(Condition base, String event, long from, long period, int periods) {
        return engine.underReadLock(() -> {
            RoaringBitmap members = engine.membersAt(base, engine.now());
            RoaringBitmap untouched = engine.untouchedSnapshotIds();
            ColumnCensus census = new ColumnCensus(engine.snapshotPopulation());
            long[] mine = census.eventsPerPeriod(event, RoaringBitmap.and(members, untouched), from, period, periods);
            long[] all = census.eventsPerPeriod(event, untouched, from, period, periods);
            for (Map.Entry<Integer, LiveProfile> e : engine.liveProfiles().entrySet()) {
                EventSeries series = e.getValue().events(event);
                if (series == null) continue;
                boolean member = members.contains(e.getKey());
                long to = from + period * periods;
                for (int row = series.lowerBound(from); row < series.size() && series.time(row) < to; row++) {
                    int i = (int) ((series.time(row) - from) / period);
                    all[i]++;
                    if (member) mine[i]++;
                }
            }
            long everyone = untouched.getLongCardinality() + engine.liveProfiles().size();
            return new Activity(members.getLongCardinality(), everyone, mine, all);
        });
    }

    /** Sizes and movements of a definition at successive instants. */
    public record Reconstruction(long[] sizes, long[] entered, long[] exited) {
    }

    /**
     * The members of a definition as of each instant (ascending), as {@link #membersAt}: for each
     * instant after the first, the size and the entries and exits since the one before.
     */
    public Reconstruction reconstruct(Condition definition, long[] instants) {
        int n = instants.length - 1;
        long[] sizes = new long[n];
        long[] entered = new long[n];
        long[] exited = new long[n];
        RoaringBitmap previous = membersAt(definition, instants[0]);
        for (int i = 0; i < n; i++) {
            RoaringBitmap current = membersAt(definition, instants[i + 1]);
            sizes[i] = current.getLongCardinality();
            entered[i] = RoaringBitmap.andNotCardinality(current, previous);
            exited[i] = RoaringBitmap.andNotCardinality(previous, current);
            previous = current;
        }
        return new Reconstruction(sizes, entered, exited);
    }

    /**
     * A version that grows whenever an event stamped on or before {@code epochDay} (UTC) arrives
     * after that day, or a profile is erased: a membership reconstructed as of that day with an
     * older version is still right (traits aside, which reconstruction reads as they are now).
     */
    public long lateVersion(long epochDay) {
        return engine.lateArrivals().upTo(epochDay);
    }

    /**
     * Keeps the forecast's scale near what whole evaluations cost relative to their probes. A
     * whole evaluation reads columns densely and in parallel while a sample reads them by id, so
     * the whole costs less than 64 probes; the scale starts at 64 (never too low) and follows the
     * ratios seen, within [8, 64].
     */
    private void learnScale(long exactCost, long probeCost) {
        if (probeCost <= 0 || exactCost <= 0) return;
        double ratio = (double) exactCost / probeCost;
        double next = 0.8 * probeScale + 0.2 * ratio;
        probeScale = Math.max(MIN_SCALE, Math.min(1 << PROBE_BITS, next));
    }

    /** Forgets what exact evaluations cost, so the next estimate of each definition goes through the probe (for measurements). */
    public void forgetExactCosts() {
        exactCosts.clear();
    }

    /** Evaluates exactly, remembering what it cost for the next estimate of the same definition. */
    private SampleEstimate exactly(Condition definition, long now, long population) {
        long t0 = System.nanoTime();
        int size = engine.membersAt(definition, now).getCardinality();
        exactCosts.put(definition, System.nanoTime() - t0);
        return SampleEstimate.exact(size, population);
    }

    /** Known profiles in the sample of that level. */
    private long sampleSize(RoaringBitmap untouched, int bits) {
        long n = RoaringBitmap.andCardinality(untouched, sampling.snapshotIds(bits));
        for (Integer u : engine.liveProfiles().keySet()) if (Sampling.sampled(u, bits)) n++;
        return n;
    }

    /** One event name as the builder offers it. */
    public record EventDescription(String name, long count, long profiles, List<FieldDescription> properties) {
    }

    /** Every trait, context path and event known now, with types and suggested values. */
    public record Schema(List<FieldDescription> traits, List<FieldDescription> context, List<EventDescription> events) {
    }

    /** Describes every field; reads every profile, so callers should cache the answer for a while. */
    public Schema schema() {
        return engine.underReadLock(() -> SchemaCensus.describe(engine));
    }
}
