package dev.strata.lang;

import java.util.Locale;
import java.util.Set;

/**
 * Words that cannot start a bare path because the grammar gives them a meaning there. Other
 * keywords (within, where, between, count(...), ...) are recognised only where the grammar
 * expects them, so {@code within = 3} is still a trait condition. A path that starts with a
 * reserved word is written back-quoted: {@code `not`.x = 1}.
 */
final class Keywords {
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "true", "false", "in", "is", "null", "did");

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
