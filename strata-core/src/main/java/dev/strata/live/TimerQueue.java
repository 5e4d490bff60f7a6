package dev.strata.live;

import java.util.Arrays;

/**
 * A min-heap of (instant, user, segment slot) kept in primitive arrays: a million pending triggers
 * cost 16 MB and no objects. Entries are never removed early; a popped entry that no longer
 * matches the segment's schedule for the user is stale and skipped by the caller.
 */
final class TimerQueue {
    private long[] at = new long[64];
    private int[] user = new int[64];
    private int[] slot = new int[64];
    private int size;

    void push(long instant, int u, int s) {
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            user = Arrays.copyOf(user, size * 2);
            slot = Arrays.copyOf(slot, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (at[parent] <= instant) break;
            move(parent, i);
            i = parent;
        }
        at[i] = instant;
        user[i] = u;
        slot[i] = s;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long peekAt() {
        return size == 0 ? Long.MAX_VALUE : at[0];
    }

    int peekUser() {
        return user[0];
    }

    int peekSlot() {
        return slot[0];
    }

    void pop() {
        size--;
        if (size == 0) return;
        long a = at[size];
        int u = user[size];
        int s = slot[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && at[child + 1] < at[child]) child++;
            if (at[child] >= a) break;
            move(child, i);
            i = child;
        }
        at[i] = a;
        user[i] = u;
        slot[i] = s;
    }

    /** Drops every entry of a slot (a segment removed or redefined). */
    void removeSlot(int s) {
        long[] a2 = new long[at.length];
        int[] u2 = new int[at.length];
        int[] s2 = new int[at.length];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (slot[i] == s) continue;
            a2[n] = at[i];
            u2[n] = user[i];
            s2[n] = slot[i];
            n++;
        }
        // Re-heapify from scratch: rare operation, keep it simple.
        at = new long[Math.max(64, a2.length)];
        user = new int[at.length];
        slot = new int[at.length];
        size = 0;
        for (int i = 0; i < n; i++) push(a2[i], u2[i], s2[i]);
    }

    private void move(int from, int to) {
        at[to] = at[from];
        user[to] = user[from];
        slot[to] = slot[from];
    }
}
