package dev.strata.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A default population generated and parsed once per test JVM, shared by the content tests. */
final class GeneratedPopulation {

    static final int PROFILES = 1_500;
    static final PopulationGenerator.Options OPTIONS = PopulationGenerator.Options.defaults(PROFILES);
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static GeneratedPopulation instance;

    final PopulationGenerator.Summary summary;
    final List<String> lines;
    /** Parsed lines, duplicates included, in file order. */
    final List<JsonNode> messages;
    /** Epoch second of each message's timestamp, parallel to {@link #messages}. */
    final long[] seconds;
    /** Parsed lines without the repeated copies, grouped by user or anonymous id, in file order. */
    final Map<String, List<JsonNode>> byProfile;

    private GeneratedPopulation(PopulationGenerator.Summary summary, List<String> lines) {
        this.summary = summary;
        this.lines = lines;
        this.messages = new ArrayList<>(lines.size());
        this.seconds = new long[lines.size()];
        this.byProfile = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node;
            try {
                node = MAPPER.readTree(lines.get(i));
            } catch (RuntimeException e) {
                throw new AssertionError("line " + (i + 1) + " is not valid JSON: " + lines.get(i), e);
            }
            messages.add(node);
            seconds[i] = epochSecond(node.path("timestamp").asString());
            if (seen.add(node.path("messageId").asString())) {
                byProfile.computeIfAbsent(id(node), k -> new ArrayList<>()).add(node);
            }
        }
    }

    static synchronized GeneratedPopulation get() {
        if (instance == null) {
            instance = generate(OPTIONS);
        }
        return instance;
    }

    static GeneratedPopulation generate(PopulationGenerator.Options options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PopulationGenerator.Summary summary = PopulationGenerator.write(options, out);
            String text = out.toString(StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                throw new AssertionError("output does not end with a newline");
            }
            String[] parts = text.split("\n", -1); // the last part is what follows the final newline: ""
            List<String> lines = java.util.Arrays.asList(parts).subList(0, parts.length - 1);
            return new GeneratedPopulation(summary, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the formatted message when the condition is false (cheap in loops over every line). */
    static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new AssertionError(String.format(format, args));
        }
    }

    /**
     * Epoch second of a {@code YYYY-MM-DDTHH:MM:SSZ} timestamp (the only format the generator
     * writes, checked separately), or Long.MIN_VALUE for anything else. Faster than Instant.parse
     * on a cold JVM, which matters at one call per line.
     */
    static long epochSecond(String ts) {
        if (ts.length() != 20 || ts.charAt(4) != '-' || ts.charAt(7) != '-' || ts.charAt(10) != 'T'
                || ts.charAt(13) != ':' || ts.charAt(16) != ':' || ts.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        long day = java.time.LocalDate.of(Integer.parseInt(ts, 0, 4, 10), Integer.parseInt(ts, 5, 7, 10),
                Integer.parseInt(ts, 8, 10, 10)).toEpochDay();
        return day * 86_400L + Integer.parseInt(ts, 11, 13, 10) * 3600L + Integer.parseInt(ts, 14, 16, 10) * 60L
                + Integer.parseInt(ts, 17, 19, 10);
    }

    static String id(JsonNode message) {
        return message.has("userId") ? message.get("userId").asString() : message.get("anonymousId").asString();
    }

    static Instant timestamp(JsonNode message) {
        return Instant.ofEpochSecond(epochSecond(message.get("timestamp").asString()));
    }

    /** Profile number from an id such as p-0000042 or anon-0000042. */
    static int number(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

    /** The traits of the profile's first identify (always complete for identified profiles). */
    JsonNode firstTraits(String id) {
        return byProfile.get(id).get(0).get("traits");
    }
}
