package dev.strata.live;

/** Dynamic segments follow every message and the passing of time; static ones are snapshots. */
public enum SegmentKind {
    DYNAMIC,
    STATIC;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads "dynamic" or "static" (any case); null for anything else. */
    public static SegmentKind parse(String s) {
        if (s == null) return null;
        for (SegmentKind k : values()) if (k.wireName().equalsIgnoreCase(s)) return k;
        return null;
    }
}
