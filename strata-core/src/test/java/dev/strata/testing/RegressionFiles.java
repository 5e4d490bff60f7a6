package dev.strata.testing;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conformance cases kept as files, one directory per case:
 * <ul>
 * <li>{@code messages.ndjson}: the messages in read order;</li>
 * <li>{@code asof.txt}: the instant T, ISO-8601;</li>
 * <li>{@code definition.seg}: the definition in the segment language;</li>
 * <li>{@code segments.json} (optional): named segments, {@code {"name": "definition"}};</li>
 * <li>{@code expected.txt} (optional): the member ids worked out by hand, one per line, {@code #}
 * for comments; when present the reference must give exactly these too;</li>
 * <li>{@code note.txt} (optional): why the case is here.</li>
 * </ul>
 */
public final class RegressionFiles {
    public static final String MESSAGES = "messages.ndjson";
    public static final String AS_OF = "asof.txt";
    public static final String DEFINITION = "definition.seg";
    public static final String SEGMENTS = "segments.json";
    public static final String EXPECTED = "expected.txt";
    public static final String NOTE = "note.txt";

    /** Overrides where failing cases are written. */
    public static final String DIR_PROPERTY = "strata.regressions.dir";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RegressionFiles() {
    }

    /** A case read back, with the hand-computed members when the directory has them (else null). */
    public record RegressionCase(String name, ConformanceCase conformanceCase, Set<String> expectedMembers) {
    }

    /**
     * Where failing cases go: the {@value #DIR_PROPERTY} property, else the module's
     * {@code src/test/resources/regressions} when the tests run from the module directory (as
     * Maven runs them), else {@code target/regressions}.
     */
    public static Path failureRoot() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        Path source = Path.of("src", "test", "resources", "regressions");
        if (Files.isDirectory(source.getParent())) return source;
        return Path.of("target", "regressions");
    }

    /** Writes the case under {@code root} in a directory named by its content; returns the directory. */
    public static Path write(ConformanceCase c, Path root, String note) {
        String definition = SegmentPrinter.print(c.condition()) + "\n";
        String segments = segmentsJson(c.segments());
        String messages = MessageNdjson.write(c.messages());
        String asOf = Instant.ofEpochMilli(c.asOf()) + "\n";
        Path dir = root.resolve("case-" + digest(asOf + definition + segments + messages));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MESSAGES), messages, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(AS_OF), asOf, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(DEFINITION), definition, StandardCharsets.UTF_8);
            if (!c.segments().isEmpty()) Files.writeString(dir.resolve(SEGMENTS), segments, StandardCharsets.UTF_8);
            if (note != null) Files.writeString(dir.resolve(NOTE), note, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the regression case to " + dir, e);
        }
        return dir;
    }

    /** The case directories under {@code root}, sorted by name. */
    public static List<Path> list(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(DEFINITION))).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
    }

    public static RegressionCase read(Path dir) {
        try {
            String asOfText = Files.readString(dir.resolve(AS_OF), StandardCharsets.UTF_8).strip();
            long asOf = OffsetDateTime.parse(asOfText).toInstant().toEpochMilli();
            Map<String, Condition> segments = new LinkedHashMap<>();
            Path segmentsFile = dir.resolve(SEGMENTS);
            if (Files.exists(segmentsFile)) {
                JsonNode n = MAPPER.readTree(Files.readString(segmentsFile, StandardCharsets.UTF_8));
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    segments.put(e.getKey(), parse(e.getValue().stringValue(), dir.resolve(SEGMENTS) + " segment \"" + e.getKey() + "\""));
                }
            }
            Condition condition = parse(Files.readString(dir.resolve(DEFINITION), StandardCharsets.UTF_8), dir.resolve(DEFINITION).toString());
            var messages = MessageNdjson.read(Files.readString(dir.resolve(MESSAGES), StandardCharsets.UTF_8));
            Set<String> expected = null;
            Path expectedFile = dir.resolve(EXPECTED);
            if (Files.exists(expectedFile)) {
                expected = new LinkedHashSet<>();
                for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) expected.add(id);
                }
            }
            return new RegressionCase(dir.getFileName().toString(), new ConformanceCase(asOf, messages, condition, segments), expected);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the regression case " + dir, e);
        }
    }

    private static Condition parse(String text, String where) {
        try {
            return SegmentParser.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String segmentsJson(Map<String, Condition> segments) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        segments.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> o.put(e.getKey(), SegmentPrinter.print(e.getValue())));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
