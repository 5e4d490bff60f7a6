package dev.strata.engine;

import dev.strata.json.Json;
import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Columns for every path of a JSON object family (traits, context or one event's properties),
 * kept as a tree that mirrors the JSON: {@code address} holds the tag OBJECT and its child
 * {@code state} is a column of its own. Walking the tree by key avoids building a joined key per
 * nested value on the load path, and keeps {@code `a.b`} distinct from {@code a.b}.
 */
final class ColumnFamily {

    /** One path: its column, and the paths below it. */
    static final class Node {
        final ValueColumn column;
        final Level children = new Level();

        Node(ValueColumn column) {
            this.column = column;
        }

        void forEachColumn(java.util.function.Consumer<ValueColumn> action) {
            action.accept(column);
            for (int i = 0; i < children.size; i++) children.nodes[i].forEachColumn(action);
        }
    }

    /**
     * The keys under one path. JSON objects in messages have a handful of keys, and the parser
     * hands out one String instance per distinct key, so a linear scan by identity (then by
     * equality) is cheaper on the load path than hashing.
     */
    static final class Level {
        String[] keys = new String[4];
        Node[] nodes = new Node[4];
        int size;

        Node get(String key) {
            for (int i = 0; i < size; i++) if (keys[i] == key) return nodes[i];
            for (int i = 0; i < size; i++) if (keys[i].equals(key)) return nodes[i];
            return null;
        }

        void put(String key, Node node) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                nodes = java.util.Arrays.copyOf(nodes, size * 2);
            }
            keys[size] = key;
            nodes[size] = node;
            size++;
        }
    }

    private final Level roots = new Level();
    private final List<ValueColumn> all = new ArrayList<>();
    private final StringDictionary dictionary;
    private final int initialCapacity;

    ColumnFamily(StringDictionary dictionary, int initialCapacity) {
        this.dictionary = dictionary;
        this.initialCapacity = initialCapacity;
    }

    /** The column at {@code path}, or null when no row ever had a value there. */
    ValueColumn column(Path path) {
        Level level = roots;
        Node node = null;
        for (String segment : path.segments()) {
            node = level.get(segment);
            if (node == null) return null;
            level = node.children;
        }
        return node.column;
    }

    /** Writes {@code value} at top-level {@code key} for {@code row}, after clearing what was there. */
    void replace(int row, String key, Json value) {
        Node node = roots.get(key);
        if (node != null) node.forEachColumn(c -> {
            if (c.tag(row) != Tag.MISSING) c.set(row, Tag.MISSING);
        });
        write(row, roots, key, value);
    }

    /** Writes every field of {@code object} for {@code row}, as top-level keys. */
    void writeAll(int row, Json.Obj object) {
        object.fields().forEach((key, value) -> write(row, roots, key, value));
    }

    /** Clears every column for {@code row}. */
    void clearRow(int row) {
        for (ValueColumn c : all) {
            if (c.tag(row) != Tag.MISSING) c.set(row, Tag.MISSING);
        }
    }

    private void write(int row, Level level, String key, Json value) {
        Node node = level.get(key);
        if (node == null) {
            if (value instanceof Json.Null) return; // nothing to record, nothing to clear
            node = new Node(new ValueColumn(initialCapacity));
            level.put(key, node);
            all.add(node.column);
        }
        ValueColumn col = node.column;
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
            Level children = node.children;
            o.fields().forEach((childKey, child) -> write(row, children, childKey, child));
        }
    }

    /** An immutable copy with {@code rows} rows, reordered by {@code order} when not null. */
    ColumnFamily compact(int rows, int[] order) {
        ColumnFamily out = new ColumnFamily(dictionary, 0);
        out.copyLevel(roots, out.roots, rows, order);
        return out;
    }

    private void copyLevel(Level from, Level to, int rows, int[] order) {
        for (int i = 0; i < from.size; i++) {
            Node copy = attach(to, from.keys[i], from.nodes[i].column.compact(rows, order));
            copyLevel(from.nodes[i].children, copy.children, rows, order);
        }
    }

    /** The top-level keys; a snapshot walks the tree from here. */
    Level roots() {
        return roots;
    }

    /** Adds a finished column at {@code key} under {@code level}: how a compacted or restored family is assembled. */
    Node attach(Level level, String key, ValueColumn column) {
        Node node = new Node(column);
        level.put(key, node);
        all.add(column);
        return node;
    }
}
