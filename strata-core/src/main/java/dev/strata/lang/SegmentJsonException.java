package dev.strata.lang;

/**
 * A JSON condition that cannot be accepted. The message starts with the JSON Pointer (RFC 6901)
 * of the offending node, or {@code (root)} for the document itself, and says what was expected:
 * {@code /conditions/1/op: unknown operator "=="; expected one of "=", "!=", ...}.
 */
public final class SegmentJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String reason;

    public SegmentJsonException(String pointer, String reason) {
        super((pointer.isEmpty() ? "(root)" : pointer) + ": " + reason);
        this.pointer = pointer;
        this.reason = reason;
    }

    /** The JSON Pointer of the bad node; the empty string is the whole document. */
    public String pointer() {
        return pointer;
    }

    /** The message without the pointer. */
    public String reason() {
        return reason;
    }
}
