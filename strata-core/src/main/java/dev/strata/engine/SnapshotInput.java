package dev.strata.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link SnapshotOutput} wrote: a known number of content bytes from a channel through
 * one large direct buffer, computing their CRC32C as they arrive, so the file is read once. Every
 * count is checked against the bytes left before anything is allocated for it, so a damaged
 * count fails with a message instead of an attempt to allocate gigabytes.
 */
final class SnapshotInput {
    /** Large enough that a read call costs nothing next to the copy; a small file gets a small buffer. */
    private static final int BUFFER = 1 << 20;

    private final String source;
    private final FileChannel channel;
    private final long contentLength;
    private final ByteBuffer buf;
    private final CRC32C crc = new CRC32C();
    /** Content bytes moved from the channel into the buffer so far. */
    private long loaded;
    private byte[] scratch = new byte[256];

    /** Reads {@code contentLength} bytes from the channel's current position; {@code source} names the file in errors. */
    SnapshotInput(String source, FileChannel channel, long contentLength) {
        this.source = source;
        this.channel = channel;
        this.contentLength = contentLength;
        this.buf = ByteBuffer.allocateDirect((int) Math.max(64, Math.min(BUFFER, contentLength))).order(ByteOrder.LITTLE_ENDIAN);
        buf.limit(0);
    }

    /** Content bytes consumed so far: the offset errors report. */
    long offset() {
        return loaded - buf.remaining();
    }

    long remaining() {
        return contentLength - offset();
    }

    /** The CRC32C of the content; valid once every byte has been consumed. */
    int checksum() {
        return (int) crc.getValue();
    }

    CorruptSnapshotException corrupt(String reason) {
        return new CorruptSnapshotException(source + ": " + reason + " (at content offset " + offset() + ")");
    }

    /** Makes at least {@code bytes} (at most the buffer) available, or fails: the content ends early. */
    private void need(int bytes) throws IOException {
        if (buf.remaining() >= bytes) return;
        buf.compact();
        while (buf.position() < bytes) {
            long left = contentLength - loaded;
            if (left == 0) {
                buf.flip();
                throw corrupt("the content ends in the middle of a value");
            }
            int start = buf.position();
            if (left < buf.remaining()) buf.limit(start + (int) left);
            int n = channel.read(buf);
            buf.limit(buf.capacity());
            if (n < 0) {
                buf.flip();
                throw corrupt("the file ends " + left + " bytes before its declared length");
            }
            crc.update(buf.duplicate().flip().position(start));
            loaded += n;
        }
        buf.flip();
    }

    /** Reads the rest of the content into the checksum only: after a decoding failure, to tell damage from a bug. */
    void skipRest() throws IOException {
        buf.position(buf.limit());
        while (loaded < contentLength) {
            buf.clear();
            long left = contentLength - loaded;
            if (left < buf.capacity()) buf.limit((int) left);
            int n = channel.read(buf);
            if (n < 0) break;
            crc.update(buf.flip());
            loaded += n;
        }
        buf.clear().limit(0);
    }

    int readInt() throws IOException {
        need(4);
        return buf.getInt();
    }

    long readLong() throws IOException {
        need(8);
        return buf.getLong();
    }

    /** A count of items of at least {@code bytesEach} bytes each, checked against what is left. */
    int readCount(int bytesEach, String what) throws IOException {
        int n = readInt();
        if (n < 0 || (long) n * bytesEach > remaining()) {
            throw corrupt("impossible " + what + " " + n + " with " + remaining() + " bytes left");
        }
        return n;
    }

    void readBytes(byte[] a, int from, int count) throws IOException {
        while (count > 0) {
            need(1);
            int n = Math.min(count, buf.remaining());
            buf.get(a, from, n);
            from += n;
            count -= n;
        }
    }

    void readInts(int[] a, int from, int count) throws IOException {
        int end = from + count;
        while (from < end) {
            need(4);
            int n = Math.min(end - from, buf.remaining() / 4);
            buf.asIntBuffer().get(a, from, n);
            buf.position(buf.position() + n * 4);
            from += n;
        }
    }

    void readLongs(long[] a) throws IOException {
        int from = 0;
        while (from < a.length) {
            need(8);
            int n = Math.min(a.length - from, buf.remaining() / 8);
            buf.asLongBuffer().get(a, from, n);
            buf.position(buf.position() + n * 8);
            from += n;
        }
    }

    void readDoubles(double[] a, int from, int count) throws IOException {
        int end = from + count;
        while (from < end) {
            need(8);
            int n = Math.min(end - from, buf.remaining() / 8);
            buf.asDoubleBuffer().get(a, from, n);
            buf.position(buf.position() + n * 8);
            from += n;
        }
    }

    /** A string as {@link SnapshotOutput#writeString} wrote it. */
    String readString() throws IOException {
        int n = readInt();
        if (n >= 0) {
            if (n > remaining()) throw corrupt("impossible string length " + n + " with " + remaining() + " bytes left");
            if (scratch.length < n) scratch = new byte[Math.max(n, scratch.length * 2)];
            readBytes(scratch, 0, n);
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }
        long chars = ~(long) n;
        if (chars * 2 > remaining()) throw corrupt("impossible string length " + chars + " chars with " + remaining() + " bytes left");
        char[] cs = new char[(int) chars];
        for (int i = 0; i < cs.length; i++) {
            need(2);
            cs[i] = buf.getChar();
        }
        return new String(cs);
    }
}
