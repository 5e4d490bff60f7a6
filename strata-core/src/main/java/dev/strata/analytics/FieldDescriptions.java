package dev.strata.analytics;

import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns field summaries into what the builder offers: a type per path, and value suggestions
 * only for fields with few distinct values, leaving out values so rare they could point at a
 * person.
 */
public final class FieldDescriptions {
    /** A field with more distinct values than this gets no suggestions. */
    public static final int MAX_SUGGESTED = 50;
    /** A value held by fewer profiles than this is never suggested. */
    public static final int MIN_PROFILES = 11;
    /**
     * Fields whose values are contact points: never suggested, however few and shared (a clinic's
     * phone number given by a dozen patients is still someone's number).
     */
    public static final java.util.Set<String> CONTACT_POINTS = java.util.Set.of("email", "phone");

    private FieldDescriptions() {
    }

    /** Every path with values of a type the language can test, ordered by path. */
    public static List<FieldDescription> describe(Map<Path, FieldSummary> fields) {
        List<FieldDescription> out = new ArrayList<>();
        for (Map.Entry<Path, FieldSummary> e : fields.entrySet()) {
            FieldDescription d = describe(e.getKey(), e.getValue(), fields);
            if (d != null) out.add(d);
        }
        out.sort(Comparator.comparing(FieldDescription::path));
        return out;
    }

    /** The description of one path, or null when it holds nothing the builder can test (only objects or arrays). */
    static FieldDescription describe(Path path, FieldSummary s, Map<Path, FieldSummary> fields) {
        String type = typeOf(path, s, fields);
        if (type == null) return null;
        List<ValueCount> values = null;
        Double min = null;
        Double max = null;
        boolean contactPoint = CONTACT_POINTS.contains(path.segments().get(path.segments().size() - 1).toLowerCase(java.util.Locale.ROOT));
        if (type.equals("string")) values = suggestions(s.stringValues());
        if (type.equals("number")) {
            values = suggestions(s.numberValues());
            min = s.min();
            max = s.max();
        }
        if (type.equals("boolean")) values = suggestions(s.booleanValues());
        if (contactPoint) values = null;
        return new FieldDescription(path.toString(), type, values, min, max, s.present());
    }

    /** string, number, boolean, date, geo or mixed; null for a path of objects or arrays only. */
    public static String typeOf(Path path, FieldSummary s, Map<Path, FieldSummary> fields) {
        List<String> kinds = new ArrayList<>();
        if (s.strings() > 0) kinds.add(s.stringsAreDates() ? "date" : "string");
        if (s.numbers() > 0) kinds.add("number");
        if (s.booleans() > 0) kinds.add("boolean");
        if (s.objects() > 0 && isGeo(path, fields)) kinds.add("geo");
        if (kinds.isEmpty()) return null;
        boolean others = (s.objects() > 0 && !kinds.contains("geo")) || s.arrays() > 0;
        return kinds.size() == 1 && !others ? kinds.get(0) : "mixed";
    }

    private static boolean isGeo(Path path, Map<Path, FieldSummary> fields) {
        return hasNumbers(fields.get(child(path, "latitude"))) && hasNumbers(fields.get(child(path, "longitude")));
    }

    private static boolean hasNumbers(FieldSummary s) {
        return s != null && s.numbers() > 0;
    }

    static Path child(Path path, String key) {
        List<String> segments = new ArrayList<>(path.segments());
        segments.add(key);
        return new Path(segments);
    }

    private static List<ValueCount> suggestions(List<ValueCount> all) {
        if (all == null || all.size() > MAX_SUGGESTED) return null;
        List<ValueCount> out = new ArrayList<>();
        for (ValueCount v : all) if (v.profiles() >= MIN_PROFILES) out.add(v);
        return out;
    }
}
