package dev.strata.ingest.csv;

import dev.strata.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a JSON object from values at dotted paths ({@code address.state}), in mapping order. */
final class ObjectTree {
    private final Map<String, Object> root = new LinkedHashMap<>();

    boolean isEmpty() {
        return root.isEmpty();
    }

    /** The mapping reader has refused paths that are both a value and an object, so the casts hold. */
    @SuppressWarnings("unchecked")
    void put(List<String> path, Json value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
        }
        node.put(path.get(path.size() - 1), value);
    }

    Json.Obj build() {
        return build(root);
    }

    @SuppressWarnings("unchecked")
    private static Json.Obj build(Map<String, Object> node) {
        Json.Obj.Builder b = new Json.Obj.Builder();
        for (Map.Entry<String, Object> e : node.entrySet()) {
            Object v = e.getValue();
            b.put(e.getKey(), v instanceof Json j ? j : build((Map<String, Object>) v));
        }
        return b.build();
    }
}
