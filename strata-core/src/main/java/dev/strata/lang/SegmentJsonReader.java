package dev.strata.lang;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON form described in {@link SegmentJson}, with the checks the parser makes, and
 * names the JSON Pointer of whatever it rejects. Trees are built through {@link Conditions}.
 */
final class SegmentJsonReader {

    private static final List<String> CONDITION_TYPES = List.of(
            "and", "or", "not", "true", "false", "trait", "age", "did", "count", "sum", "avg", "min", "max", "pdc", "mpr", "count_days", "days_since", "no_show_rate", "screening_due", "near", "segment");
    private static final Set<String> PROPERTY_TYPES = Set.of("and", "or", "not", "true", "false", "trait", "age");
    private static final List<String> CMP_OPS = List.of("=", "!=", "<", "<=", ">", ">=");
    private static final List<String> TRAIT_OPS = List.of(
            "=", "!=", "<", "<=", ">", ">=", "in", "not_in", "between", "is_null", "is_not_null", "contains", "starts_with", "ends_with");
    private static final List<String> WINDOW_TYPES = List.of("within", "ago", "range");

    private final Predicate<String> knownSegment;
    private int depth;

    private SegmentJsonReader(Predicate<String> knownSegment) {
        this.knownSegment = knownSegment;
    }

    static Condition read(JsonNode root, Predicate<String> knownSegment) {
        return new SegmentJsonReader(knownSegment).condition(root, "", false);
    }

    private Condition condition(JsonNode node, String ptr, boolean inWhere) {
        if (node == null || !node.isObject()) {
            throw new SegmentJsonException(ptr, "expected a condition object {\"type\": ...}, found " + describe(node));
        }
        if (++depth > SegmentParser.MAX_NESTING) {
            throw new SegmentJsonException(ptr, "conditions nest more than " + SegmentParser.MAX_NESTING + " levels deep here: expected a flatter definition");
        }
        String type = oneOf(node, ptr, "type", CONDITION_TYPES, "condition type");
        if (inWhere && !PROPERTY_TYPES.contains(type)) {
            throw new SegmentJsonException(ptr + "/type", "\"" + type + "\" cannot be nested in a where clause; expected a property condition: "
                    + "trait, age, and, or, not, true or false");
        }
        Condition c = switch (type) {
            case "and", "or" -> junction(node, ptr, type, inWhere);
            case "not" -> {
                fields(node, ptr, "a not condition", "condition");
                yield Conditions.not(condition(node.get("condition"), ptr + "/condition", inWhere));
            }
            case "true", "false" -> {
                fields(node, ptr, "a " + type + " condition");
                yield Conditions.constant(type.equals("true"));
            }
            case "trait" -> trait(node, ptr);
            case "age" -> {
                fields(node, ptr, "an age condition", "path", "op", "value");
                Path path = path(node, ptr, "path");
                Cmp op = cmp(node, ptr, "age");
                yield Conditions.test(path, new ValuePredicate.Age(op, number(node, ptr, "value", "a number of years")));
            }
            case "did" -> {
                fields(node, ptr, "a did condition", "event", "where", "window");
                yield Conditions.did(event(node, ptr), where(node, ptr), window(node, ptr));
            }
            case "count" -> {
                fields(node, ptr, "a count condition", "event", "where", "window", "op", "value");
                yield Conditions.count(event(node, ptr), where(node, ptr), window(node, ptr), cmp(node, ptr, "count"), wholeNumber(node, ptr));
            }
            case "near" -> near(node, ptr);
            case "pdc", "mpr" -> supply(node, ptr, SupplyFn.fromWord(type));
            case "days_since" -> {
                fields(node, ptr, "a days_since condition", "event", "where", "op", "value");
                yield Conditions.daysSince(event(node, ptr), where(node, ptr), cmp(node, ptr, "days_since"), wholeNumber(node, ptr, "days_since", "days"));
            }
            case "count_days" -> {
                fields(node, ptr, "a count_days condition", "event", "where", "window", "op", "value");
                yield Conditions.countDays(event(node, ptr), where(node, ptr), window(node, ptr), cmp(node, ptr, "count_days"), wholeNumber(node, ptr, "count_days", "days"));
            }
            case "no_show_rate" -> {
                fields(node, ptr, "a no_show_rate condition", "window", "op", "value");
                yield Conditions.noShowRate(window(node, ptr), cmp(node, ptr, "no_show_rate"), number(node, ptr, "value", "a number"));
            }
            case "screening_due" -> {
                fields(node, ptr, "a screening_due condition", "program");
                String name = nonEmptyString(node, ptr, "program", "a screening program, " + ScreeningProgram.names());
                ScreeningProgram program = ScreeningProgram.fromWord(name);
                if (program == null) {
                    throw new SegmentJsonException(ptr + "/program", "unknown screening program \"" + name + "\": expected " + ScreeningProgram.names());
                }
                yield Conditions.screeningDue(program);
            }
            case "segment" -> segmentRef(node, ptr);
            default -> aggregate(node, ptr, AggFn.fromWord(type));
        };
        depth--;
        return c;
    }

    private Condition junction(JsonNode node, String ptr, String type, boolean inWhere) {
        fields(node, ptr, "an " + type + " condition", "conditions");
        JsonNode list = required(node, ptr, "conditions", "an array of conditions");
        if (!list.isArray()) throw new SegmentJsonException(ptr + "/conditions", "expected an array of conditions, found " + describe(list));
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            children.add(condition(list.get(i), ptr + "/conditions/" + i, inWhere));
        }
        return type.equals("and") ? Conditions.and(children) : Conditions.or(children);
    }

    private Condition trait(JsonNode node, String ptr) {
        String op = oneOf(node, ptr, "op", TRAIT_OPS, "operator");
        String what = "a trait condition with op \"" + op + "\"";
        Path path = path(node, ptr, "path");
        ValuePredicate predicate;
        switch (op) {
            case "in", "not_in" -> {
                fields(node, ptr, what, "path", "op", "values");
                JsonNode values = required(node, ptr, "values", "a non-empty array of values");
                if (!values.isArray() || values.isEmpty()) {
                    throw new SegmentJsonException(ptr + "/values", "expected a non-empty array of values, found " + describe(values));
                }
                List<Literal> literals = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) literals.add(literal(values.get(i), ptr + "/values/" + i));
                predicate = new ValuePredicate.In(literals, op.equals("not_in"));
            }
            case "between" -> {
                fields(node, ptr, what, "path", "op", "low", "high");
                Literal low = literal(required(node, ptr, "low", "a number or a string"), ptr + "/low");
                Literal high = literal(required(node, ptr, "high", "a number or a string"), ptr + "/high");
                if (low instanceof Literal.Bool) throw new SegmentJsonException(ptr + "/low", "between takes numbers or strings: expected a number or a string, found " + low);
                if (high instanceof Literal.Bool) throw new SegmentJsonException(ptr + "/high", "between takes numbers or strings: expected a number or a string, found " + high);
                if (low.getClass() != high.getClass()) {
                    throw new SegmentJsonException(ptr + "/high", "between mixes a " + low.typeName() + " and a " + high.typeName()
                            + ": expected a " + low.typeName() + " as the upper bound, found " + describe(node.get("high")));
                }
                predicate = new ValuePredicate.Between(low, high);
            }
            case "is_null", "is_not_null" -> {
                fields(node, ptr, what, "path", "op");
                predicate = new ValuePredicate.IsNull(op.equals("is_not_null"));
            }
            case "contains", "starts_with", "ends_with" -> {
                fields(node, ptr, what, "path", "op", "value");
                JsonNode value = required(node, ptr, "value", "a string");
                if (!value.isString()) {
                    throw new SegmentJsonException(ptr + "/value", op + " applies to strings only: expected a string, found " + describe(value));
                }
                predicate = new ValuePredicate.Text(ValuePredicate.TextOp.fromWord(op), value.stringValue());
            }
            default -> {
                fields(node, ptr, what, "path", "op", "value");
                Cmp cmp = Cmp.fromSymbol(op);
                Literal value = literal(required(node, ptr, "value", "a number, a string or a boolean"), ptr + "/value");
                if (value instanceof Literal.Bool && cmp != Cmp.EQ && cmp != Cmp.NE) {
                    throw new SegmentJsonException(ptr + "/op", "booleans compare only with = or !=: expected \"=\" or \"!=\" with the value "
                            + value + ", found \"" + op + "\"");
                }
                predicate = new ValuePredicate.Compare(cmp, value);
            }
        }
        return Conditions.test(path, predicate);
    }

    private Condition aggregate(JsonNode node, String ptr, AggFn fn) {
        fields(node, ptr, "a " + fn.word() + " condition", "event", "property", "where", "window", "op", "value");
        String event = event(node, ptr);
        Path property = path(node, ptr, "property");
        Condition where = where(node, ptr);
        Window window = window(node, ptr);
        Cmp op = cmp(node, ptr, fn.word());
        return Conditions.aggregate(fn, event, property, where, window, op, number(node, ptr, "value", "a number"));
    }

    private Condition supply(JsonNode node, String ptr, SupplyFn fn) {
        fields(node, ptr, (fn == SupplyFn.MPR ? "an " : "a ") + fn.word() + " condition", "event", "where", "window", "op", "value");
        String event = event(node, ptr);
        Condition where = where(node, ptr);
        required(node, ptr, "window", "a within window in days, {\"type\": \"within\", \"duration\": \"365d\"}");
        Window window = window(node, ptr);
        if (!(window instanceof Window.Within within)) {
            throw new SegmentJsonException(ptr + "/window/type", fn.word() + " takes a within window, as its period always ends at T: expected \"within\", found " + describe(node.get("window").get("type")));
        }
        if (within.span().unit() == TimeSpan.Unit.HOURS) {
            throw new SegmentJsonException(ptr + "/window/duration", fn.word() + " counts whole days: expected a duration in days or weeks, found \"" + within.span() + "\"");
        }
        Cmp op = cmp(node, ptr, fn.word());
        return Conditions.supply(fn, event, where, within.span(), op, number(node, ptr, "value", "a number"));
    }

    private Condition near(JsonNode node, String ptr) {
        fields(node, ptr, "a near condition", "path", "latitude", "longitude", "radius_km");
        Path path = path(node, ptr, "path");
        double lat = number(node, ptr, "latitude", "a latitude");
        if (!(lat >= -90 && lat <= 90)) throw new SegmentJsonException(ptr + "/latitude", "expected a latitude between -90 and 90, found " + Numbers.format(lat));
        double lon = number(node, ptr, "longitude", "a longitude");
        if (!(lon >= -180 && lon <= 180)) throw new SegmentJsonException(ptr + "/longitude", "expected a longitude between -180 and 180, found " + Numbers.format(lon));
        double radius = number(node, ptr, "radius_km", "a radius in km");
        if (!(radius >= 0)) throw new SegmentJsonException(ptr + "/radius_km", "expected a radius of 0 km or more, found " + Numbers.format(radius));
        return Conditions.near(path, lat, lon, radius);
    }

    private Condition segmentRef(JsonNode node, String ptr) {
        fields(node, ptr, "a segment condition", "name");
        String name = nonEmptyString(node, ptr, "name", "a segment name");
        if (!knownSegment.test(name)) {
            throw new SegmentJsonException(ptr + "/name", "unknown segment \"" + name + "\": expected the name of a segment defined before this one");
        }
        return Conditions.inSegment(name);
    }

    private String event(JsonNode node, String ptr) {
        return nonEmptyString(node, ptr, "event", "an event name");
    }

    /** No where clause (absent or null) is {@link Condition#TRUE}. */
    private Condition where(JsonNode node, String ptr) {
        JsonNode where = node.get("where");
        if (where == null || where.isNull()) return Condition.TRUE;
        return condition(where, ptr + "/where", true);
    }

    private Window window(JsonNode node, String ptr) {
        JsonNode w = node.get("window");
        if (w == null || w.isNull()) return Window.ALL_TIME;
        String wp = ptr + "/window";
        if (!w.isObject()) throw new SegmentJsonException(wp, "expected a window object {\"type\": \"within\" | \"ago\" | \"range\", ...}, found " + describe(w));
        String type = oneOf(w, wp, "type", WINDOW_TYPES, "window type");
        switch (type) {
            case "within" -> {
                fields(w, wp, "a within window", "duration");
                return new Window.Within(duration(w, wp, "duration"));
            }
            case "ago" -> {
                fields(w, wp, "an ago window", "from", "to");
                TimeSpan from = duration(w, wp, "from");
                TimeSpan to = duration(w, wp, "to");
                if (from.millis() <= to.millis()) {
                    String fix = from.millis() < to.millis() ? " (swap them)" : ": the window would be empty";
                    throw new SegmentJsonException(wp + "/from", "expected the first duration (from) to be longer than the second (to), found "
                            + from + " and " + to + fix);
                }
                return new Window.Ago(from, to);
            }
            default -> {
                fields(w, wp, "a range window", "from", "to");
                Instant from = instant(w, wp, "from");
                Instant to = instant(w, wp, "to");
                if (!from.isBefore(to)) {
                    throw new SegmentJsonException(wp + "/from", "the window from " + Instants.format(from) + " to " + Instants.format(to)
                            + " is empty: expected 'from' before 'to'");
                }
                return new Window.Range(from, to);
            }
        }
    }

    // ---- fields -------------------------------------------------------------------------------

    /** Rejects fields other than "type" and {@code allowed}: a misspelt "windw" must not be ignored. */
    private static void fields(JsonNode node, String ptr, String what, String... allowed) {
        List<String> ok = new ArrayList<>(List.of("type"));
        ok.addAll(List.of(allowed));
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!ok.contains(e.getKey())) {
                throw new SegmentJsonException(ptr + "/" + escape(e.getKey()), "unknown field \"" + e.getKey() + "\" in " + what
                        + "; expected only " + String.join(", ", ok));
            }
        }
    }

    private static JsonNode required(JsonNode node, String ptr, String field, String expected) {
        JsonNode v = node.get(field);
        if (v == null) throw new SegmentJsonException(ptr + "/" + field, "missing field \"" + field + "\": expected " + expected);
        return v;
    }

    private static String oneOf(JsonNode node, String ptr, String field, List<String> choices, String what) {
        String expected = "one of " + quoteAll(choices);
        JsonNode v = required(node, ptr, field, expected);
        if (!v.isString()) throw new SegmentJsonException(ptr + "/" + field, "expected " + expected + ", found " + describe(v));
        String s = v.stringValue();
        if (!choices.contains(s)) {
            throw new SegmentJsonException(ptr + "/" + field, "unknown " + what + " \"" + s + "\"; expected " + expected);
        }
        return s;
    }

    private static Cmp cmp(JsonNode node, String ptr, String what) {
        JsonNode v = required(node, ptr, "op", "one of " + quoteAll(CMP_OPS));
        if (!v.isString() || !CMP_OPS.contains(v.stringValue())) {
            throw new SegmentJsonException(ptr + "/op", (v.isString() ? "unknown operator " : "expected an operator, found ") + describe(v)
                    + " for " + what + "; expected one of " + quoteAll(CMP_OPS));
        }
        return Cmp.fromSymbol(v.stringValue());
    }

    private static Path path(JsonNode node, String ptr, String field) {
        String text = nonEmptyString(node, ptr, field, "a path such as \"address.state\"");
        try {
            return SegmentParser.parsePath(text);
        } catch (SegmentSyntaxException e) {
            throw new SegmentJsonException(ptr + "/" + field, "invalid path \"" + text + "\" at column " + e.column() + ": " + e.reason());
        }
    }

    private static String nonEmptyString(JsonNode node, String ptr, String field, String expected) {
        JsonNode v = required(node, ptr, field, expected);
        if (!v.isString() || v.stringValue().isEmpty()) {
            throw new SegmentJsonException(ptr + "/" + field, "expected " + expected + " (a non-empty string), found " + describe(v));
        }
        return v.stringValue();
    }

    private static Literal literal(JsonNode v, String ptr) {
        if (v.isString()) return new Literal.Str(v.stringValue());
        if (v.isBoolean()) return new Literal.Bool(v.booleanValue());
        if (v.isNumber()) return new Literal.Num(finite(v, ptr));
        throw new SegmentJsonException(ptr, "expected a value (a number, a string or a boolean), found " + describe(v));
    }

    private static double number(JsonNode node, String ptr, String field, String expected) {
        JsonNode v = required(node, ptr, field, expected);
        if (!v.isNumber()) throw new SegmentJsonException(ptr + "/" + field, "expected " + expected + " (a number), found " + describe(v));
        return finite(v, ptr + "/" + field);
    }

    private static double finite(JsonNode v, String ptr) {
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new SegmentJsonException(ptr, "expected a number between -1.7976931348623157E308 and 1.7976931348623157E308, found one beyond that");
        }
        return d;
    }

    private static long wholeNumber(JsonNode node, String ptr) {
        return wholeNumber(node, ptr, "count", "events");
    }

    private static long wholeNumber(JsonNode node, String ptr, String function, String unit) {
        JsonNode v = required(node, ptr, "value", "a whole number of " + unit);
        if (!v.isIntegralNumber()) {
            throw new SegmentJsonException(ptr + "/value", function + " compares with a whole number: expected a whole number of " + unit + ", found " + describe(v));
        }
        if (!v.canConvertToLong()) throw new SegmentJsonException(ptr + "/value", "the whole number " + v + " is too large");
        return v.longValue();
    }

    private static TimeSpan duration(JsonNode w, String wp, String field) {
        JsonNode v = required(w, wp, field, "a duration such as \"30d\", \"12h\" or \"2w\"");
        if (!v.isString()) throw new SegmentJsonException(wp + "/" + field, "expected a duration such as \"30d\", \"12h\" or \"2w\", found " + describe(v));
        try {
            return TimeSpan.parse(v.stringValue());
        } catch (IllegalArgumentException e) {
            throw new SegmentJsonException(wp + "/" + field, e.getMessage());
        }
    }

    private static Instant instant(JsonNode w, String wp, String field) {
        JsonNode v = required(w, wp, field, "an instant such as \"2025-01-01\" or \"2025-01-01T12:00:00Z\"");
        if (!v.isString()) {
            throw new SegmentJsonException(wp + "/" + field, "expected an instant such as \"2025-01-01\" or \"2025-01-01T12:00:00Z\", found " + describe(v));
        }
        try {
            return Instants.parse(v.stringValue());
        } catch (IllegalArgumentException e) {
            throw new SegmentJsonException(wp + "/" + field, e.getMessage());
        }
    }

    // ---- messages -----------------------------------------------------------------------------

    /** The value as JSON text, shortened; containers by kind only. */
    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isObject()) return "an object";
        if (v.isArray()) return v.isEmpty() ? "an empty array" : "an array";
        String text = v.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String quoteAll(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('"').append(words.get(i)).append('"');
        }
        return sb.toString();
    }

    /** JSON Pointer escaping (RFC 6901) of a field name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
