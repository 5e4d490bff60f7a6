package dev.strata.engine;

/** What kind of JSON value a column cell holds. Missing and JSON null are the same to the language. */
final class Tag {
    static final byte MISSING = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte NUMBER = 3;
    static final byte STRING = 4;
    static final byte OBJECT = 5;
    static final byte ARRAY = 6;

    private Tag() {
    }
}
