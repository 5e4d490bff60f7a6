package dev.strata.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: per resource type how many resources were read, mapped, left unmapped and
 * found malformed (read = mapped + unmapped + malformed), the messages produced, and the problems
 * with their file and position. Not thread-safe: one import fills one report.
 */
public final class ImportReport {
    /** Problems beyond this are counted but not kept. */
    public static final int MAX_PROBLEMS = 1000;

    /** A resource (or file) that could not be read or mapped: where and why. */
    public record Problem(String file, String position, String resourceType, String message) {
        @Override
        public String toString() {
            return file + (position.isEmpty() ? "" : " " + position) + ": " + (resourceType == null ? "" : resourceType + ": ") + message;
        }
    }

    /** Counts of one resource type. */
    public static final class TypeCounts {
        long read;
        long mapped;
        long unmapped;
        long malformed;

        public long read() { return read; }
        public long mapped() { return mapped; }
        public long unmapped() { return unmapped; }
        public long malformed() { return malformed; }
    }

    private final Map<String, TypeCounts> types = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private long messages;
    private long summaryMessages;
    private long files;
    private long unreadableFiles;

    TypeCounts type(String type) {
        return types.computeIfAbsent(type == null ? "(unknown)" : type, k -> new TypeCounts());
    }

    void mapped(String type, int messageCount) {
        TypeCounts c = type(type);
        c.read++;
        c.mapped++;
        messages += messageCount;
    }

    void unmapped(String type) {
        TypeCounts c = type(type);
        c.read++;
        c.unmapped++;
    }

    void malformed(String file, String position, String type, String message) {
        TypeCounts c = type(type);
        c.read++;
        c.malformed++;
        problem(new Problem(file, position, type, message));
    }

    void unreadable(String file, String position, String message) {
        unreadableFiles++;
        problem(new Problem(file, position, null, message));
    }

    /** Identifies of the patient summaries, sent at the end of an import. */
    void summaries(int messageCount) {
        messages += messageCount;
        summaryMessages += messageCount;
    }

    void file() {
        files++;
    }

    private void problem(Problem p) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) problems.add(p);
    }

    /** Adds another report's counts and problems (a file read on another thread) to this one. */
    void merge(ImportReport other) {
        other.types.forEach((t, c) -> {
            TypeCounts mine = type(t);
            mine.read += c.read;
            mine.mapped += c.mapped;
            mine.unmapped += c.unmapped;
            mine.malformed += c.malformed;
        });
        for (Problem p : other.problems) if (problems.size() < MAX_PROBLEMS) problems.add(p);
        problemCount += other.problemCount;
        messages += other.messages;
        summaryMessages += other.summaryMessages;
        files += other.files;
        unreadableFiles += other.unreadableFiles;
    }

    public Map<String, TypeCounts> types() { return Collections.unmodifiableMap(types); }
    public List<Problem> problems() { return Collections.unmodifiableList(problems); }
    public long problemCount() { return problemCount; }
    public long messages() { return messages; }
    public long files() { return files; }
    /** Of {@link #messages()}, the patient summary identifies (chronic_conditions, consent, survey). */
    public long summaryMessages() { return summaryMessages; }
    public long unreadableFiles() { return unreadableFiles; }

    public long resources() {
        return types.values().stream().mapToLong(TypeCounts::read).sum();
    }

    public long count(String type, java.util.function.ToLongFunction<TypeCounts> which) {
        TypeCounts c = types.get(type);
        return c == null ? 0 : which.applyAsLong(c);
    }

    /** A table of the counts per type, for a terminal or a log. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format("%-28s %9s %9s %9s %9s%n", "resource type", "read", "mapped", "unmapped", "malformed"));
        types.forEach((t, c) -> sb.append(String.format("%-28s %,9d %,9d %,9d %,9d%n", t, c.read, c.mapped, c.unmapped, c.malformed)));
        return sb.toString();
    }
}
