package dev.strata.testing;

import dev.strata.json.Json;
import dev.strata.lang.AggFn;
import dev.strata.lang.Condition;
import dev.strata.lang.TimeSpan;
import dev.strata.lang.ValuePredicate;
import dev.strata.lang.Window;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names the language constructs and data rules a case exercises, for generator coverage checks. */
final class CaseFeatures {
    private CaseFeatures() {
    }

    static final List<String> CONSTRUCTS = List.of(
            "and", "or", "not", "true/false", "=", "!=", "<", "<=", ">", ">=", "in", "not in", "between", "is null", "is not null",
            "contains", "starts_with", "ends_with", "age", "context path", "did", "count", "sum", "avg", "min", "max", "where",
            "within", "between ago", "from to", "near", "in segment", "pdc", "mpr", "screening_due", "days_since", "count_days", "no_show_rate");

    static final List<String> DATA_RULES = List.of(
            "exact duplicate", "same id other content", "no messageId", "after T", "timestamp tie", "null removal",
            "trait updated", "context", "empty context", "on a window bound");

    static Set<String> constructs(ConformanceCase c) {
        Set<String> out = new LinkedHashSet<>();
        collect(c.condition(), out);
        c.segments().values().forEach(s -> collect(s, out));
        return out;
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Condition.And a) {
            out.add("and");
            a.children().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Or o) {
            out.add("or");
            o.children().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Not n) {
            out.add("not");
            collect(n.child(), out);
        } else if (c instanceof Condition.Constant) {
            out.add("true/false");
        } else if (c instanceof Condition.Test t) {
            if (t.path().length() > 1 && t.path().first().equals("context")) out.add("context path");
            out.add(predicateName(t.predicate()));
        } else if (c instanceof Condition.Did d) {
            out.add("did");
            event(d.where(), d.window(), out);
        } else if (c instanceof Condition.Count k) {
            out.add("count");
            event(k.where(), k.window(), out);
        } else if (c instanceof Condition.Aggregate g) {
            out.add(g.fn() == AggFn.SUM ? "sum" : g.fn() == AggFn.AVG ? "avg" : g.fn() == AggFn.MIN ? "min" : "max");
            event(g.where(), g.window(), out);
        } else if (c instanceof Condition.Supply y) {
            out.add(y.fn().word());
            event(y.where(), new dev.strata.lang.Window.Within(y.span()), out);
        } else if (c instanceof Condition.DaysSince s) {
            out.add("days_since");
            event(s.where(), dev.strata.lang.Window.ALL_TIME, out);
        } else if (c instanceof Condition.CountDays k) {
            out.add("count_days");
            event(k.where(), k.window(), out);
        } else if (c instanceof Condition.NoShowRate r) {
            out.add("no_show_rate");
            event(Condition.TRUE, r.window(), out);
        } else if (c instanceof Condition.ScreeningDue) {
            out.add("screening_due");
        } else if (c instanceof Condition.Near) {
            out.add("near");
        } else if (c instanceof Condition.InSegment) {
            out.add("in segment");
        }
    }

    private static void event(Condition where, Window window, Set<String> out) {
        if (!where.equals(Condition.TRUE)) {
            out.add("where");
            collect(where, out);
        }
        if (window instanceof Window.Within) out.add("within");
        if (window instanceof Window.Ago) out.add("between ago");
        if (window instanceof Window.Range) out.add("from to");
    }

    private static String predicateName(ValuePredicate p) {
        if (p instanceof ValuePredicate.Compare c) return c.op().symbol();
        if (p instanceof ValuePredicate.In in) return in.negated() ? "not in" : "in";
        if (p instanceof ValuePredicate.Between) return "between";
        if (p instanceof ValuePredicate.IsNull n) return n.negated() ? "is not null" : "is null";
        if (p instanceof ValuePredicate.Text t) return t.op().word();
        return "age";
    }

    static Set<String> dataRules(ConformanceCase c) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Message> byId = new HashMap<>();
        Set<String> userTimes = new HashSet<>();
        Set<String> userKeys = new HashSet<>();
        Set<Long> bounds = new HashSet<>();
        for (TimeSpan s : Vocabulary.SPANS) bounds.add(c.asOf() - s.millis());
        for (Message m : c.messages()) {
            if (m.messageId() == null) {
                out.add("no messageId");
            } else {
                Message first = byId.putIfAbsent(m.messageId(), m);
                if (first != null) out.add(first.equals(m) ? "exact duplicate" : "same id other content");
            }
            if (m.timestamp() > c.asOf()) out.add("after T");
            if (!userTimes.add(m.userId() + "@" + m.timestamp())) out.add("timestamp tie");
            if (m.context() != null) out.add(m.context().fields().isEmpty() ? "empty context" : "context");
            if (bounds.contains(m.timestamp())) out.add("on a window bound");
            if (m.type() == MessageType.IDENTIFY) {
                for (Map.Entry<String, Json> e : m.traits().fields().entrySet()) {
                    if (e.getValue() instanceof Json.Null) out.add("null removal");
                    if (!userKeys.add(m.userId() + "/" + e.getKey())) out.add("trait updated");
                }
            }
        }
        return out;
    }
}
