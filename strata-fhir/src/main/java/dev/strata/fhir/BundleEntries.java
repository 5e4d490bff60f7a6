package dev.strata.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entries of a bundle read with a streaming parser: a resource whose {@code resourceType} (its
 * first member, as FHIR's JSON writers put it) needs no tree is skipped token by token, without
 * building one. Claims and explanations of benefit are most of a Synthea bundle's bytes.
 */
final class BundleEntries {
    /** One entry: its resource as a tree, or only its type when the resource was skipped. */
    record Entry(int index, String fullUrl, String type, ObjectNode resource) {
    }

    private BundleEntries() {
    }

    /**
     * The entries of {@code text} when it is an object whose first member is
     * {@code "resourceType": "Bundle"}; null for anything else (read it as a tree instead).
     */
    static List<Entry> read(JsonMapper json, String text, Predicate<String> needsTree) {
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            if (!"resourceType".equals(p.nextName()) || p.nextToken() != JsonToken.VALUE_STRING || !"Bundle".equals(p.getString())) return null;
            List<Entry> entries = new ArrayList<>();
            String name;
            while ((name = p.nextName()) != null) {
                if (!name.equals("entry") || p.nextToken() != JsonToken.START_ARRAY) {
                    if (!name.equals("entry")) p.nextToken();
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) entries.add(entry(p, entries.size(), needsTree));
            }
            return entries;
        }
    }

    private static Entry entry(JsonParser p, int index, Predicate<String> needsTree) {
        String fullUrl = null;
        String type = null;
        ObjectNode resource = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (name.equals("fullUrl") && t == JsonToken.VALUE_STRING) {
                fullUrl = p.getString();
            } else if (name.equals("resource") && t == JsonToken.START_OBJECT) {
                String first = p.nextName();
                if ("resourceType".equals(first) && p.nextToken() == JsonToken.VALUE_STRING) {
                    type = p.getString();
                    if (needsTree.test(type)) {
                        resource = rest(p);
                        resource.put("resourceType", type);
                    } else {
                        skipRest(p);
                    }
                } else {
                    // resourceType not first: read it all to find it
                    resource = (ObjectNode) p.objectReadContext().createObjectNode();
                    if (first != null) {
                        p.nextToken();
                        resource.set(first, (JsonNode) p.readValueAsTree());
                        resource.setAll(rest(p));
                    }
                    JsonNode rt = resource.get("resourceType");
                    type = rt != null && rt.isString() ? rt.asString() : null;
                }
            } else {
                p.skipChildren();
            }
        }
        return new Entry(index, fullUrl, type, resource);
    }

    /** The remaining members of the current object, as a tree. */
    private static ObjectNode rest(JsonParser p) {
        ObjectNode node = (ObjectNode) p.objectReadContext().createObjectNode();
        String name;
        while ((name = p.nextName()) != null) {
            p.nextToken();
            node.set(name, (JsonNode) p.readValueAsTree());
        }
        return node;
    }

    private static void skipRest(JsonParser p) {
        while (p.nextName() != null) {
            p.nextToken();
            p.skipChildren();
        }
    }
}
