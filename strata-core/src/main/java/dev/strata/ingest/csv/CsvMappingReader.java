package dev.strata.ingest.csv;

import dev.strata.model.MessageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks a JSON mapping file (format: docs/csv-import.md). Every error names the field. */
public final class CsvMappingReader {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> TOP = Set.of("type", "userId", "anonymousId", "timestamp", "event", "messageId",
            "traits", "properties", "context", "delimiter", "null");

    private final String source;

    private CsvMappingReader(String source) {
        this.source = source;
    }

    public static CsvMapping read(Path file) throws IOException, InvalidMappingException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** @param source names the mapping in error messages */
    public static CsvMapping parse(String source, String json) throws InvalidMappingException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidMappingException("mapping " + source + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        return new CsvMappingReader(source).mapping(root);
    }

    private CsvMapping mapping(JsonNode root) throws InvalidMappingException {
        if (root == null || !root.isObject()) throw bad("", "must be a JSON object");
        for (String name : root.propertyNames()) {
            if (!TOP.contains(name)) throw bad(name, "unknown field (expected one of " + new java.util.TreeSet<>(TOP) + ")");
        }
        String typeName = requiredText(root, "type");
        MessageType type;
        if (typeName.equals("identify")) type = MessageType.IDENTIFY;
        else if (typeName.equals("track")) type = MessageType.TRACK;
        else throw bad("type", "'" + typeName + "' is neither \"identify\" (profiles) nor \"track\" (events)");

        String userId = requiredText(root, "userId");
        String anonymousId = optionalText(root, "anonymousId");
        TimestampRule timestamp = timestamp(root.get("timestamp"), type);

        String eventColumn = null;
        String eventName = null;
        JsonNode event = root.get("event");
        if (type == MessageType.TRACK) {
            if (event == null) throw bad("event", "missing: a track mapping needs {\"column\": ...} or {\"name\": ...}");
            only(event, "event", Set.of("column", "name"));
            eventColumn = optionalText(event, "column", "event.column");
            eventName = optionalText(event, "name", "event.name");
            if ((eventColumn == null) == (eventName == null)) throw bad("event", "needs exactly one of \"column\" and \"name\"");
        } else if (event != null) {
            throw bad("event", "only track mappings have an event");
        }

        String messageIdColumn = null;
        String idSource = null;
        List<String> key = List.of();
        JsonNode messageId = root.get("messageId");
        if (messageId != null) {
            only(messageId, "messageId", Set.of("column", "source", "key"));
            messageIdColumn = optionalText(messageId, "column", "messageId.column");
            idSource = optionalText(messageId, "source", "messageId.source");
            key = key(messageId.get("key"));
            if (messageIdColumn != null && (idSource != null || !key.isEmpty())) {
                throw bad("messageId", "\"column\" takes the id from the file; \"source\" and \"key\" derive one: use either, not both");
            }
        }

        List<FieldRule> traits = fields(root.get("traits"), "traits");
        List<FieldRule> properties = fields(root.get("properties"), "properties");
        List<FieldRule> context = fields(root.get("context"), "context");
        if (type == MessageType.IDENTIFY && !properties.isEmpty()) throw bad("properties", "identify mappings set traits, not properties");
        if (type == MessageType.TRACK && !traits.isEmpty()) throw bad("traits", "track mappings set properties, not traits");

        String delimiter = optionalText(root, "delimiter");
        if (delimiter != null && (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r"))) {
            throw bad("delimiter", "'" + delimiter + "' is not a single character other than a quote or line break");
        }
        JsonNode nullNode = root.get("null");
        if (nullNode != null && !nullNode.isString()) throw bad("null", "must be a string (the cell text read as JSON null)");
        return new CsvMapping(type, userId, anonymousId, timestamp, eventColumn, eventName, messageIdColumn, idSource, key,
                traits, properties, context, delimiter == null ? ',' : delimiter.charAt(0), nullNode == null ? null : nullNode.asString());
    }

    private TimestampRule timestamp(JsonNode node, MessageType type) throws InvalidMappingException {
        if (node == null) {
            if (type == MessageType.TRACK) throw bad("timestamp", "missing: events need the column holding their time");
            return null;
        }
        if (node.isString()) return new TimestampRule(node.asString(), "iso", null, ZoneOffset.UTC);
        only(node, "timestamp", Set.of("column", "format", "zone"));
        String column = requiredText(node, "column", "timestamp.column");
        String format = optionalText(node, "format", "timestamp.format");
        ZoneId zone = zone(node, "timestamp");
        if (format == null || format.equals("iso") || format.equals("epoch_seconds") || format.equals("epoch_millis")) {
            return new TimestampRule(column, format == null ? "iso" : format, null, zone);
        }
        return new TimestampRule(column, format, pattern(format, "timestamp.format"), zone);
    }

    private List<String> key(JsonNode node) throws InvalidMappingException {
        if (node == null) return List.of();
        if (!node.isArray() || node.isEmpty()) throw bad("messageId.key", "must be a non-empty array of column names");
        List<String> columns = new ArrayList<>();
        for (JsonNode c : node) {
            if (!c.isString() || c.asString().isEmpty()) throw bad("messageId.key", "must hold column names (strings)");
            columns.add(c.asString());
        }
        return columns;
    }

    private List<FieldRule> fields(JsonNode node, String name) throws InvalidMappingException {
        if (node == null) return List.of();
        if (!node.isObject()) throw bad(name, "must be an object of field path to column");
        List<FieldRule> rules = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = e.getKey();
            String field = name + "." + path;
            for (String segment : path.split("\\.", -1)) {
                if (segment.isEmpty()) throw bad(field, "a path needs names between its dots");
            }
            for (String other : paths) {
                if (other.startsWith(path + ".") || path.startsWith(other + ".")) {
                    throw bad(field, "clashes with " + name + "." + other + ": a field cannot be both a value and an object");
                }
            }
            paths.add(path);
            rules.add(field(path, e.getValue(), field));
        }
        return rules;
    }

    private FieldRule field(String path, JsonNode spec, String field) throws InvalidMappingException {
        if (spec.isString()) {
            if (spec.asString().isEmpty()) throw bad(field, "the column name is empty");
            return FieldRule.plain(path, spec.asString(), ValueType.STRING);
        }
        if (!spec.isObject()) throw bad(field, "must be a column name or {\"column\": ..., \"type\": ...}");
        only(spec, field, Set.of("column", "type", "format", "zone"));
        String column = requiredText(spec, "column", field + ".column");
        String typeName = optionalText(spec, "type", field + ".type");
        ValueType type = ValueType.STRING;
        if (typeName != null) {
            type = null;
            for (ValueType t : ValueType.values()) {
                if (t.mappingName().equals(typeName)) type = t;
            }
            if (type == null) throw bad(field + ".type", "'" + typeName + "' is not one of string, number, boolean, date, datetime");
        }
        String format = optionalText(spec, "format", field + ".format");
        boolean temporal = type == ValueType.DATE || type == ValueType.DATETIME;
        if (!temporal && (format != null || spec.has("zone"))) throw bad(field + ".format", "only date and datetime fields have a format or zone");
        ZoneId zone = zone(spec, field);
        if (format == null || format.equals("iso")) return new FieldRule(path, column, type, "iso", null, zone);
        if (type == ValueType.DATETIME && (format.equals("epoch_seconds") || format.equals("epoch_millis"))) {
            return new FieldRule(path, column, type, format, null, zone);
        }
        return new FieldRule(path, column, type, format, pattern(format, field + ".format"), zone);
    }

    private ZoneId zone(JsonNode node, String field) throws InvalidMappingException {
        String zone = optionalText(node, "zone", field + ".zone");
        if (zone == null) return ZoneOffset.UTC;
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw bad(field + ".zone", "'" + zone + "' is not a time zone (e.g. UTC, America/New_York, +02:00)");
        }
    }

    private DateTimeFormatter pattern(String format, String field) throws InvalidMappingException {
        try {
            return DateTimeFormatter.ofPattern(format, java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw bad(field, "'" + format + "' is not a date-time pattern: " + e.getMessage());
        }
    }

    private void only(JsonNode node, String field, Set<String> allowed) throws InvalidMappingException {
        if (!node.isObject()) throw bad(field, "must be an object with " + allowed);
        Iterator<String> names = node.propertyNames().iterator();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) throw bad(field + "." + n, "unknown field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
        }
    }

    private String requiredText(JsonNode node, String name) throws InvalidMappingException {
        return requiredText(node, name, name);
    }

    private String requiredText(JsonNode node, String name, String field) throws InvalidMappingException {
        String s = optionalText(node, name, field);
        if (s == null) throw bad(field, "missing");
        return s;
    }

    private String optionalText(JsonNode node, String name) throws InvalidMappingException {
        return optionalText(node, name, name);
    }

    private String optionalText(JsonNode node, String name, String field) throws InvalidMappingException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw bad(field, "must be a string, found " + v);
        if (v.asString().isEmpty()) throw bad(field, "must not be empty");
        return v.asString();
    }

    private InvalidMappingException bad(String field, String reason) {
        return new InvalidMappingException("mapping " + source + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + reason);
    }
}
