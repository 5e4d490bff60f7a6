package dev.strata.server.segments;

import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of user ids uploaded for a static segment: one per line, in the first CSV column
 * (quoted or not), with an optional header ({@code userId}, {@code user_id} or {@code id}).
 * Repeated ids count once; blank lines are skipped.
 */
final class MembersCsv {
    static final int MAX_ID_LENGTH = 512;
    private static final Set<String> HEADERS = Set.of("userid", "user_id", "id", "user");

    private MembersCsv() {
    }

    static List<String> parse(String text) {
        Set<String> ids = new LinkedHashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) continue;
            String id = firstCell(line, i + 1).strip();
            if (i == 0 && HEADERS.contains(id.toLowerCase(Locale.ROOT))) continue;
            if (id.isEmpty()) throw ApiException.badRequest("line " + (i + 1) + ": the user id is empty");
            if (id.length() > MAX_ID_LENGTH) {
                throw ApiException.badRequest("line " + (i + 1) + ": the user id is " + id.length() + " characters long; the limit is " + MAX_ID_LENGTH);
            }
            if (Texts.hasControl(id)) throw ApiException.badRequest("line " + (i + 1) + ": the user id contains a control character");
            ids.add(id);
        }
        return new ArrayList<>(ids);
    }

    private static String firstCell(String line, int lineNo) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '"') {
                sb.append(c);
            } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                sb.append('"');
                i++;
            } else {
                return sb.toString();
            }
        }
        throw ApiException.badRequest("line " + lineNo + ": unterminated quoted value");
    }
}
