package dev.strata.engine;

import dev.strata.json.Json;
import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
        final Map<String, Node> children = new HashMap<>(4);

        Node(ValueColumn column) {
            this.column = column;
        }

        void forEachColumn(java.util.function.Consumer<ValueColumn> action) {
            action.accept(column);
            for (Node child : children.values()) child.forEachColumn(action);
        }
    }

    private final Map<String, Node> roots = new HashMap<>();
    private final List<ValueColumn> all = new ArrayList<>();
    private final StringDictionary dictionary;
    private final int initialCapacity;

    ColumnFamily(StringDictionary dictionary, int initialCapacity) {
        this.dictionary = dictionary;
        this.initialCapacity = initialCapacity;
    }

    /** The column at {@code path}, or null when no row ever had a value there. */
    ValueColumn column(Path path) {
        Map<String, Node> level = roots;
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

    private void write(int row, Map<String, Node> level, String key, Json value) {
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
            Map<String, Node> children = node.children;
            o.fields().forEach((childKey, child) -> write(row, children, childKey, child));
        }
    }

    /** An immutable copy with {@code rows} rows, reordered by {@code order} when not null. */
    ColumnFamily compact(int rows, int[] order) {
        ColumnFamily out = new ColumnFamily(dictionary, 0);
        copyLevel(roots, out.roots, out.all, rows, order);
        return out;
    }

    private static void copyLevel(Map<String, Node> from, Map<String, Node> to, List<ValueColumn> all, int rows, int[] order) {
        for (Map.Entry<String, Node> e : from.entrySet()) {
            Node copy = new Node(e.getValue().column.compact(rows, order));
            all.add(copy.column);
            to.put(e.getKey(), copy);
            copyLevel(e.getValue().children, copy.children, all, rows, order);
        }
    }
}
