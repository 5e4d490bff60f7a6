package dev.strata.scorecard;

import dev.strata.lang.Condition;
import dev.strata.lang.ScreeningProgram;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads scorecard rules from JSON (the format of {@code examples/scorecard-rules.json}): channels
 * and engagement signals as conditions, adherence as a measure and a threshold, screening as
 * program names. Every problem names the entry it is in: {@code adherence[1].measure: line 1,
 * column 5: …}.
 */
public final class ScorecardRulesReader {
    private static final String DEFAULTS = "default-rules.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScorecardRulesReader() {
    }

    /** The rules Strata ships: four channels, five engagement signals, PQA adherence and three screenings. */
    public static ScorecardRules defaults() {
        try (InputStream in = ScorecardRulesReader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS);
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from a reader; {@code source} names it in messages. */
    public static ScorecardRules read(Reader reader, String source) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) sb.append(buf, 0, n);
        return read(sb.toString(), source);
    }

    /**
     * Rules from JSON text.
     *
     * @throws IllegalArgumentException naming the source, the entry and what is wrong
     */
    public static ScorecardRules read(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(source + ": expected a JSON object");
        Entries at = new Entries(source);
        List<ScorecardRules.Channel> channels = new ArrayList<>();
        for (Entry e : at.list(root, "channels")) {
            channels.add(new ScorecardRules.Channel(e.name(), e.condition("reachable")));
        }
        List<ScorecardRules.Signal> signals = new ArrayList<>();
        for (Entry e : at.list(root, "engagement")) {
            double weight = e.number("weight");
            if (!(weight > 0)) throw e.problem("weight", "must be a positive number, got " + weight);
            signals.add(new ScorecardRules.Signal(e.name(), weight, e.condition("when")));
        }
        List<ScorecardRules.Rate> rates = new ArrayList<>();
        for (Entry e : at.list(root, "adherence")) {
            double threshold = e.number("threshold");
            if (!(threshold > 0 && threshold <= 1)) throw e.problem("threshold", "must be above 0 and at most 1, got " + threshold);
            String measure = e.text("measure");
            // Eligible = the measure has a value (two fills or more); every comparison is false otherwise.
            Condition eligible = e.parse("measure", measure + " >= 0");
            Condition adherent = e.parse("measure", measure + " >= " + threshold);
            rates.add(new ScorecardRules.Rate(e.name(), ScorecardRules.RateKind.ADHERENCE, eligible, adherent));
        }
        for (Entry e : at.list(root, "screening")) {
            ScreeningProgram p = ScreeningProgram.fromWord(e.text("program"));
            if (p == null) throw e.problem("program", "must be " + ScreeningProgram.names() + ", got \"" + e.text("program") + "\"");
            rates.add(new ScorecardRules.Rate(e.name(), ScorecardRules.RateKind.SCREENING, p.eligibility(), p.expansion()));
        }
        if (channels.isEmpty() && signals.isEmpty() && rates.isEmpty()) {
            throw new IllegalArgumentException(source + ": no channels, engagement signals, adherence measures or screenings");
        }
        return new ScorecardRules(channels, signals, rates);
    }

    /**
     * The entries of the rule lists, each name unique among the metrics it names: channels
     * ({@code reach.<name>}), signals, and rates ({@code rate.<name>}, adherence and screening together).
     */
    private static final class Entries {
        private final String source;
        private final Set<String> names = new HashSet<>();

        Entries(String source) {
            this.source = source;
        }

        List<Entry> list(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) return List.of();
            if (!node.isArray()) throw new IllegalArgumentException(source + ": \"" + key + "\" must be an array");
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String where = source + ": " + key + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) throw new IllegalArgumentException(where + " must be an object");
                Entry e = new Entry(where, item);
                String namespace = key.equals("adherence") || key.equals("screening") ? "adherence and screening (both name rates)" : key;
                if (!names.add(namespace + "/" + e.name())) throw e.problem("name", "\"" + e.name() + "\" is used twice in " + namespace);
                out.add(e);
            }
            return out;
        }
    }

    private record Entry(String where, JsonNode node) {
        String name() {
            String name = text("name");
            if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
                throw problem("name", "must be lower case letters, digits and '_' (at most 40), starting with a letter; got \"" + name + "\"");
            }
            return name;
        }

        String text(String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isString()) throw problem(key, "is required and must be a string");
            return v.asString();
        }

        double number(String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isNumber()) throw problem(key, "is required and must be a number");
            return v.asDouble();
        }

        Condition condition(String key) {
            return parse(key, text(key));
        }

        Condition parse(String key, String text) {
            try {
                return SegmentParser.parse(text);
            } catch (SegmentSyntaxException e) {
                throw problem(key, "line " + e.line() + ", column " + e.column() + ": " + e.reason());
            }
        }

        IllegalArgumentException problem(String key, String why) {
            return new IllegalArgumentException(where + "." + key + " " + why);
        }
    }
}
