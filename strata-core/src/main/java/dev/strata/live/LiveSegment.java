package dev.strata.live;

import dev.strata.lang.Condition;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/** One segment as the live engine holds it: definition, members, and per user the next trigger. */
final class LiveSegment {
    final String id;
    final String name;
    final Condition definition;
    final SegmentKind kind;
    final int slot;
    final RoaringBitmap members;
    Footprint footprint;
    /** Per stable user id, the instant of the pending time trigger; 0 for none. */
    private long[] scheduled = new long[0];

    LiveSegment(String id, String name, Condition definition, SegmentKind kind, int slot, RoaringBitmap members) {
        this.id = id;
        this.name = name;
        this.definition = definition;
        this.kind = kind;
        this.slot = slot;
        this.members = members;
    }

    long scheduled(int user) {
        return user < scheduled.length ? scheduled[user] : 0;
    }

    void schedule(int user, long at) {
        if (user >= scheduled.length) {
            if (at == 0) return;
            scheduled = Arrays.copyOf(scheduled, Math.max(user + 1, scheduled.length + (scheduled.length >> 1) + 16));
        }
        scheduled[user] = at;
    }

    boolean dynamic() {
        return kind == SegmentKind.DYNAMIC;
    }
}
