package dev.strata.batch;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segments file: one {@code name<TAB>definition[<TAB>description]} per line (the definition
 * ends at the first tab outside a string or a backquoted path; what follows the next tab is a
 * plain-words description); blank lines and lines starting with {@code #} are ignored; a definition may refer to a segment defined on an earlier line
 * with {@code in segment "name"} (so references can never form a cycle). Every problem in the
 * file is collected, each with its file line and column, before anything is evaluated.
 */
public final class SegmentDefinitions {

    /**
     * One named definition and the file line it came from.
     *
     * @param text        the definition as written in the file
     * @param description the line's description column, stripped; null when absent or blank
     */
    public record Named(String name, Condition condition, int line, String text, String description) {
    }

    /** A problem in a segments file, positioned in the file. */
    public record Problem(String source, int line, int column, String segment, String reason) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column + ": " + (segment == null ? "" : "segment \"" + segment + "\": ") + reason;
        }
    }

    /** Thrown when a file has one or more problems; nothing from it should be used. */
    public static final class InvalidDefinitionsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<Problem> problems;

        InvalidDefinitionsException(List<Problem> problems) {
            super(problems.size() + " problem(s) in segment definitions, first: " + problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final List<Named> segments;

    private SegmentDefinitions(List<Named> segments) {
        this.segments = List.copyOf(segments);
    }

    public static SegmentDefinitions read(Path file) throws IOException, InvalidDefinitionsException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SegmentDefinitions parse(String source, String text) throws InvalidDefinitionsException {
        List<Named> out = new ArrayList<>();
        Map<String, Integer> definedAt = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) {
                problems.add(new Problem(source, lineNo, 1, null, "expected name<TAB>definition, found no tab"));
                continue;
            }
            String name = line.substring(0, tab).strip();
            if (name.isEmpty()) {
                problems.add(new Problem(source, lineNo, 1, null, "the segment name before the tab is empty"));
                continue;
            }
            if (definedAt.containsKey(name)) {
                problems.add(new Problem(source, lineNo, 1, name, "defined twice (first on line " + definedAt.get(name) + ")"));
                continue;
            }
            int end = definitionEnd(line, tab + 1);
            String definition = line.substring(tab + 1, end);
            String description = end < line.length() ? line.substring(end + 1).strip() : "";
            try {
                Condition c = SegmentParser.parse(definition, definedAt::containsKey);
                out.add(new Named(name, c, lineNo, definition, description.isEmpty() ? null : description));
            } catch (SegmentSyntaxException e) {
                problems.add(new Problem(source, lineNo, tab + 1 + e.column(), name, e.reason()));
            }
            definedAt.put(name, lineNo);
        }
        if (!problems.isEmpty()) throw new InvalidDefinitionsException(problems);
        return new SegmentDefinitions(out);
    }

    /** A single definition given on the command line. */
    public static SegmentDefinitions single(String name, String definition) throws InvalidDefinitionsException {
        try {
            return new SegmentDefinitions(List.of(new Named(name, SegmentParser.parse(definition, n -> false), 1, definition, null)));
        } catch (SegmentSyntaxException e) {
            throw new InvalidDefinitionsException(List.of(new Problem("--segment", e.line(), e.column(), name, e.reason())));
        }
    }

    /**
     * Where the definition starting at {@code from} ends: the first tab that is not inside a
     * string (double quotes, with backslash escapes) or a backquoted path, else the end of the line.
     */
    static int definitionEnd(String line, int from) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '\t') {
                return i;
            }
        }
        return line.length();
    }

    public List<Named> segments() {
        return segments;
    }

    /** Definitions by name, for resolving {@code in segment} references. */
    public Map<String, Condition> byName() {
        Map<String, Condition> m = new LinkedHashMap<>();
        for (Named n : segments) m.put(n.name(), n.condition());
        return Collections.unmodifiableMap(m);
    }
}
