package dev.strata.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import dev.strata.model.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one document (a bundle, a single resource, or NDJSON) into messages: finds the entries,
 * parses those the mapping can use with HAPI, maps them, and reports the rest by position.
 * Thread-safe: the FHIR context and the JSON mapper are shared, parsers are made per resource.
 */
final class FhirDocuments {
    private final FhirContext fhir;
    private final FhirMapping mapping;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The R4 resource names, asked once: HAPI builds the set anew on every call. */
    private final java.util.Set<String> resourceTypes;

    FhirDocuments(FhirContext fhir, FhirMapping mapping) {
        this.fhir = fhir;
        this.mapping = mapping;
        this.resourceTypes = java.util.Set.copyOf(fhir.getResourceTypes());
    }

    void read(String source, String text, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        if (isNdjson(text)) ndjson(source, text, report, sink, summaries);
        else document(source, text, "", report, sink, summaries);
    }

    /** NDJSON when the first non-blank line is a whole object; a pretty-printed document's first line is "{" alone. */
    static boolean isNdjson(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end).trim();
            if (!line.isEmpty()) return line.startsWith("{") && line.endsWith("}") && line.length() > 1;
            start = end + 1;
        }
        return false;
    }

    private void ndjson(String source, String text, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            lineNo++;
            String line = text.substring(start, end).trim();
            start = end + 1;
            if (line.isEmpty()) continue;
            document(source, line, "line " + lineNo, report, sink, summaries);
        }
    }

    /**
     * One JSON document, read as a tree first: entries are then parsed by HAPI one by one, so a bad
     * one is named by its position, and only when the mapping could use them: a resource of a type
     * without a mapper, or (Observation, Procedure, DiagnosticReport, Condition) whose codes are in
     * none of the tables deciding it, is counted as unmapped without being parsed. Claims,
     * explanations of benefit and most observations are most of a Synthea bundle's bytes.
     */
    private void document(String source, String text, String where, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        JsonNode root;
        try {
            List<BundleEntries.Entry> streamed = BundleEntries.read(json, text, this::needsTree);
            if (streamed != null) {
                bundle(source, streamed, where, report, sink, summaries);
                return;
            }
            root = json.readTree(text);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (where.isEmpty()) {
                report.unreadable(source, at, "malformed JSON: " + e.getOriginalMessage());
            } else {
                // one NDJSON line: one resource lost, the file goes on
                report.malformed(source, where + (at.isEmpty() ? "" : " (" + at.replace("line 1, ", "") + ")"), null, "malformed JSON: " + e.getOriginalMessage());
            }
            return;
        }
        if (!root.isObject()) {
            String what = "not a FHIR resource: a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            if (where.isEmpty()) report.unreadable(source, "", what);
            else report.malformed(source, where, null, what);
            return;
        }
        if ("Bundle".equals(root.path("resourceType").asString(""))) {
            bundle(source, entriesOf(root), where, report, sink, summaries);
            return;
        }
        String position = where.isEmpty() ? "/" : where;
        Resource r = parse(root, report, source, position);
        if (r != null) resource(source, r, position, Map.of(), report, sink, summaries);
    }

    /** A resource parsed for mapping, or null when it was counted (unmapped) or reported (malformed). */
    private Resource parse(JsonNode node, ImportReport report, String source, String position) {
        String type = node.path("resourceType").asString(null);
        if (type == null || type.isEmpty()) {
            report.malformed(source, position, null, "no \"resourceType\"");
            return null;
        }
        if (!ResourceMapper.MAPPED_TYPES.contains(type) || !codeMapped(type, node)) {
            if (!resourceTypes.contains(type)) report.malformed(source, position, type, "unknown resource type '" + type + "'");
            else report.unmapped(type);
            return null;
        }
        try {
            return (Resource) parser().parseResource(node.toString());
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            report.malformed(source, position, type, clean(e.getMessage()));
            return null;
        }
    }

    /** For the types mapped by code: whether a coding of {@code code} is in a deciding table. */
    private boolean codeMapped(String type, JsonNode node) {
        List<String> tables = ResourceMapper.CODE_DECIDES.get(type);
        if (tables == null) return true;
        for (JsonNode c : node.path("code").path("coding")) {
            String system = c.path("system").asString(null);
            String code = c.path("code").asString(null);
            for (String t : tables) if (mapping.code(t, system, code) != null) return true;
        }
        return false;
    }

    private void bundle(String source, List<BundleEntries.Entry> entries, String where, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        // first the Medications, which a medicationReference may point at; then the rest in order
        Map<String, Resource> medications = new HashMap<>();
        for (BundleEntries.Entry e : entries) {
            if (!"Medication".equals(e.type()) || e.resource() == null) continue;
            try {
                Resource r = (Resource) parser().parseResource(e.resource().toString());
                if (e.fullUrl() != null) medications.put(e.fullUrl(), r);
                if (r.getIdElement().hasIdPart()) medications.put("Medication/" + r.getIdElement().getIdPart(), r);
                report.unmapped("Medication");
            } catch (DataFormatException | IllegalArgumentException | ClassCastException ex) {
                report.malformed(source, pointer(where, e.index()) + "/resource", "Medication", clean(ex.getMessage()));
            }
        }
        for (BundleEntries.Entry e : entries) {
            if (e.resource() == null && e.type() == null) continue; // a DELETE or GET entry of a transaction carries no resource
            if ("Medication".equals(e.type())) continue;
            String at = pointer(where, e.index()) + "/resource";
            Resource r = e.resource() != null ? parse(e.resource(), report, source, at) : skipped(e.type(), report, source, at);
            if (r == null) continue;
            if (!r.getIdElement().hasIdPart() && e.fullUrl() != null) r.setId(stripUuid(e.fullUrl()));
            resource(source, r, pointer(where, e.index()), medications, report, sink, summaries);
        }
    }

    /** A resource read without a tree: counted as unmapped, or malformed when its type does not exist. */
    private Resource skipped(String type, ImportReport report, String source, String position) {
        if (!resourceTypes.contains(type)) report.malformed(source, position, type, "unknown resource type '" + type + "'");
        else report.unmapped(type);
        return null;
    }

    /** Whether the streaming reader must keep a resource of this type as a tree. */
    private boolean needsTree(String type) {
        return ResourceMapper.MAPPED_TYPES.contains(type) || "Medication".equals(type);
    }

    private static List<BundleEntries.Entry> entriesOf(JsonNode root) {
        List<BundleEntries.Entry> out = new ArrayList<>();
        JsonNode entries = root.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            JsonNode res = e.path("resource");
            if (!res.isObject()) {
                out.add(new BundleEntries.Entry(i, null, null, null));
                continue;
            }
            out.add(new BundleEntries.Entry(i, e.path("fullUrl").asString(null), res.path("resourceType").asString(null), (ObjectNode) res));
        }
        return out;
    }

    private void resource(String source, Resource r, String position, Map<String, Resource> bundle, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        String type = r.fhirType();
        if (!r.getIdElement().hasIdPart()) {
            report.malformed(source, position, type, "resource has no id (needed for an idempotent messageId)");
            return;
        }
        List<Message> messages;
        try {
            messages = ResourceMapper.map(r, new MappingContext(mapping, bundle, summaries));
        } catch (Unmapped u) {
            report.unmapped(type);
            return;
        } catch (Unusable u) {
            report.malformed(source, position, type, r.getIdElement().getIdPart() + ": " + u.getMessage());
            return;
        } catch (RuntimeException e) {
            report.malformed(source, position, type, r.getIdElement().getIdPart() + ": cannot map: " + e);
            return;
        }
        report.mapped(type, messages.size());
        messages.forEach(sink);
    }

    private IParser parser() {
        // ids stay the resources' own; invalid values (a date that is not one) make the resource malformed
        return fhir.newJsonParser()
                .setOverrideResourceIdWithBundleEntryFullUrl(false)
                .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
    }

    private static String pointer(String where, int entry) {
        return (where.isEmpty() ? "" : where + " ") + "/entry/" + entry;
    }

    private static String stripUuid(String fullUrl) {
        return fullUrl.startsWith("urn:uuid:") ? fullUrl.substring("urn:uuid:".length()) : fullUrl;
    }

    /** HAPI prefixes its messages with an error code ("HAPI-1821: "): keep the words. */
    private static String clean(String message) {
        if (message == null) return "malformed resource";
        return message.replaceFirst("^HAPI-\\d+: ", "");
    }
}
