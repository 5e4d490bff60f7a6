package dev.strata.json;

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
            if (!(fields instanceof Fields)) {
                Builder b = new Builder();
                fields.forEach(b::put);
                fields = b.fields();
            }
        }

        public Json get(String key) {
            return fields.get(key);
        }

        /** Builds an object without copying: the parser's path. */
        public static final class Builder {
            private String[] keys = new String[8];
            private Json[] values = new Json[8];
            private int size;

            public Builder put(String key, Json value) {
                java.util.Objects.requireNonNull(key, "key");
                java.util.Objects.requireNonNull(value, "value");
                for (int i = 0; i < size; i++) {
                    if (keys[i] == key || keys[i].equals(key)) {
                        values[i] = value;
                        return this;
                    }
                }
                if (size == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, size * 2);
                    values = java.util.Arrays.copyOf(values, size * 2);
                }
                keys[size] = key;
                values[size] = value;
                size++;
                return this;
            }

            private Fields fields() {
                return new Fields(java.util.Arrays.copyOf(keys, size), java.util.Arrays.copyOf(values, size));
            }

            public Obj build() {
                return new Obj(fields());
            }
        }
    }

    /**
     * The fields of an object: two parallel arrays in arrival order. Messages carry small objects
     * (a handful of keys), for which a linear scan beats hashing and the arrays cost a fraction of
     * a LinkedHashMap's entries.
     */
    final class Fields extends java.util.AbstractMap<String, Json> {
        private final String[] keys;
        private final Json[] values;

        private Fields(String[] keys, Json[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public Json get(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key || keys[i].equals(key)) return values[i];
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public boolean isEmpty() {
            return keys.length == 0;
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super Json> action) {
            for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]);
        }

        @Override
        public java.util.Set<Map.Entry<String, Json>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, Json>> iterator() {
                    return new java.util.Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keys.length;
                        }

                        @Override
                        public Map.Entry<String, Json> next() {
                            if (i >= keys.length) throw new java.util.NoSuchElementException();
                            Map.Entry<String, Json> e = new java.util.AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
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
