package dev.strata.testing;

import dev.strata.json.Json;
import dev.strata.lang.Literal;
import dev.strata.lang.TimeSpan;
import dev.strata.reference.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small shared world of the random populations and definitions: few trait keys, few values
 * per key, few event names, windows and instants that line up with message timestamps, and
 * places whose distances to the centres are exactly the radii. Drawing both sides from the same
 * small domains makes most generated conditions true for some profiles and false for others, and
 * puts many values exactly on a boundary.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    static final long SECOND = 1_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    /** The window lengths definitions use; timestamps are put on and around each of them. */
    static final List<TimeSpan> SPANS = List.of(
            new TimeSpan(1, TimeSpan.Unit.HOURS), new TimeSpan(36, TimeSpan.Unit.HOURS),
            new TimeSpan(1, TimeSpan.Unit.DAYS), new TimeSpan(7, TimeSpan.Unit.DAYS),
            new TimeSpan(2, TimeSpan.Unit.WEEKS), new TimeSpan(30, TimeSpan.Unit.DAYS),
            new TimeSpan(90, TimeSpan.Unit.DAYS), new TimeSpan(365, TimeSpan.Unit.DAYS));

    /**
     * Offsets back from T (positive: before T) where a message may sit exactly on, or one
     * millisecond either side of, a window bound. Negative offsets are after T.
     */
    static final List<Long> BOUNDARY_OFFSETS = boundaryOffsets();

    private static List<Long> boundaryOffsets() {
        List<Long> out = new ArrayList<>(List.of(0L, 1L, -1L, -DAY, 12 * HOUR, 45 * DAY, 200 * DAY, 500 * DAY));
        for (TimeSpan s : SPANS) {
            long d = s.amount() * (s.unit() == TimeSpan.Unit.HOURS ? HOUR : s.unit() == TimeSpan.Unit.DAYS ? DAY : 7 * DAY);
            out.add(d - 1);
            out.add(d);
            out.add(d + 1);
        }
        return List.copyOf(out);
    }

    static final List<String> EVENTS = List.of(
            "App Open", "Doctor Visit", "Medication Refill", "Survey Answered", "Step Goal Met", "app open");

    /** Names only definitions use, so that some event conditions match nobody. */
    static final List<String> UNUSED_EVENTS = List.of("Never Happened");

    static final List<String> SEGMENT_NAMES = List.of("S0", "Sick but savvy", "quote\"and\\slash", "S3");

    // ---- places -------------------------------------------------------------------------------

    record Place(double latitude, double longitude) {
    }

    /** Where profiles live (exactly, so that distances to the centres are reproducible). */
    static final List<Place> PLACES = List.of(
            new Place(34.05, -118.24), new Place(34.1, -118.3), new Place(37.77, -122.42),
            new Place(45.52, -122.68), new Place(0, 0), new Place(0, 1), new Place(-33.87, 151.21),
            new Place(89.9, 10));

    static final List<Place> CENTRES = List.of(new Place(34.05, -118.24), new Place(45.52, -122.68), new Place(0, 0));

    /** Radii: round ones, and every place-to-centre distance with its neighbouring doubles. */
    static final List<Double> RADII = radii();

    private static List<Double> radii() {
        List<Double> out = new ArrayList<>(List.of(0.0, 1.0, 25.0, 600.0, 20_000.0));
        for (Place c : CENTRES) {
            for (Place p : PLACES) {
                double d = ReferenceEvaluator.distanceKm(p.latitude(), p.longitude(), c.latitude(), c.longitude());
                out.add(d);
                if (d > 0) out.add(Math.nextDown(d));
                out.add(Math.nextUp(d));
            }
        }
        return List.copyOf(out);
    }

    // ---- values -------------------------------------------------------------------------------

    static Literal num(double d) {
        return new Literal.Num(d);
    }

    static Literal str(String s) {
        return new Literal.Str(s);
    }

    static Literal bool(boolean b) {
        return new Literal.Bool(b);
    }

    /** Strings chosen to exercise code-point order, prefixes and supplementary characters. */
    static final List<String> TEXTS = List.of("a", "b", "ab", "Z", "é", "\uD83D\uDE00", "\uFF5E", "", "medicare", "Medicare");

    static final List<Double> NUMBERS = List.of(0.0, -0.0, 1.0, 2.0, 2.5, 3.0, 5.0, 9.0, 10.0, 30.0, 90.0, -1.0, 0.1, 0.2,
            0.30000000000000004, 1e16, -1e16, 5000.0);

    /** Literal pools for trait and context paths, so that comparisons hit stored values. */
    static final Map<String, List<Literal>> TRAIT_LITERALS = ordered(
            Map.entry("plan", List.of(str("medicare"), str("medicaid"), str("commercial"), str("Medicare"), str("medicare_advantage"))),
            Map.entry("gender", List.of(str("female"), str("male"), str("nonbinary"))),
            Map.entry("income_band", List.of(num(1), num(2), num(3), num(2.5), num(5), str("2"))),
            Map.entry("diabetes", List.of(bool(true), bool(false), str("true"))),
            Map.entry("name", List.of(str("a"), str("ab"), str("b"), str("Z"), str("é"), str("\uD83D\uDE00"), str("\uFF5E"), str(""))),
            Map.entry("score", List.of(num(0), num(-0.0), num(0.1), num(0.30000000000000004), num(1e16), num(3))),
            Map.entry("birthday", List.of(str("1961-11-01"), str("2000-02-29"), str("1990"), str("2"))),
            Map.entry("address.state", List.of(str("CA"), str("OR"), str("TX"), str(""))),
            Map.entry("address.zip", List.of(str("97201"), str("90012"), num(97201))),
            Map.entry("address.latitude", List.of(num(34.05), num(0), num(45.52), str("34.05"))),
            Map.entry("context.os.name", List.of(str("iOS"), str("Android"), str("web"), num(1))),
            Map.entry("context.app.version", List.of(str("4.2.0"), str("4.10.0"))),
            Map.entry("context.device.type", List.of(str("mobile"), str("desktop"))));

    /** Paths definitions test that no value pool covers: objects, arrays and missing keys. */
    static final List<String> OTHER_TRAIT_PATHS = List.of("address", "tags", "missing_key", "context", "context.os",
            "address.state.deeper", "plan.x");

    static final Map<String, List<Literal>> PROPERTY_LITERALS = ordered(
            Map.entry("screen", List.of(str("home"), str("appointments"), str("Home"))),
            Map.entry("specialty", List.of(str("cardiology"), str("oncology"), str("primary_care"))),
            Map.entry("score", List.of(num(0), num(9), num(10), num(9.5), str("9"))),
            Map.entry("steps", List.of(num(0), num(1), num(5000), num(0.1), num(1e16), str("100"))),
            Map.entry("days_supply", List.of(num(30), num(90), num(2), str("30"))),
            Map.entry("channel", List.of(str("app"), str("mail"), str("retail"))),
            Map.entry("meta.source", List.of(str("ehr"), str("app"))),
            Map.entry("context.os.name", List.of(str("iOS"), str("web"))));

    static final List<String> OTHER_PROPERTY_PATHS = List.of("meta", "missing", "since");

    /** Thresholds near the values and small sums of the numeric properties. */
    static final List<Double> AGGREGATE_VALUES = List.of(0.0, 1.0, 3.0, 9.0, 9.5, 10.0, 19.0, 30.0, 60.0, 90.0, 120.0, 0.1,
            0.30000000000000004, 0.3333333333333333, 5000.0, 12000.0, 1e16, -1.0);

    /** Thresholds for pdc and mpr: the usual 0.8, the ends, and ratios small periods give exactly. */
    static final List<Double> SUPPLY_VALUES = List.of(0.8, 0.0, 1.0, 0.5, 2.0 / 3, 0.75, 1.5, 3.0);

    /** Window lengths for pdc and mpr (whole days). */
    static final List<TimeSpan> SUPPLY_SPANS = List.of(
            new TimeSpan(2, TimeSpan.Unit.DAYS), new TimeSpan(3, TimeSpan.Unit.DAYS), new TimeSpan(7, TimeSpan.Unit.DAYS),
            new TimeSpan(2, TimeSpan.Unit.WEEKS), new TimeSpan(30, TimeSpan.Unit.DAYS), new TimeSpan(365, TimeSpan.Unit.DAYS));

    static final List<Double> AGE_YEARS = List.of(0.0, 1.0, 17.0, 18.0, 40.0, 64.0, 65.0, 66.0, 64.5, -1.0, 26.0, 100.0);

    /** A JSON value of some type, for the places where a trait or property has the wrong one. */
    static final List<Json> ODD_VALUES = List.of(
            Json.NULL, Json.TRUE, Json.FALSE, Json.num(0), Json.num(-0.0), Json.num(2), Json.str(""), Json.str("2"),
            Json.str("true"), Json.str("CA"), new Json.Arr(List.of()), new Json.Arr(List.of(Json.str("a"))),
            Json.Obj.EMPTY, new Json.Obj(ordered(Map.entry("latitude", Json.num(0)), Map.entry("longitude", Json.num(0)))));

    /**
     * A map that iterates in the order written. Map.of iterates in an order that changes from one
     * JVM to the next, and the generators walk these maps: a seed would not replay the same case.
     */
    @SafeVarargs
    static <V> Map<String, V> ordered(Map.Entry<String, V>... entries) {
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : entries) out.put(e.getKey(), e.getValue());
        return Collections.unmodifiableMap(out);
    }
}
