package dev.strata.personas;

import java.util.List;

/** A persona feature read through the segment language. */
public sealed interface Feature permits Feature.Numeric, Feature.Categorical {
    String label();

    /**
     * A number read as the highest rung {@code r} of the ladder for which
     * {@code String.format(template, r)} holds; when none holds the value is {@code below} (NaN when
     * that means missing, as for a trait nobody set).
     *
     * @param more  how to say "higher than everyone" in a description, e.g. "older"
     * @param less  how to say "lower", e.g. "younger"
     * @param logScale cluster on log(1 + value): counts are heavy-tailed, and a few very active
     *                 profiles would otherwise make their own clusters
     */
    record Numeric(String label, String template, List<Integer> rungs, double below, String more, String less, boolean logScale)
            implements Feature {
    }

    /**
     * A category: the first of {@code levels} whose definition holds, or {@code otherwise}.
     * {@code definitions.get(i)} tells level i.
     */
    record Categorical(String label, List<String> levels, List<String> definitions, String otherwise) implements Feature {
        public int levelCount() {
            return levels.size() + 1;
        }

        public String levelName(int code) {
            return code < levels.size() ? levels.get(code) : otherwise;
        }
    }
}
