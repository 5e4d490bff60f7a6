package dev.strata.synth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Deterministic synthetic population of healthcare consumers, written as NDJSON Segment-spec
 * messages (identify and track calls). See docs/synthetic-population.md for what is generated.
 *
 * <p>Every profile draws from its own random generator seeded by (seed, profile index), so the
 * output is byte-identical for the same {@link Options} whatever the number of threads. Worker
 * threads generate blocks of profiles; the calling thread writes the blocks in profile order.
 */
public final class PopulationGenerator {

    public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_EVENTS_PER_PROFILE = 50;

    /** Profiles per block at the default volume; fewer when profiles are heavier. */
    static final int BLOCK_PROFILES = 256;
    /** About 3 MB of NDJSON per block: big enough to amortise hand-over, small enough to keep a few in flight. */
    private static final double EVENTS_PER_BLOCK = 12_800;
    private static final int BLOCK_BYTES = 4 << 20;

    private PopulationGenerator() {
    }

    /**
     * What to generate.
     *
     * @param profiles         number of profiles, numbered p-0000001 upwards
     * @param seed             the seed; the same options always give the same bytes
     * @param end              the end instant; behaviour covers the 730 days before it
     * @param eventsPerProfile the target mean of track events per profile (heavy-tailed around it)
     */
    public record Options(int profiles, long seed, Instant end, double eventsPerProfile) {
        public Options {
            if (profiles < 0) {
                throw new IllegalArgumentException("profiles must be >= 0, got " + profiles);
            }
            Objects.requireNonNull(end, "end");
            if (!(eventsPerProfile > 0) || Double.isInfinite(eventsPerProfile)) {
                throw new IllegalArgumentException("eventsPerProfile must be a positive finite number, got " + eventsPerProfile);
            }
            if (eventsPerProfile > 10_000) {
                throw new IllegalArgumentException("eventsPerProfile must be at most 10000, got " + eventsPerProfile);
            }
            int endYear = CivilDate.year(Math.floorDiv(end.getEpochSecond(), Timeline.DAY));
            if (endYear < 1900 || endYear > 9000) {
                throw new IllegalArgumentException("end must fall in the years 1900..9000, got " + end);
            }
        }

        /** Seed 42, end 2026-11-01T00:00:00Z, 50 events per profile. */
        public static Options defaults(int profiles) {
            return new Options(profiles, DEFAULT_SEED, DEFAULT_END, DEFAULT_EVENTS_PER_PROFILE);
        }

        public Options withSeed(long newSeed) {
            return new Options(profiles, newSeed, end, eventsPerProfile);
        }

        public Options withEnd(Instant newEnd) {
            return new Options(profiles, seed, newEnd, eventsPerProfile);
        }

        public Options withEventsPerProfile(double newEventsPerProfile) {
            return new Options(profiles, seed, end, newEventsPerProfile);
        }
    }

    /**
     * What was written.
     *
     * @param messages             lines written, duplicates included
     * @param events               track messages, duplicates excluded
     * @param duplicates           lines that repeat the previous line exactly (same messageId)
     * @param latentSegmentCounts  profiles per latent segment, by display name, in survey order
     */
    public record Summary(long profiles, long messages, long events, long duplicates,
                          Map<String, Long> latentSegmentCounts) {
        public Summary {
            latentSegmentCounts = Collections.unmodifiableMap(new LinkedHashMap<>(latentSegmentCounts));
        }

        public double eventsPerProfile() {
            return profiles == 0 ? 0 : (double) events / profiles;
        }
    }

    /** Writes NDJSON (UTF-8, one message per line) to out; deterministic for the same Options regardless of thread count. */
    public static Summary write(Options options, OutputStream out) throws IOException {
        return write(options, out, done -> { });
    }

    /** Optional progress callback variant: called with the number of profiles done. */
    public static Summary write(Options options, OutputStream out, LongConsumer progress) throws IOException {
        return write(options, out, progress, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #write(Options, OutputStream, LongConsumer)} with an explicit number of worker threads. */
    public static Summary write(Options options, OutputStream out, LongConsumer progress, int threads) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Timeline timeline = Timeline.ending(options.end());
        ActivityScale scale = ActivityCalibration.scaleFor(options.end(), options.eventsPerProfile());
        int blockProfiles = blockProfiles(options);
        int blocks = (options.profiles() + blockProfiles - 1) / blockProfiles;
        long[] segmentCounts = new long[LatentSegment.values().length];
        long messages = 0;
        long events = 0;
        long duplicates = 0;
        long done = 0;

        ConcurrentLinkedQueue<NdjsonBuffer> freeBuffers = new ConcurrentLinkedQueue<>();
        ThreadLocal<BlockGenerator> generators =
                ThreadLocal.withInitial(() -> new BlockGenerator(options.seed(), timeline, scale));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        ArrayDeque<Future<BlockGenerator.Block>> inFlight = new ArrayDeque<>();
        int nextBlock = 0;
        try {
            while (nextBlock < blocks || !inFlight.isEmpty()) {
                while (nextBlock < blocks && inFlight.size() < threads * 3) {
                    long from = (long) nextBlock * blockProfiles;
                    int count = (int) Math.min(blockProfiles, options.profiles() - from);
                    inFlight.add(pool.submit(() -> {
                        NdjsonBuffer buffer = freeBuffers.poll();
                        return generators.get().generate(from, count, buffer != null ? buffer : new NdjsonBuffer(BLOCK_BYTES));
                    }));
                    nextBlock++;
                }
                BlockGenerator.Block block = await(inFlight.poll());
                block.buffer.writeTo(out);
                freeBuffers.offer(block.buffer);
                messages += block.counts.messages;
                events += block.counts.events;
                duplicates += block.counts.duplicates;
                for (int s = 0; s < segmentCounts.length; s++) {
                    segmentCounts[s] += block.segmentCounts[s];
                }
                done += block.profiles;
                progress.accept(done);
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        Map<String, Long> bySegment = new LinkedHashMap<>();
        for (LatentSegment s : LatentSegment.values()) {
            bySegment.put(s.displayName(), segmentCounts[s.ordinal()]);
        }
        return new Summary(options.profiles(), messages, events, duplicates, bySegment);
    }

    static int blockProfiles(Options options) {
        return (int) Math.max(1, Math.min(BLOCK_PROFILES, EVENTS_PER_BLOCK / options.eventsPerProfile()));
    }

    /** The latent segment profile {@code profileIndex} (0-based) is drawn into: ground truth for persona classifiers. */
    public static LatentSegment latentSegment(Options options, long profileIndex) {
        if (profileIndex < 0 || profileIndex >= options.profiles()) {
            throw new IndexOutOfBoundsException("profile index " + profileIndex + " outside 0.." + (options.profiles() - 1));
        }
        return LatentSegment.draw(randomFor(options.seed(), profileIndex));
    }

    /** The id a profile is written with: {@code p-0000001} for index 0, or {@code anon-...} when anonymous. */
    public static String profileId(Options options, long profileIndex) {
        if (profileIndex < 0 || profileIndex >= options.profiles()) {
            throw new IndexOutOfBoundsException("profile index " + profileIndex + " outside 0.." + (options.profiles() - 1));
        }
        Profile p = new ProfileSampler(Timeline.ending(options.end())).sample(profileIndex, randomFor(options.seed(), profileIndex));
        String number = String.valueOf(profileIndex + 1);
        String padded = "0".repeat(Math.max(0, 7 - number.length())) + number;
        return (p.anonymous ? "anon-" : "p-") + padded;
    }

    /** The generator of one profile: independent streams for every (seed, index) pair. */
    static SplittableRandom randomFor(long seed, long index) {
        return new SplittableRandom(mix64(seed ^ mix64(index + 0x9E37_79B9_7F4A_7C15L)));
    }

    /**
     * A second stream per (seed, index), for contact points and consents only: drawing them from
     * {@link #randomFor} would have shifted every later draw of the profile.
     */
    static SplittableRandom contactRandomFor(long seed, long index) {
        return new SplittableRandom(mix64(mix64(seed + 0x632B_E59B_D9B4_E019L) ^ mix64(index + 0xD1B5_4A32_D192_ED03L)));
    }

    /** Stafford variant 13 of the MurmurHash3 finaliser, as SplittableRandom uses internally. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private static BlockGenerator.Block await(Future<BlockGenerator.Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating the population");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("population generation failed", cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "strata-synth-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
