package dev.strata.engine;

import dev.strata.analytics.FieldSummary;
import dev.strata.analytics.Paths;
import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Reads what a population's columns hold, for describing fields (the builder's schema) and for
 * finding the values of a breakdown: per path, counts of each kind of value, number ranges and the
 * distinct values while they are few. Works on dictionary codes and bulk-feeds the summaries, so
 * a pass over a million profiles costs a few array reads per row and column.
 */
public final class ColumnCensus {
    private final Population population;
    /** Per dictionary code: whether it was checked, and whether it reads as a date. */
    private final BitSet dateChecked = new BitSet();
    private final BitSet isDate = new BitSet();

    public ColumnCensus(Population population) {
        this.population = population;
    }

    /**
     * Summarises every trait path and every context path (as {@code context.…}) over the profiles
     * with the given dense ids.
     *
     * @param traitOf   the summary to add a trait path's values to (created by the caller as it likes)
     * @param contextOf the same for a context path
     */
    public void profileFields(RoaringBitmap rows, Function<Path, FieldSummary> traitOf, Function<Path, FieldSummary> contextOf) {
        walk(population.traits.roots(), List.of(), (path, column) -> summarize(column, rows, traitOf.apply(path)));
        walk(population.context.roots(), List.of("context"), (path, column) -> summarize(column, rows, contextOf.apply(path)));
    }

    /** Adds the values at one trait or context path over the given profiles to {@code into}. */
    public void profileField(Path path, RoaringBitmap rows, FieldSummary into) {
        ValueColumn column = population.column(path);
        if (column != null) summarize(column, rows, into);
    }

    /** What {@link #events} reports per event name. */
    public interface EventSink {
        /** @param count events of that name of the given users */
        void event(String name, long count, long profiles);

        /** The summary for a property path of an event (counted per event, owners are users). */
        FieldSummary property(String event, Path path);
    }

    /** Counts the events of the given users by name and summarises their property paths. */
    public void events(RoaringBitmap users, EventSink sink) {
        for (String name : population.eventNames()) {
            EventLog log = population.events(name);
            RoaringBitmap who = RoaringBitmap.and(users, log.users);
            long count = 0;
            IntIterator it = who.getIntIterator();
            while (it.hasNext()) {
                int u = it.next();
                count += log.end(u) - log.start(u);
            }
            sink.event(name, count, who.getCardinality());
            walk(log.properties().roots(), List.of(), (path, column) -> summarizeEvents(column, log, who, sink.property(name, path)));
        }
    }

    /**
     * Per period, the events of that name of the given users stamped in
     * {@code [from + i * period, from + (i + 1) * period)}, for i in {@code [0, periods)}.
     */
    public long[] eventsPerPeriod(String event, RoaringBitmap users, long from, long period, int periods) {
        long[] out = new long[periods];
        EventLog log = population.events(event);
        if (log == null) return out;
        long to = from + period * periods;
        IntIterator it = RoaringBitmap.and(users, log.users).getIntIterator();
        while (it.hasNext()) {
            int u = it.next();
            int end = log.end(u);
            if (end == log.start(u) || log.lastTimestamps[u] < from) continue;
            for (int row = log.lowerBound(log.start(u), end, from); row < end; row++) {
                long t = log.timestamps[row];
                if (t >= to) break;
                out[(int) ((t - from) / period)]++;
            }
        }
        return out;
    }

    /**
     * Whether the string is a date as the language reads one (the forms of {@code age(...)} and
     * date comparisons), for every census: snapshot columns and live profiles alike.
     */
    public static boolean isDate(String s) {
        return looksLikeDate(s) && DateKeys.parse(s) != DateKeys.NOT_A_DATE;
    }

    /** {@code dddd-dd-dd…}: anything else is not a date, without paying for a parse exception. */
    private static boolean looksLikeDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return false;
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static void walk(ColumnFamily.Level level, List<String> prefix, BiConsumer<Path, ValueColumn> action) {
        for (int i = 0; i < level.size; i++) {
            List<String> segments = new ArrayList<>(prefix);
            segments.add(level.keys[i]);
            if (!Paths.isWritable(level.keys[i])) continue; // no path of the language can name it
            Path path = new Path(segments);
            action.accept(path, level.nodes[i].column);
            walk(level.nodes[i].children, segments, action);
        }
    }

    /** One profile column: each row is its own owner. */
    private void summarize(ValueColumn column, RoaringBitmap rows, FieldSummary into) {
        Tally t = new Tally(column, into);
        IntIterator it = rows.getIntIterator();
        while (it.hasNext()) {
            int row = it.next();
            t.add(row, row);
        }
        t.finish();
    }

    /** One event property column: rows are events, owners their users. */
    private void summarizeEvents(ValueColumn column, EventLog log, RoaringBitmap users, FieldSummary into) {
        Tally t = new Tally(column, into);
        IntIterator it = users.getIntIterator();
        while (it.hasNext()) {
            int u = it.next();
            for (int row = log.start(u), end = log.end(u); row < end; row++) t.add(row, u);
        }
        t.finish();
    }

    /** Accumulates one column's rows, then feeds the summary in bulk. */
    private final class Tally {
        private final ValueColumn column;
        private final FieldSummary into;
        private final CodeCounts strings;
        private final CodeCounts numbersSeen;
        private final double[] numberKeys;
        private final List<Double> numberOrder = new ArrayList<>();
        private long stringRows;
        private boolean allDates = true;
        private long numberRows;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private boolean tooManyNumbers;
        private final long[] trues = {0, 0};
        private final long[] falses = {0, 0};
        private int lastTrueOwner = Integer.MIN_VALUE;
        private int lastFalseOwner = Integer.MIN_VALUE;
        private long objects;
        private long arrays;

        Tally(ValueColumn column, FieldSummary into) {
            this.column = column;
            this.into = into;
            this.strings = new CodeCounts(into.maxStrings() + 1);
            this.numberKeys = new double[into.maxNumbers() + 1];
            this.numbersSeen = new CodeCounts(into.maxNumbers() + 1);
        }

        void add(int row, int owner) {
            byte tag = column.tag(row);
            if (tag == Tag.MISSING) return;
            if (tag == Tag.STRING) {
                int code = column.strs[row];
                stringRows++;
                strings.add(code, owner);
                if (allDates && !date(code)) allDates = false;
            } else if (tag == Tag.NUMBER) {
                double v = column.nums[row];
                numberRows++;
                if (v < min) min = v;
                if (v > max) max = v;
                if (!tooManyNumbers) countNumber(v, owner);
            } else if (tag == Tag.TRUE) {
                trues[0]++;
                if (lastTrueOwner != owner) {
                    trues[1]++;
                    lastTrueOwner = owner;
                }
            } else if (tag == Tag.FALSE) {
                falses[0]++;
                if (lastFalseOwner != owner) {
                    falses[1]++;
                    lastFalseOwner = owner;
                }
            } else if (tag == Tag.OBJECT) {
                objects++;
            } else if (tag == Tag.ARRAY) {
                arrays++;
            }
        }

        /** Distinct numbers are few or given up on: a linear search over the ones seen, keyed by slot. */
        private void countNumber(double v, int owner) {
            int n = numberOrder.size();
            for (int i = 0; i < n; i++) {
                if (Double.compare(numberKeys[i], v) == 0) {
                    numbersSeen.add(i, owner);
                    return;
                }
            }
            if (n == numberKeys.length - 1) {
                tooManyNumbers = true;
                return;
            }
            numberKeys[n] = v;
            numberOrder.add(v);
            numbersSeen.add(n, owner);
        }

        private boolean date(int code) {
            if (!dateChecked.get(code)) {
                dateChecked.set(code);
                String s = population.dictionary.decode(code);
                if (isDate(s)) isDate.set(code);
            }
            return isDate.get(code);
        }


        void finish() {
            if (stringRows > 0) {
                if (strings.overflowed()) {
                    into.stringsBeyondListing(stringRows, allDates);
                } else {
                    strings.forEach((code, rows, owners) -> into.strings(population.dictionary.decode(code), rows, owners, date(code)));
                }
            }
            if (numberRows > 0) {
                if (tooManyNumbers) {
                    into.numbersBeyondListing(numberRows, min, max);
                } else {
                    into.range(min, max);
                    numbersSeen.forEach((slot, rows, owners) -> into.numbers(numberKeys[slot], rows, owners));
                }
            }
            if (trues[0] > 0) into.booleans(true, trues[0], trues[1]);
            if (falses[0] > 0) into.booleans(false, falses[0], falses[1]);
            if (objects > 0) into.object(objects);
            if (arrays > 0) into.array(arrays);
        }
    }
}
