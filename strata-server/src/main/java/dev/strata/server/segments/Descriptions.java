package dev.strata.server.segments;

import dev.strata.server.web.ApiException;

/** A segment's description from a client: plain text, a few paragraphs at most. */
public final class Descriptions {
    /** Room for a persona's distinctions or a template rule's explanation, not for documents. */
    public static final int MAX_LENGTH = 2000;

    private Descriptions() {
    }

    /**
     * The description to store: stripped; null when absent or blank (no description).
     *
     * @throws ApiException 400 naming the field when it is too long or holds control characters other than
     *                      line breaks and tabs
     */
    public static String checked(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > MAX_LENGTH) {
            throw ApiException.badRequest("\"" + field + "\" is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw ApiException.badRequest("\"" + field + "\" must be plain text: it holds the control character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        return text;
    }
}
