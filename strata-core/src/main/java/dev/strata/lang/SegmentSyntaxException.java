package dev.strata.lang;

/**
 * A definition that cannot be accepted, with the 1-based line and column where the problem is and
 * a reason that says what was expected.
 */
public final class SegmentSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public SegmentSyntaxException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }
}
