package dev.strata.analytics;

import dev.strata.lang.Cmp;
import dev.strata.lang.Condition;
import dev.strata.lang.Conditions;
import dev.strata.lang.Literal;
import dev.strata.lang.Path;
import dev.strata.lang.ValuePredicate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The buckets of a breakdown, each a condition of the language, chosen from what the field holds
 * in the population: strings and booleans by value (the long tail of strings in one "other"
 * bucket), numbers by value when few or else by ranges of a round width, dates by year or decade,
 * ages by band. Buckets never overlap; profiles in none of them (no value, or a value of another
 * type) are the breakdown's missing count.
 */
public final class Buckets {
    /** The dimension name for age bands, computed from {@link #BIRTHDAY}. */
    public static final String AGE_BAND = "age_band";
    public static final Path BIRTHDAY = Path.of("birthday");
    public static final String OTHER = "other";
    /** Number ranges: about this many. */
    static final int RANGES = 10;
    private static final int[][] AGE_BANDS = {{0, 18}, {18, 35}, {35, 50}, {50, 65}, {65, 75}, {75, -1}};

    private Buckets() {
    }

    /** Age bands of a date path: under 18, 18–34, 35–49, 50–64, 65–74, 75 and over. */
    public static List<Bucket> ageBands(Path birthday) {
        List<Bucket> out = new ArrayList<>();
        for (int[] band : AGE_BANDS) {
            Condition low = band[0] == 0 ? null : age(birthday, Cmp.GE, band[0]);
            Condition high = band[1] < 0 ? null : age(birthday, Cmp.LT, band[1]);
            Condition c = low == null ? high : high == null ? low : Conditions.and(low, high);
            String label = band[0] == 0 ? "under " + band[1] : band[1] < 0 ? band[0] + "+" : band[0] + "–" + (band[1] - 1);
            out.add(new Bucket(label, c));
        }
        return out;
    }

    /**
     * Buckets for the values summarised at {@code path}.
     *
     * @param limit at most this many value buckets (strings beyond them go to "other")
     * @throws IllegalArgumentException when the path holds only objects or arrays, or too many
     *                                  distinct strings to list
     */
    public static List<Bucket> of(Path path, FieldSummary s, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        long strings = s.strings();
        long numbers = s.numbers();
        long booleans = s.booleans();
        if (strings == 0 && numbers == 0 && booleans == 0) {
            if (s.objects() > 0 || s.arrays() > 0) {
                throw new IllegalArgumentException("'" + path + "' holds objects or arrays: break down by one of its fields instead");
            }
            return List.of();
        }
        if (strings >= numbers && strings >= booleans) {
            List<ValueCount> values = s.stringValues();
            if (values == null) {
                throw new IllegalArgumentException("'" + path + "' has more than " + s.maxStrings() + " distinct values: pick another field");
            }
            return s.stringsAreDates() ? dates(path, values, limit) : strings(path, values, limit);
        }
        if (numbers >= booleans) {
            List<ValueCount> values = s.numberValues();
            if (values != null && values.size() <= limit) return numberValues(path, values);
            return ranges(path, s.min(), s.max());
        }
        List<Bucket> out = new ArrayList<>();
        for (ValueCount v : s.booleanValues()) {
            boolean b = (Boolean) v.value();
            out.add(new Bucket(Boolean.toString(b), Conditions.test(path, new ValuePredicate.Compare(Cmp.EQ, new Literal.Bool(b)))));
        }
        return out;
    }

    private static List<Bucket> strings(Path path, List<ValueCount> values, int limit) {
        List<Bucket> out = new ArrayList<>();
        List<Literal> shown = new ArrayList<>();
        for (ValueCount v : values.subList(0, Math.min(limit, values.size()))) {
            String value = (String) v.value();
            shown.add(new Literal.Str(value));
            out.add(new Bucket(value, Conditions.test(path, new ValuePredicate.Compare(Cmp.EQ, new Literal.Str(value)))));
        }
        if (values.size() > limit) {
            // "not in" holds for strings only: profiles without a string stay out of "other".
            out.add(new Bucket(OTHER, Conditions.test(path, new ValuePredicate.In(shown, true))));
        }
        return out;
    }

    private static List<Bucket> numberValues(Path path, List<ValueCount> values) {
        List<Bucket> out = new ArrayList<>();
        List<ValueCount> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(v -> (Double) v.value()));
        for (ValueCount v : sorted) {
            Literal.Num n = new Literal.Num((Double) v.value());
            out.add(new Bucket(n.toString(), Conditions.test(path, new ValuePredicate.Compare(Cmp.EQ, n))));
        }
        return out;
    }

    /** [lo, lo + step) ranges of a round step (1, 2 or 5 times a power of ten) covering [min, max]. */
    static List<Bucket> ranges(Path path, double min, double max) {
        BigDecimal step = roundStep((max - min) / RANGES);
        BigDecimal lo = BigDecimal.valueOf(min).divide(step, 0, RoundingMode.FLOOR).multiply(step);
        List<Bucket> out = new ArrayList<>();
        BigDecimal top = BigDecimal.valueOf(max);
        while (lo.compareTo(top) <= 0) {
            BigDecimal hi = lo.add(step);
            Condition c = Conditions.and(
                    Conditions.test(path, new ValuePredicate.Compare(Cmp.GE, new Literal.Num(lo.doubleValue()))),
                    Conditions.test(path, new ValuePredicate.Compare(Cmp.LT, new Literal.Num(hi.doubleValue()))));
            out.add(new Bucket(new Literal.Num(lo.doubleValue()) + "–" + new Literal.Num(hi.doubleValue()), c));
            lo = hi;
        }
        return out;
    }

    static BigDecimal roundStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) return BigDecimal.ONE;
        BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(raw)));
        for (int m : new int[] {1, 2, 5, 10}) {
            BigDecimal step = magnitude.multiply(BigDecimal.valueOf(m));
            if (step.doubleValue() >= raw) return step.stripTrailingZeros();
        }
        return magnitude.multiply(BigDecimal.TEN).stripTrailingZeros();
    }

    /** Dates by year, or by decade or century when there are more years than the limit; compared as text. */
    private static List<Bucket> dates(Path path, List<ValueCount> values, int limit) {
        TreeSet<Integer> years = new TreeSet<>();
        for (ValueCount v : values) {
            String d = (String) v.value();
            if (d.length() >= 4 && Character.isDigit(d.charAt(0)) && Character.isDigit(d.charAt(1))
                    && Character.isDigit(d.charAt(2)) && Character.isDigit(d.charAt(3))) {
                years.add(Integer.parseInt(d.substring(0, 4)));
            }
        }
        int width = 1;
        while (countAt(years, width) > limit && width < 10_000) width *= 10;
        TreeSet<Integer> starts = new TreeSet<>();
        for (int y : years) starts.add(y / width * width);
        List<Bucket> out = new ArrayList<>();
        for (int start : starts) {
            int end = start + width;
            String from = String.format("%04d", start);
            Condition low = Conditions.test(path, new ValuePredicate.Compare(Cmp.GE, new Literal.Str(from)));
            Condition c = end > 9999 ? low
                    : Conditions.and(low, Conditions.test(path, new ValuePredicate.Compare(Cmp.LT, new Literal.Str(String.format("%04d", end)))));
            out.add(new Bucket(width == 1 ? from : from + "s", c));
        }
        return out;
    }

    private static int countAt(TreeSet<Integer> years, int width) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (int y : years) starts.add(y / width * width);
        return starts.size();
    }

    private static Condition age(Path path, Cmp op, double years) {
        return Conditions.test(path, new ValuePredicate.Age(op, years));
    }
}
