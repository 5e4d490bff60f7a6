package dev.strata.batch;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 CSV output for memberships and counts. */
public final class MembershipCsv {
    private MembershipCsv() {
    }

    public static void row(Writer out, String a, String b) throws IOException {
        out.write(field(a));
        out.write(',');
        out.write(field(b));
        out.write('\n');
    }

    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) quote = true;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
