package dev.strata.server.analytics;

import dev.strata.lang.Condition;
import dev.strata.live.LiveAnalytics;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import dev.strata.store.ChangeLog;
import dev.strata.store.SegmentRepository.SegmentRecord;
import dev.strata.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A segment's size day by day (UTC): from the change log since it was created, and before that
 * reconstructed by evaluating its definition as of the end of each day.
 *
 * <p>Both are cached per past day, as computing 30 days for every segment on every list call is
 * far too slow at a million profiles. A past day's counts from the log are final; a reconstructed
 * day depends on events up to it, so it is kept until an event stamped on or before that day
 * arrives late (or a profile is erased: see {@link LiveAnalytics#lateVersion}), keyed by the
 * definition text, and at most {@link #RECONSTRUCTED_TTL_MS}, since reconstruction reads traits as
 * they are now.
 */
@Service
public class HistoryService {
    private static final Logger log = LoggerFactory.getLogger(HistoryService.class);
    static final long DAY = 86_400_000L;
    static final long RECONSTRUCTED_TTL_MS = 3_600_000L;
    /** A day's log counts are cached once it ended this long ago (changes are recorded a moment after they happen). */
    static final long LOG_SETTLED_MS = 5 * 60_000L;
    private static final int MAX_CACHED = 500_000;

    /** One day: size at its end, entries and exits during it. */
    public record Point(LocalDate day, long size, long entered, long exited, boolean reconstructed) {
    }

    /**
     * @param points     oldest first; days before creation that cannot be reconstructed (an
     *                   uploaded list has no definition) are left out
     * @param createdDay the epoch day the segment was created
     */
    public record History(List<Point> points, long createdDay, Instant createdAt) {
    }

    private record DayKey(String segmentId, String definition, long day) {
    }

    private record Cached(long[] counts, long version, long at) {
    }

    private final LiveAnalytics analytics;
    private final SegmentService segments;
    private final ChangeLog changes;
    private final Map<DayKey, Cached> reconstructed = new ConcurrentHashMap<>();
    private final Map<DayKey, Cached> logged = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "strata-history");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    public HistoryService(LiveAnalytics analytics, SegmentService segments, Store store) {
        this.analytics = analytics;
        this.segments = segments;
        this.changes = store.changes();
    }

    /** At start, reconstructs the past month of every segment in the background, so the first segment list does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmAll() {
        for (SegmentRecord s : segments.list()) warm(s);
    }

    /** Reconstructs a segment's past month in the background (after it is created or its definition changes). */
    public void warm(SegmentRecord s) {
        background.execute(() -> {
            try {
                Integer size = segments.size(s.id());
                if (size != null) history(s, 31, size);
            } catch (RuntimeException e) {
                log.debug("history of segment {} not prepared: {}", s.id(), e.toString());
            }
        });
    }

    /** The last {@code days} days, today included. */
    public History history(SegmentRecord s, int days) {
        Integer sizeNow = segments.size(s.id());
        if (sizeNow == null) throw ApiException.conflict("segment '" + s.name() + "' could not be defined at start (see the server log)");
        return history(s, days, sizeNow);
    }

    /** As {@link #history(SegmentRecord, int)}, for a caller that has just read the size now. */
    public History history(SegmentRecord s, int days, int sizeNow) {
        long now = System.currentTimeMillis();
        long today = Math.floorDiv(now, DAY);
        long first = today - days + 1;
        long createdDay = Math.floorDiv(s.createdAt().toEpochMilli(), DAY);
        List<Point> points = new ArrayList<>();
        if (first < createdDay && s.definition() != null) {
            long last = Math.min(today, createdDay - 1);
            long[][] r = reconstructed(s, segments.condition(s), first, last, now);
            for (long d = first; d <= last; d++) {
                long[] c = r[(int) (d - first)];
                points.add(new Point(LocalDate.ofEpochDay(d), c[0], c[1], c[2], true));
            }
        }
        long logFrom = Math.max(first, createdDay);
        if (logFrom <= today) {
            long[][] flows = logged(s.id(), logFrom, today, now);
            long[] sizes = new long[flows.length];
            long size = sizeNow;
            for (int i = flows.length - 1; i >= 0; i--) {
                sizes[i] = size;
                size = size - flows[i][0] + flows[i][1];
            }
            for (int i = 0; i < flows.length; i++) {
                points.add(new Point(LocalDate.ofEpochDay(logFrom + i), sizes[i], flows[i][0], flows[i][1], false));
            }
        }
        return new History(points, createdDay, s.createdAt());
    }

    /** Per day in [from, to]: {size, entered, exited} as of the end of the day. */
    private long[][] reconstructed(SegmentRecord s, Condition c, long from, long to, long now) {
        long[][] out = new long[(int) (to - from + 1)][];
        long[] versions = new long[out.length];
        for (long d = from; d <= to; d++) {
            int i = (int) (d - from);
            versions[i] = analytics.lateVersion(d);
            Cached hit = reconstructed.get(new DayKey(s.id(), s.definition(), d));
            if (hit != null && hit.version() == versions[i] && now - hit.at() < RECONSTRUCTED_TTL_MS) out[i] = hit.counts();
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null) continue;
            int j = i;
            while (j + 1 < out.length && out[j + 1] == null) j++;
            long[] instants = new long[j - i + 2];
            for (int k = 0; k < instants.length; k++) instants[k] = (from + i + k) * DAY - 1; // end of the day before, then each day's end
            LiveAnalytics.Reconstruction r;
            try {
                r = analytics.reconstruct(c, instants);
            } catch (IllegalArgumentException e) {
                throw ApiException.conflict("segment '" + s.name() + "' cannot be reconstructed: " + e.getMessage());
            }
            for (int k = i; k <= j; k++) {
                long[] counts = {r.sizes()[k - i], r.entered()[k - i], r.exited()[k - i]};
                out[k] = counts;
                remember(reconstructed, new DayKey(s.id(), s.definition(), from + k), new Cached(counts, versions[k], now));
            }
            i = j;
        }
        return out;
    }

    /** Per day in [from, to]: {entered, exited} from the change log. */
    private long[][] logged(String segmentId, long from, long to, long now) {
        long[][] out = new long[(int) (to - from + 1)][];
        long firstMissing = -1;
        for (long d = from; d <= to; d++) {
            Cached hit = logged.get(new DayKey(segmentId, null, d));
            if (hit != null && hit.version() == analytics.lateVersion(d)) {
                out[(int) (d - from)] = hit.counts();
            } else if (firstMissing < 0) {
                firstMissing = d;
            }
        }
        if (firstMissing < 0) return out;
        Map<Long, long[]> counted = new HashMap<>();
        for (long[] row : changes.dailyCounts(segmentId, firstMissing * DAY)) counted.put(row[0], new long[] {row[1], row[2]});
        for (long d = firstMissing; d <= to; d++) {
            int i = (int) (d - from);
            if (out[i] != null) continue;
            long[] c = counted.getOrDefault(d, new long[2]);
            out[i] = c;
            if (now - (d + 1) * DAY > LOG_SETTLED_MS) remember(logged, new DayKey(segmentId, null, d), new Cached(c, analytics.lateVersion(d), now));
        }
        return out;
    }

    private static void remember(Map<DayKey, Cached> cache, DayKey key, Cached value) {
        if (cache.size() >= MAX_CACHED) cache.clear();
        cache.put(key, value);
    }
}
