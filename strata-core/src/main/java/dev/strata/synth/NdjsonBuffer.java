package dev.strata.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the few JSON primitives the generator needs. Writing bytes by hand
 * keeps generation at millions of events per second: there is no tree, no String per value and no
 * formatter on the hot path. Strings that come from outside the fixed vocabulary are escaped once,
 * up front, with {@link #quoted(String)}.
 */
final class NdjsonBuffer {

    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int len;

    NdjsonBuffer(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    int length() {
        return len;
    }

    void clear() {
        len = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) len + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("NDJSON block would exceed 2 GiB (" + len + " + " + extra + " bytes)");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    NdjsonBuffer put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    NdjsonBuffer put(char asciiChar) {
        ensure(1);
        buf[len++] = (byte) asciiChar;
        return this;
    }

    /** Appends a copy of bytes [from, to) already in this buffer: how a duplicate line is made. */
    void repeat(int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(buf, from, buf, len, n);
        len += n;
    }

    NdjsonBuffer putLong(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return put(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            }
            put('-');
            v = -v;
        }
        int digits = digitCount(v);
        ensure(digits);
        int pos = len + digits;
        while (v >= 100) {
            int pair = (int) (v % 100);
            v /= 100;
            buf[--pos] = DIGIT_PAIRS[2 * pair + 1];
            buf[--pos] = DIGIT_PAIRS[2 * pair];
        }
        if (v >= 10) {
            buf[--pos] = DIGIT_PAIRS[2 * (int) v + 1];
            buf[--pos] = DIGIT_PAIRS[2 * (int) v];
        } else {
            buf[--pos] = (byte) ('0' + v);
        }
        len += digits;
        return this;
    }

    /** A non-negative number left-padded with zeros to at least {@code width} digits. */
    NdjsonBuffer putPadded(long v, int width) {
        if (v < 0) {
            throw new IllegalArgumentException("cannot zero-pad negative number " + v);
        }
        int digits = digitCount(v);
        ensure(width);
        for (int i = digits; i < width; i++) {
            buf[len++] = '0';
        }
        return putLong(v);
    }

    /** A number with exactly four decimals (about 11 m of latitude), rounded half away from zero. */
    NdjsonBuffer putFixed4(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write non-finite number " + v + " as JSON");
        }
        long scaled = Math.round(Math.abs(v) * 10_000d);
        if (v < 0 && scaled != 0) {
            put('-');
        }
        putLong(scaled / 10_000);
        put('.');
        int frac = (int) (scaled % 10_000);
        ensure(4);
        buf[len++] = DIGIT_PAIRS[2 * (frac / 100)];
        buf[len++] = DIGIT_PAIRS[2 * (frac / 100) + 1];
        buf[len++] = DIGIT_PAIRS[2 * (frac % 100)];
        buf[len++] = DIGIT_PAIRS[2 * (frac % 100) + 1];
        return this;
    }

    /** A quoted ISO-8601 UTC instant with second precision: {@code "2025-03-04T08:30:00Z"}. */
    NdjsonBuffer putTimestamp(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        ensure(22);
        buf[len++] = '"';
        putDateDigits(day);
        buf[len++] = 'T';
        putTwo(secOfDay / 3600);
        buf[len++] = ':';
        putTwo(secOfDay / 60 % 60);
        buf[len++] = ':';
        putTwo(secOfDay % 60);
        buf[len++] = 'Z';
        buf[len++] = '"';
        return this;
    }

    /** A quoted ISO date {@code "1951-04-02"}. */
    NdjsonBuffer putDate(long epochDay) {
        ensure(12);
        buf[len++] = '"';
        putDateDigits(epochDay);
        buf[len++] = '"';
        return this;
    }

    /**
     * Formatted dates by epoch day, direct-mapped: the generator's window is 730 consecutive days,
     * so after warm-up every date is formatted once per buffer instead of once per message.
     */
    private static final int DATE_SLOTS = 1024;
    private final long[] dateTags = new long[DATE_SLOTS];
    private final byte[] dates = new byte[DATE_SLOTS * 10];

    {
        java.util.Arrays.fill(dateTags, Long.MIN_VALUE);
    }

    private void putDateDigits(long epochDay) {
        int slot = (int) (epochDay & (DATE_SLOTS - 1));
        if (dateTags[slot] != epochDay) {
            long ymd = CivilDate.ymd(epochDay);
            int year = (int) (ymd / 10_000);
            if (year < 0 || year > 9999) {
                throw new IllegalArgumentException("year " + year + " is outside 0000..9999 (epoch day " + epochDay + ")");
            }
            int month = (int) (ymd / 100 % 100);
            int day = (int) (ymd % 100);
            int o = slot * 10;
            dates[o] = DIGIT_PAIRS[2 * (year / 100)];
            dates[o + 1] = DIGIT_PAIRS[2 * (year / 100) + 1];
            dates[o + 2] = DIGIT_PAIRS[2 * (year % 100)];
            dates[o + 3] = DIGIT_PAIRS[2 * (year % 100) + 1];
            dates[o + 4] = '-';
            dates[o + 5] = DIGIT_PAIRS[2 * month];
            dates[o + 6] = DIGIT_PAIRS[2 * month + 1];
            dates[o + 7] = '-';
            dates[o + 8] = DIGIT_PAIRS[2 * day];
            dates[o + 9] = DIGIT_PAIRS[2 * day + 1];
            dateTags[slot] = epochDay;
        }
        System.arraycopy(dates, slot * 10, buf, len, 10);
        len += 10;
    }

    private void putTwo(int v) {
        buf[len++] = DIGIT_PAIRS[2 * v];
        buf[len++] = DIGIT_PAIRS[2 * v + 1];
    }

    private static int digitCount(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    /** The UTF-8 bytes of {@code s} as a quoted, escaped JSON string literal. */
    static byte[] quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // U+2028/2029 are legal in JSON but break line-oriented JavaScript readers.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        sb.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
