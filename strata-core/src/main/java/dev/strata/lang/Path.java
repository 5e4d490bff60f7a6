package dev.strata.lang;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path into a JSON object: {@code address.state}. Each segment is one key; a segment may
 * itself contain dots when written back-quoted ({@code `a.b`}).
 */
public record Path(List<String> segments) {

    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Path {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one segment");
        }
        for (String s : segments) {
            if (s.isEmpty() || s.indexOf('`') >= 0 || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid path segment '" + s + "': it must be non-empty, without ` or newline");
            }
        }
    }

    public static Path of(String... segments) {
        return new Path(List.of(segments));
    }

    public String first() {
        return segments.get(0);
    }

    /** {@code context.*} paths read the message context instead of the traits. */
    public boolean isContext() {
        return segments.size() > 1 && segments.get(0).equals("context");
    }

    public Path tail() {
        return new Path(segments.subList(1, segments.size()));
    }

    public int length() {
        return segments.size();
    }

    /** The path as written in the language: bare identifiers where possible, back-quoted otherwise. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) sb.append('.');
            String s = segments.get(i);
            boolean bare = BARE.matcher(s).matches() && (i > 0 || !Keywords.isReserved(s));
            if (bare) sb.append(s);
            else sb.append('`').append(s).append('`');
        }
        return sb.toString();
    }
}
