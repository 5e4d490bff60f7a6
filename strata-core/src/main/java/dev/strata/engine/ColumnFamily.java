package dev.strata.engine;

import dev.strata.json.Json;
import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns for every flattened path of a JSON object family (traits, context or one event's
 * properties): {@code address.state} is its own column, and {@code address} holds the tag OBJECT.
 * Column keys join path segments with U+0000, which JSON keys never need in practice and which
 * keeps {@code `a.b`} distinct from {@code a.b}.
 */
final class ColumnFamily {
    private static final char SEP = '\u0000';

    private final Map<String, ValueColumn> columns = new HashMap<>();
    /** Every column under a top-level key, to clear them all when the key's value is replaced. */
    private final Map<String, List<ValueColumn>> byTopKey = new HashMap<>();
    private final StringDictionary dictionary;
    private final int initialCapacity;

    ColumnFamily(StringDictionary dictionary, int initialCapacity) {
        this.dictionary = dictionary;
        this.initialCapacity = initialCapacity;
    }

    static String key(Path path) {
        return String.join(String.valueOf(SEP), path.segments());
    }

    ValueColumn column(Path path) {
        return columns.get(key(path));
    }

    /** Writes {@code value} at top-level {@code key} for {@code row}, after clearing what was there. */
    void replace(int row, String key, Json value) {
        List<ValueColumn> old = byTopKey.get(key);
        if (old != null) {
            for (ValueColumn c : old) {
                if (c.tag(row) != Tag.MISSING) c.set(row, Tag.MISSING);
            }
        }
        write(row, key, key, value);
    }

    /** Writes every field of {@code object} for {@code row}, as top-level keys. */
    void writeAll(int row, Json.Obj object) {
        for (Map.Entry<String, Json> e : object.fields().entrySet()) {
            write(row, e.getKey(), e.getKey(), e.getValue());
        }
    }

    /** Clears every column for {@code row}. */
    void clearRow(int row) {
        for (ValueColumn c : columns.values()) {
            if (c.tag(row) != Tag.MISSING) c.set(row, Tag.MISSING);
        }
    }

    private void write(int row, String topKey, String key, Json value) {
        ValueColumn col = columns.get(key);
        if (col == null) {
            if (value instanceof Json.Null) return; // nothing to record, nothing to clear
            col = new ValueColumn(initialCapacity);
            columns.put(key, col);
            byTopKey.computeIfAbsent(topKey, k -> new ArrayList<>()).add(col);
        }
        if (value instanceof Json.Str s) {
            col.setString(row, dictionary.encode(s.value()));
        } else if (value instanceof Json.Num n) {
            col.setNumber(row, n.value());
        } else if (value instanceof Json.Bool b) {
            col.set(row, b.value() ? Tag.TRUE : Tag.FALSE);
        } else if (value instanceof Json.Null) {
            col.set(row, Tag.MISSING);
        } else if (value instanceof Json.Arr) {
            col.set(row, Tag.ARRAY);
        } else if (value instanceof Json.Obj o) {
            col.set(row, Tag.OBJECT);
            for (Map.Entry<String, Json> e : o.fields().entrySet()) {
                write(row, topKey, key + SEP + e.getKey(), e.getValue());
            }
        }
    }

    /** An immutable copy with {@code rows} rows, reordered by {@code order} when not null. */
    ColumnFamily compact(int rows, int[] order) {
        ColumnFamily out = new ColumnFamily(dictionary, 0);
        for (Map.Entry<String, ValueColumn> e : columns.entrySet()) {
            out.columns.put(e.getKey(), e.getValue().compact(rows, order));
        }
        return out;
    }
}
