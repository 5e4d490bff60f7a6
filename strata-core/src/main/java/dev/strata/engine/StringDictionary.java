package dev.strata.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Dense int codes for strings, shared by every column so a string is stored once. */
final class StringDictionary {
    private final HashMap<String, Integer> codes;
    private final List<String> strings;

    StringDictionary() {
        this(16);
    }

    private StringDictionary(int expected) {
        codes = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        strings = new ArrayList<>(expected);
    }

    /** A dictionary in which {@code strings[i]} has code i, as restored from a snapshot. */
    static StringDictionary of(String[] strings) {
        StringDictionary d = new StringDictionary(strings.length);
        for (int i = 0; i < strings.length; i++) {
            String s = strings[i];
            if (d.encode(s) != i) {
                throw new IllegalArgumentException("the string \"" + s + "\" appears twice in the dictionary");
            }
        }
        return d;
    }

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
