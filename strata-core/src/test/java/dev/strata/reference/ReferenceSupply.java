package dev.strata.reference;

import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SupplyFn;
import dev.strata.model.Message;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PDC and MPR the slow, obvious way: calendar dates in UTC, and a set of covered dates filled one
 * day at a time. Each fill, in time order, covers the first {@code days_supply} dates from its own
 * date on that no earlier fill covers (which is the PQA shift of an early refill); dates after T's
 * are never counted.
 */
final class ReferenceSupply {
    private ReferenceSupply() {
    }

    /** The measure, or null when the person has fewer than two fills on different dates in the window. */
    static Double measure(Condition.Supply c, List<Message> events, long asOf, java.util.function.Predicate<Message> passesWhere) {
        LocalDate end = date(asOf);
        LocalDate start = end.minusDays(c.days() - 1);
        List<Message> fills = new ArrayList<>();
        for (Message m : events) {
            if (!m.event().equals(c.event()) || m.timestamp() > asOf || date(m.timestamp()).isBefore(start)) continue;
            if (!passesWhere.test(m) || supply(m) == 0) continue;
            fills.add(m);
        }
        fills.sort(Comparator.comparingLong(Message::timestamp)); // stable: ties stay in read order
        Set<LocalDate> dates = new HashSet<>();
        for (Message m : fills) dates.add(date(m.timestamp()));
        if (dates.size() < 2) return null;
        LocalDate index = date(fills.get(0).timestamp());
        long period = ChronoUnit.DAYS.between(index, end) + 1;
        if (c.fn() == SupplyFn.MPR) {
            long total = 0;
            for (Message m : fills) total += supply(m);
            return (double) total / period;
        }
        Set<LocalDate> covered = new HashSet<>();
        for (Message m : fills) {
            LocalDate day = date(m.timestamp());
            long left = supply(m);
            while (left > 0 && !day.isAfter(end)) {
                if (covered.add(day)) left--;
                day = day.plusDays(1);
            }
        }
        return (double) covered.size() / period;
    }

    /** Whole days of supply: a number of at least 1, rounded down, at most a million; otherwise 0 (not a fill). */
    private static long supply(Message m) {
        Json v = m.properties() == null ? null : m.properties().get("days_supply");
        if (!(v instanceof Json.Num n) || n.value() < 1) return 0;
        return (long) Math.min(Math.floor(n.value()), 1_000_000d);
    }

    private static LocalDate date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
