package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.batch.BatchEvaluation;
import dev.strata.batch.SegmentDefinitions;
import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.MessageParser;
import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import dev.strata.store.Store;
import dev.strata.store.Stores;
import dev.strata.synth.PopulationGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated population exported to CSV (profiles, trait removals and events, each file with its
 * mapping), imported with {@code strata import csv}, gives every example segment the size it has
 * over the original messages.
 */
class CsvRoundTripTest {
    private static final String NULL = "\\N";
    private static final PopulationGenerator.Options OPTIONS = PopulationGenerator.Options.defaults(400).withEventsPerProfile(30);

    @TempDir
    Path dir;

    @Test
    void importedCsvGivesTheSegmentSizesOfTheOriginalMessages() throws Exception {
        List<Message> original = generate();
        List<Message> profiles = new ArrayList<>();
        List<Message> removals = new ArrayList<>();
        List<Message> events = new ArrayList<>();
        for (Message m : original) {
            if (m.type() == MessageType.TRACK) events.add(m);
            else if (m.traits().fields().containsValue(Json.NULL)) removals.add(m);
            else profiles.add(m);
        }
        assertThat(profiles).isNotEmpty();
        assertThat(removals).isNotEmpty();
        assertThat(events).isNotEmpty();

        Path data = dir.resolve("data");
        importFile("profiles", profiles, Message::traits, data);
        importFile("removals", removals, Message::traits, data);
        importFile("events", events, Message::properties, data);

        long asOf = OPTIONS.end().toEpochMilli();
        PopulationBuilder before = new PopulationBuilder(asOf);
        original.forEach(before::accept);
        PopulationBuilder after = new PopulationBuilder(asOf);
        long distinctIds = original.stream().map(Message::messageId).distinct().count();
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(distinctIds);
            List<String> stored = new ArrayList<>();
            store.messages().replay(0, s -> stored.add(s.json()));
            for (String json : stored) after.accept(MessageParser.parse(json, 0L));
        }

        SegmentDefinitions definitions = SegmentDefinitions.read(Path.of("../examples/healthcare-segments.tsv"));
        Map<String, Integer> expected = sizes(BatchEvaluation.evaluate(before.build(), definitions));
        Map<String, Integer> actual = sizes(BatchEvaluation.evaluate(after.build(), definitions));
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.values().stream().filter(n -> n > 0).count()).as("segments with members").isGreaterThanOrEqualTo(10);
    }

    private static Map<String, Integer> sizes(List<BatchEvaluation.Result> results) {
        Map<String, Integer> sizes = new TreeMap<>();
        for (BatchEvaluation.Result r : results) sizes.put(r.name(), r.size());
        return sizes;
    }

    private static List<Message> generate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationGenerator.write(OPTIONS, out);
        List<Message> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                messages.add(MessageParser.parse(line, 0L));
            } catch (MessageParser.IgnoredTypeException e) {
                // page/screen/... calls: not evaluated, so not exported
            }
        }
        return messages;
    }

    /** Writes the messages as one CSV file with its mapping, then imports it. */
    private void importFile(String name, List<Message> messages, Function<Message, Json.Obj> fields, Path data) throws Exception {
        boolean track = messages.get(0).type() == MessageType.TRACK;
        Map<String, String> fieldTypes = new LinkedHashMap<>();
        Map<String, String> contextTypes = new LinkedHashMap<>();
        List<Map<String, Json>> fieldRows = new ArrayList<>();
        List<Map<String, Json>> contextRows = new ArrayList<>();
        for (Message m : messages) {
            fieldRows.add(leaves(fields.apply(m), fieldTypes));
            contextRows.add(m.context() == null ? Map.of() : leaves(m.context(), contextTypes));
        }

        List<String> header = new ArrayList<>(List.of("user_id", "timestamp", "message_id"));
        if (track) header.add("event");
        fieldTypes.keySet().forEach(header::add);
        contextTypes.keySet().forEach(path -> header.add("context." + path));
        Path csv = dir.resolve(name + ".csv");
        try (Writer w = Files.newBufferedWriter(csv); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                List<String> row = new ArrayList<>(List.of(m.userId(), Instant.ofEpochMilli(m.timestamp()).toString(), m.messageId()));
                if (track) row.add(m.event());
                for (String path : fieldTypes.keySet()) row.add(cell(fieldRows.get(i).get(path)));
                for (String path : contextTypes.keySet()) row.add(cell(contextRows.get(i).get(path)));
                p.printRecord(row);
            }
        }

        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("type", track ? "track" : "identify");
        mapping.put("userId", "user_id");
        mapping.put("timestamp", "timestamp");
        mapping.put("messageId", Map.of("column", "message_id"));
        if (track) mapping.put("event", Map.of("column", "event"));
        mapping.put(track ? "properties" : "traits", rules(fieldTypes, ""));
        mapping.put("context", rules(contextTypes, "context."));
        mapping.put("null", NULL);
        Path mappingFile = dir.resolve(name + ".json");
        Files.writeString(mappingFile, JsonMapper.builder().build().writeValueAsString(mapping));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "import", "csv", "--mapping", mappingFile.toString(),
                "--data-dir", data.toString(), csv.toString());
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("read " + String.format("%,d", messages.size()) + " rows");
    }

    private static Map<String, Object> rules(Map<String, String> types, String columnPrefix) {
        Map<String, Object> rules = new LinkedHashMap<>();
        // a path only ever null (the removal file's) is mapped as a string: its cells are all \N
        types.forEach((path, type) -> rules.put(path, Map.of("column", columnPrefix + path, "type", type.equals("null") ? "string" : type)));
        return rules;
    }

    /** The object's scalar and null values by dotted path, recording each path's type. */
    private static Map<String, Json> leaves(Json.Obj obj, Map<String, String> types) {
        Map<String, Json> out = new LinkedHashMap<>();
        collect("", obj, out, types);
        return out;
    }

    private static void collect(String prefix, Json.Obj obj, Map<String, Json> out, Map<String, String> types) {
        for (Map.Entry<String, Json> e : obj.fields().entrySet()) {
            String path = prefix + e.getKey();
            Json v = e.getValue();
            if (v instanceof Json.Obj o) {
                collect(path + ".", o, out, types);
                continue;
            }
            out.put(path, v);
            String type = v instanceof Json.Num ? "number" : v instanceof Json.Bool ? "boolean" : v instanceof Json.Str ? "string" : null;
            if (type == null && !(v instanceof Json.Null)) throw new AssertionError(path + " holds " + v + ", which CSV does not carry");
            String known = types.get(path);
            if (known == null || known.equals("null")) types.put(path, type == null ? "null" : type);
            else if (type != null && !known.equals(type)) throw new AssertionError(path + " holds both " + known + " and " + type);
        }
    }

    private static String cell(Json v) {
        if (v == null) return "";
        if (v instanceof Json.Null) return NULL;
        if (v instanceof Json.Str s) return s.value();
        if (v instanceof Json.Bool b) return Boolean.toString(b.value());
        double d = ((Json.Num) v).value();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
