package dev.strata.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value as it arrived in a message. Kept as a small sealed type so that the
 * engine, the reference evaluator and the importers share one model of "what a trait is" without
 * depending on a JSON library's tree classes.
 */
public sealed interface Json {

    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    record Null() implements Json {
        @Override public String toString() { return "null"; }
    }

    record Bool(boolean value) implements Json {
        @Override public String toString() { return Boolean.toString(value); }
    }

    record Num(double value) implements Json {
        @Override public String toString() { return Double.toString(value); }
    }

    record Str(String value) implements Json {
        @Override public String toString() { return '"' + value + '"'; }
    }

    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** Keys keep their arrival order; a repeated key keeps the last value, as JSON parsers do. */
    record Obj(Map<String, Json> fields) implements Json {
        public static final Obj EMPTY = new Obj(Map.of());

        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Json get(String key) {
            return fields.get(key);
        }
    }

    static Bool bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Num num(double d) {
        return new Num(d);
    }

    static Str str(String s) {
        return new Str(s);
    }
}
