package dev.strata.lang;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a condition tree in the JSON form described in {@link SegmentJson}. */
final class SegmentJsonWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SegmentJsonWriter() {
    }

    static ObjectNode write(Condition c) {
        if (c instanceof Condition.And a) return junction("and", a.children());
        if (c instanceof Condition.Or o) return junction("or", o.children());
        if (c instanceof Condition.Not n) {
            ObjectNode node = typed("not");
            node.set("condition", write(n.child()));
            return node;
        }
        if (c instanceof Condition.Constant k) return typed(k.value() ? "true" : "false");
        if (c instanceof Condition.Test t) return test(t);
        if (c instanceof Condition.Did d) {
            ObjectNode node = typed("did");
            event(node, d.event(), d.where(), d.window());
            return node;
        }
        if (c instanceof Condition.Count k) {
            ObjectNode node = typed("count");
            event(node, k.event(), k.where(), k.window());
            node.put("op", k.op().symbol());
            node.set("value", integer(k.value()));
            return node;
        }
        if (c instanceof Condition.Aggregate g) {
            ObjectNode node = typed(g.fn().word());
            node.put("event", g.event());
            node.put("property", g.property().toString());
            whereAndWindow(node, g.where(), g.window());
            node.put("op", g.op().symbol());
            node.set("value", number(g.value()));
            return node;
        }
        if (c instanceof Condition.Supply y) {
            ObjectNode node = typed(y.fn().word());
            whereAndWindow(node.put("event", y.event()), y.where(), new Window.Within(y.span()));
            node.put("op", y.op().symbol());
            node.set("value", number(y.value()));
            return node;
        }
        if (c instanceof Condition.DaysSince s) {
            ObjectNode node = typed("days_since");
            whereAndWindow(node.put("event", s.event()), s.where(), Window.ALL_TIME);
            node.put("op", s.op().symbol());
            node.set("value", integer(s.value()));
            return node;
        }
        if (c instanceof Condition.CountDays k) {
            ObjectNode node = typed("count_days");
            event(node, k.event(), k.where(), k.window());
            node.put("op", k.op().symbol());
            node.set("value", integer(k.value()));
            return node;
        }
        if (c instanceof Condition.NoShowRate r) {
            ObjectNode node = typed("no_show_rate");
            whereAndWindow(node, Condition.TRUE, r.window());
            node.put("op", r.op().symbol());
            node.set("value", number(r.value()));
            return node;
        }
        if (c instanceof Condition.ScreeningDue d) {
            ObjectNode node = typed("screening_due");
            node.put("program", d.program().word());
            return node;
        }
        if (c instanceof Condition.Near n) {
            ObjectNode node = typed("near");
            node.put("path", n.path().toString());
            node.set("latitude", number(n.latitude()));
            node.set("longitude", number(n.longitude()));
            node.set("radius_km", number(n.radiusKm()));
            return node;
        }
        if (c instanceof Condition.InSegment s) {
            ObjectNode node = typed("segment");
            node.put("name", s.name());
            return node;
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    private static ObjectNode junction(String type, java.util.List<Condition> children) {
        ObjectNode node = typed(type);
        ArrayNode list = node.putArray("conditions");
        for (Condition child : children) list.add(write(child));
        return node;
    }

    private static ObjectNode test(Condition.Test t) {
        ValuePredicate p = t.predicate();
        ObjectNode node = typed(p instanceof ValuePredicate.Age ? "age" : "trait");
        node.put("path", t.path().toString());
        if (p instanceof ValuePredicate.Age a) {
            node.put("op", a.op().symbol());
            node.set("value", number(a.years()));
        } else if (p instanceof ValuePredicate.Compare cmp) {
            node.put("op", cmp.op().symbol());
            node.set("value", literal(cmp.value()));
        } else if (p instanceof ValuePredicate.In in) {
            node.put("op", in.negated() ? "not_in" : "in");
            ArrayNode values = node.putArray("values");
            for (Literal v : in.values()) values.add(literal(v));
        } else if (p instanceof ValuePredicate.Between b) {
            node.put("op", "between");
            node.set("low", literal(b.low()));
            node.set("high", literal(b.high()));
        } else if (p instanceof ValuePredicate.IsNull n) {
            node.put("op", n.negated() ? "is_not_null" : "is_null");
        } else if (p instanceof ValuePredicate.Text x) {
            node.put("op", x.op().word());
            node.put("value", x.value());
        } else {
            throw new IllegalStateException("unknown predicate " + p);
        }
        return node;
    }

    private static void event(ObjectNode node, String event, Condition where, Window window) {
        node.put("event", event);
        whereAndWindow(node, where, window);
    }

    /** Both are left out when they do not restrict: no where clause, all time up to T. */
    private static void whereAndWindow(ObjectNode node, Condition where, Window window) {
        if (!where.equals(Condition.TRUE)) node.set("where", write(where));
        if (!(window instanceof Window.AllTime)) node.set("window", window(window));
    }

    private static ObjectNode window(Window w) {
        if (w instanceof Window.Within within) {
            ObjectNode node = typed("within");
            node.put("duration", within.span().toString());
            return node;
        }
        if (w instanceof Window.Ago ago) {
            ObjectNode node = typed("ago");
            node.put("from", ago.from().toString());
            node.put("to", ago.to().toString());
            return node;
        }
        if (w instanceof Window.Range r) {
            ObjectNode node = typed("range");
            node.put("from", Instants.format(r.from()));
            node.put("to", Instants.format(r.to()));
            return node;
        }
        throw new IllegalStateException("no JSON for window " + w);
    }

    private static JsonNode literal(Literal v) {
        if (v instanceof Literal.Num n) return number(n.value());
        if (v instanceof Literal.Str s) return NODES.stringNode(s.value());
        return NODES.booleanNode(((Literal.Bool) v).value());
    }

    /**
     * Whole numbers as JSON integers (65, not 65.0), within the range where that is exact; as the
     * node types Jackson reads them back as, so a tree equals the tree of its own text.
     */
    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return integer((long) d);
        }
        return NODES.numberNode(d);
    }

    private static JsonNode integer(long l) {
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }
}
