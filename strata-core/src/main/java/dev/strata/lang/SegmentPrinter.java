package dev.strata.lang;

import java.util.List;
import java.util.StringJoiner;

/**
 * Prints a condition tree as canonical text: lower-case keywords, event names quoted, minimal
 * parentheses. {@code SegmentParser.parse(print(c))} equals {@code c} for every tree built
 * through {@link Conditions}.
 */
public final class SegmentPrinter {
    private SegmentPrinter() {
    }

    public static String print(Condition c) {
        StringBuilder sb = new StringBuilder();
        write(c, sb);
        return sb.toString();
    }

    private static void write(Condition c, StringBuilder sb) {
        if (c instanceof Condition.Or o) {
            join(o.children(), " or ", sb, false);
        } else if (c instanceof Condition.And a) {
            join(a.children(), " and ", sb, true);
        } else if (c instanceof Condition.Not n) {
            sb.append("not ");
            writeOperand(n.child(), sb, true);
        } else if (c instanceof Condition.Constant k) {
            sb.append(k.value());
        } else if (c instanceof Condition.Test t) {
            writeTest(t, sb);
        } else if (c instanceof Condition.Did d) {
            sb.append("did ").append(Strings.quote(d.event()));
            writeWhereAndWindow(d.where(), d.window(), sb);
        } else if (c instanceof Condition.Count k) {
            sb.append("count(").append(Strings.quote(k.event()));
            writeWhereAndWindow(k.where(), k.window(), sb);
            sb.append(") ").append(k.op().symbol()).append(' ').append(k.value());
        } else if (c instanceof Condition.Aggregate g) {
            sb.append(g.fn().word()).append('(').append(Strings.quote(g.event())).append('.').append(g.property());
            writeWhereAndWindow(g.where(), g.window(), sb);
            sb.append(") ").append(g.op().symbol()).append(' ').append(Numbers.format(g.value()));
        } else if (c instanceof Condition.Supply y) {
            sb.append(y.fn().word()).append('(').append(Strings.quote(y.event()));
            writeWhereAndWindow(y.where(), new Window.Within(y.span()), sb);
            sb.append(") ").append(y.op().symbol()).append(' ').append(Numbers.format(y.value()));
        } else if (c instanceof Condition.DaysSince s) {
            sb.append("days_since(").append(Strings.quote(s.event()));
            writeWhereAndWindow(s.where(), Window.ALL_TIME, sb);
            sb.append(") ").append(s.op().symbol()).append(' ').append(s.value());
        } else if (c instanceof Condition.CountDays k) {
            sb.append("count_days(").append(Strings.quote(k.event()));
            writeWhereAndWindow(k.where(), k.window(), sb);
            sb.append(") ").append(k.op().symbol()).append(' ').append(k.value());
        } else if (c instanceof Condition.NoShowRate r) {
            StringBuilder window = new StringBuilder();
            writeWhereAndWindow(Condition.TRUE, r.window(), window);
            sb.append("no_show_rate(").append(window.toString().trim()).append(") ").append(r.op().symbol()).append(' ')
                    .append(Numbers.format(r.value()));
        } else if (c instanceof Condition.ScreeningDue d) {
            sb.append("screening_due(").append(Strings.quote(d.program().word())).append(')');
        } else if (c instanceof Condition.Near n) {
            sb.append("near(").append(n.path()).append(", ").append(Numbers.format(n.latitude())).append(", ")
                    .append(Numbers.format(n.longitude())).append(", ").append(Numbers.format(n.radiusKm())).append(" km)");
        } else if (c instanceof Condition.InSegment s) {
            sb.append("in segment ").append(Strings.quote(s.name()));
        } else {
            throw new IllegalStateException("unknown condition " + c);
        }
    }

    private static void join(List<Condition> children, String sep, StringBuilder sb, boolean inAnd) {
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) sb.append(sep);
            writeOperand(children.get(i), sb, inAnd);
        }
    }

    /** Parenthesises an operand whose operator binds more loosely than its position. */
    private static void writeOperand(Condition c, StringBuilder sb, boolean tight) {
        boolean parens = c instanceof Condition.Or || (tight && c instanceof Condition.And);
        if (parens) {
            sb.append('(');
            write(c, sb);
            sb.append(')');
        } else {
            write(c, sb);
        }
    }

    private static void writeTest(Condition.Test t, StringBuilder sb) {
        ValuePredicate p = t.predicate();
        if (p instanceof ValuePredicate.Age a) {
            sb.append("age(").append(t.path()).append(") ").append(a.op().symbol()).append(' ').append(Numbers.format(a.years()));
            return;
        }
        sb.append(t.path()).append(' ');
        if (p instanceof ValuePredicate.Compare cmp) {
            sb.append(cmp.op().symbol()).append(' ').append(cmp.value());
        } else if (p instanceof ValuePredicate.In in) {
            StringJoiner j = new StringJoiner(", ", "(", ")");
            in.values().forEach(v -> j.add(v.toString()));
            sb.append(in.negated() ? "not in " : "in ").append(j);
        } else if (p instanceof ValuePredicate.Between b) {
            sb.append("between ").append(b.low()).append(" and ").append(b.high());
        } else if (p instanceof ValuePredicate.IsNull n) {
            sb.append(n.negated() ? "is not null" : "is null");
        } else if (p instanceof ValuePredicate.Text x) {
            sb.append(x.op().word()).append(' ').append(Strings.quote(x.value()));
        }
    }

    private static void writeWhereAndWindow(Condition where, Window window, StringBuilder sb) {
        if (!where.equals(Condition.TRUE)) {
            sb.append(" where ");
            if (where instanceof Condition.Test) {
                write(where, sb);
            } else {
                sb.append('(');
                write(where, sb);
                sb.append(')');
            }
        }
        if (window instanceof Window.Within w) {
            sb.append(" within ").append(w.span());
        } else if (window instanceof Window.Ago a) {
            sb.append(" between ").append(a.from()).append(" ago and ").append(a.to()).append(" ago");
        } else if (window instanceof Window.Range r) {
            sb.append(" from ").append(Instants.format(r.from())).append(" to ").append(Instants.format(r.to()));
        }
    }
}
