package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under src/test/resources/golden:
 * <ul>
 *   <li>{@code valid/NAME.seg}: a definition; {@code NAME.txt} its canonical text, {@code NAME.json}
 *       its JSON form (indented).</li>
 *   <li>{@code errors/NAME.seg}: a definition that must be rejected; {@code NAME.err} the exact
 *       message, {@code line L, column C: reason}.</li>
 *   <li>{@code json-errors/NAME.json}: a JSON condition that must be rejected; {@code NAME.err} the
 *       exact message, {@code /pointer: reason}.</li>
 * </ul>
 * Definitions are parsed with the segments of {@link #KNOWN_SEGMENTS} defined, so a reference to
 * any other is an error. Run with {@code -Dgolden.update=true} to rewrite the expected files from
 * the current output (then review the diff); a normal run only compares.
 */
class GoldenFilesTest {

    static final Set<String> KNOWN_SEGMENTS = Set.of("Sick but savvy", "Seniors", "Lapsed screeners", "Frequent app users");
    private static final Predicate<String> KNOWN = KNOWN_SEGMENTS::contains;
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final java.nio.file.Path ROOT =
            java.nio.file.Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "resources", "golden");

    static Stream<String> validCases() {
        return names("valid", ".seg");
    }

    static Stream<String> errorCases() {
        return names("errors", ".seg");
    }

    static Stream<String> jsonErrorCases() {
        return names("json-errors", ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void validDefinitionPrintsAndConvertsAsRecorded(String name) {
        Condition c = SegmentParser.parse(read("valid", name + ".seg"), KNOWN);
        String text = SegmentPrinter.print(c) + "\n";
        String json = SegmentJson.toPrettyJsonString(c) + "\n";
        compareOrUpdate("valid", name + ".txt", text);
        compareOrUpdate("valid", name + ".json", json);
        assertThat(SegmentParser.parse(text, KNOWN)).as("canonical text parses back").isEqualTo(c);
        assertThat(SegmentJson.fromJsonString(json, KNOWN)).as("JSON reads back").isEqualTo(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void invalidDefinitionIsRejectedWithTheRecordedMessage(String name) {
        String source = read("errors", name + ".seg");
        try {
            Condition c = SegmentParser.parse(source, KNOWN);
            fail("expected a syntax error, but it parsed to: " + SegmentPrinter.print(c));
        } catch (SegmentSyntaxException e) {
            compareOrUpdate("errors", name + ".err", e.getMessage() + "\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonErrorCases")
    void invalidJsonIsRejectedWithTheRecordedMessage(String name) {
        String source = read("json-errors", name + ".json");
        try {
            Condition c = SegmentJson.fromJsonString(source, KNOWN);
            fail("expected the JSON to be rejected, but it read as: " + SegmentPrinter.print(c));
        } catch (SegmentJsonException e) {
            compareOrUpdate("json-errors", name + ".err", e.getMessage() + "\n");
        }
    }

    @Test
    void theGoldenDirectoriesAreNotEmpty() {
        assertThat(validCases().count()).isGreaterThanOrEqualTo(30);
        assertThat(errorCases().count()).isGreaterThanOrEqualTo(40);
        assertThat(jsonErrorCases().count()).isGreaterThanOrEqualTo(20);
    }

    private static void compareOrUpdate(String dir, String file, String actual) {
        java.nio.file.Path path = ROOT.resolve(dir).resolve(file);
        if (UPDATE) {
            try {
                Files.writeString(path, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected;
        try {
            expected = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AssertionError("missing " + ROOT.relativize(path) + ": run the tests with -Dgolden.update=true to create it, then review it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(actual).as(dir + "/" + file).isEqualTo(expected);
    }

    private static String read(String dir, String file) {
        try {
            return Files.readString(ROOT.resolve(dir).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> names(String dir, String extension) {
        try (Stream<java.nio.file.Path> files = Files.list(ROOT.resolve(dir))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(extension))
                    .map(n -> n.substring(0, n.length() - extension.length()))
                    .sorted()
                    .toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
