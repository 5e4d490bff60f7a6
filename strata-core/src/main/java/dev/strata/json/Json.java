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
            if (!(fields instanceof Frozen)) fields = new Frozen(new LinkedHashMap<>(fields));
        }

        /** Takes ownership of a freshly built map without copying it: the caller must not keep it. */
        public static Obj owning(LinkedHashMap<String, Json> fields) {
            return new Obj(new Frozen(fields));
        }

        public Json get(String key) {
            return fields.get(key);
        }
    }

    /** A read-only view of a map nobody else holds, so Obj need not copy what a parser just built. */
    final class Frozen extends java.util.AbstractMap<String, Json> {
        private final Map<String, Json> map;

        private Frozen(Map<String, Json> map) {
            this.map = map;
        }

        @Override
        public Json get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public java.util.Set<Map.Entry<String, Json>> entrySet() {
            return Collections.unmodifiableMap(map).entrySet();
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
