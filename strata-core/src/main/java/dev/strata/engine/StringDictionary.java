package dev.strata.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Dense int codes for strings, shared by every column so a string is stored once. */
final class StringDictionary {
    private final HashMap<String, Integer> codes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    int encode(String s) {
        Integer code = codes.get(s);
        if (code != null) return code;
        int c = strings.size();
        strings.add(s);
        codes.put(s, c);
        return c;
    }

    /** The code of {@code s}, or -1 when no column holds it. */
    int lookup(String s) {
        Integer code = codes.get(s);
        return code == null ? -1 : code;
    }

    String decode(int code) {
        return strings.get(code);
    }

    int size() {
        return strings.size();
    }
}
