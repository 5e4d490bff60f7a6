package dev.strata.server.web;

/** Small text checks shared by the controllers. */
public final class Texts {
    private Texts() {
    }

    /** At most {@code max} characters, marked when cut: error messages echo client input. */
    public static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** True when the text has a control character (NUL, newline, ...), which no name or id may carry. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return true;
        }
        return false;
    }

    /**
     * A name or id from a client: present, at most {@code max} characters, no control characters.
     *
     * @throws ApiException 400 naming the field and what is wrong
     */
    public static String requireName(String field, String value, int max) {
        if (value == null || value.isBlank()) throw ApiException.badRequest("\"" + field + "\" is required");
        if (value.length() > max) {
            throw ApiException.badRequest("\"" + field + "\" is " + value.length() + " characters long; the limit is " + max);
        }
        if (hasControl(value)) throw ApiException.badRequest("\"" + field + "\" must not contain control characters");
        return value;
    }
}
