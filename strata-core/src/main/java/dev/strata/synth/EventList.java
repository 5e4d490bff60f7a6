package dev.strata.synth;

import java.util.Arrays;

/**
 * One profile's events in primitive arrays (no object per event), sorted by time before they are
 * written. Ties keep insertion order, so the first identify, added first, always comes first.
 */
final class EventList {

    static final int IDENTIFY = 0;
    static final int IDENTIFY_MOVE = 1;
    static final int IDENTIFY_PLAN = 2;
    static final int IDENTIFY_REMOVE = 3;
    static final int APP_OPEN = 4;
    static final int DOCTOR_VISIT = 5;
    static final int SCREENING = 6;
    static final int REFILL = 7;
    static final int BOOKED = 8;
    static final int NO_SHOW = 9;
    static final int SURVEY = 10;
    static final int STEP_GOAL = 11;
    static final int IMMUNIZATION = 12;

    private static final int INDEX_BITS = 24;
    static final int MAX_EVENTS = 1 << INDEX_BITS;

    private long[] time = new long[256];
    private int[] kind = new int[256];
    private int[] a = new int[256];
    private int[] b = new int[256];
    private int[] c = new int[256];
    private long[] order = new long[256];
    private int size;
    private long base;

    void clear(long baseSec) {
        size = 0;
        base = baseSec;
    }

    int size() {
        return size;
    }

    /** Adds an event; {@code a}, {@code b}, {@code c} are kind-specific vocabulary codes or numbers. */
    void add(long sec, int kind, int a, int b, int c) {
        if (sec < base) {
            throw new IllegalArgumentException("event at " + sec + " is before the window start " + base);
        }
        if (size == time.length) {
            if (size == MAX_EVENTS) {
                throw new IllegalStateException("a profile exceeded " + MAX_EVENTS + " events");
            }
            int n = Math.min(MAX_EVENTS, size * 2);
            time = Arrays.copyOf(time, n);
            this.kind = Arrays.copyOf(this.kind, n);
            this.a = Arrays.copyOf(this.a, n);
            this.b = Arrays.copyOf(this.b, n);
            this.c = Arrays.copyOf(this.c, n);
            order = Arrays.copyOf(order, n);
        }
        time[size] = sec;
        this.kind[size] = kind;
        this.a[size] = a;
        this.b[size] = b;
        this.c[size] = c;
        size++;
    }

    /** Sorts by (time, insertion order); afterwards {@code at(i)} walks events in time order. */
    void sort() {
        for (int i = 0; i < size; i++) {
            order[i] = ((time[i] - base) << INDEX_BITS) | i;
        }
        Arrays.sort(order, 0, size);
    }

    int at(int i) {
        return (int) (order[i] & (MAX_EVENTS - 1));
    }

    long time(int e) {
        return time[e];
    }

    int kind(int e) {
        return kind[e];
    }

    int a(int e) {
        return a[e];
    }

    int b(int e) {
        return b[e];
    }

    int c(int e) {
        return c[e];
    }
}
