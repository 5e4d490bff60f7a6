package dev.strata.server.analytics;

import java.util.List;

/** A member list as CSV: a {@code user_id} header, one id a line, quoted when it holds a comma, quote or line break. */
public final class CsvExport {
    private CsvExport() {
    }

    public static String of(List<String> userIds) {
        StringBuilder sb = new StringBuilder(16 + userIds.size() * 16);
        sb.append("user_id\r\n");
        for (String id : userIds) sb.append(cell(id)).append("\r\n");
        return sb.toString();
    }

    static String cell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
