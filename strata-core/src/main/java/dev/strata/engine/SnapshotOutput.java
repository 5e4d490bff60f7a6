package dev.strata.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Little-endian primitives and primitive arrays written through one large direct buffer to a
 * channel, with a CRC32C of everything written. Arrays go through the buffer's typed views, which
 * copy memory in bulk instead of element by element.
 */
final class SnapshotOutput {
    /** Large enough that a write call costs nothing next to the copy. */
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long flushed;

    SnapshotOutput(FileChannel channel) {
        this.channel = channel;
    }

    /** Bytes written so far. */
    long length() {
        return flushed + buf.position();
    }

    /** The CRC32C of every byte written; call after {@link #flush}. */
    int checksum() {
        return (int) crc.getValue();
    }

    void flush() throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) channel.write(buf);
        flushed += buf.limit();
        buf.clear();
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) flush();
    }

    void writeInt(int v) throws IOException {
        room(4);
        buf.putInt(v);
    }

    void writeLong(long v) throws IOException {
        room(8);
        buf.putLong(v);
    }

    void writeDouble(double v) throws IOException {
        room(8);
        buf.putDouble(v);
    }

    void writeBytes(byte[] a, int from, int count) throws IOException {
        while (count > 0) {
            room(1);
            int n = Math.min(count, buf.remaining());
            buf.put(a, from, n);
            from += n;
            count -= n;
        }
    }

    void writeInts(int[] a) throws IOException {
        int from = 0;
        while (from < a.length) {
            room(4);
            int n = Math.min(a.length - from, buf.remaining() / 4);
            buf.asIntBuffer().put(a, from, n);
            buf.position(buf.position() + n * 4);
            from += n;
        }
    }

    void writeLongs(long[] a) throws IOException {
        int from = 0;
        while (from < a.length) {
            room(8);
            int n = Math.min(a.length - from, buf.remaining() / 8);
            buf.asLongBuffer().put(a, from, n);
            buf.position(buf.position() + n * 8);
            from += n;
        }
    }

    /**
     * A string: UTF-8 behind its byte count when it is well-formed UTF-16, which is nearly always;
     * otherwise (a lone surrogate from a JSON escape) its raw chars behind the bitwise complement
     * of their count, because UTF-8 would replace the surrogate and merge distinct strings.
     */
    void writeString(String s) throws IOException {
        if (wellFormed(s)) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            writeInt(bytes.length);
            writeBytes(bytes, 0, bytes.length);
        } else {
            writeInt(~s.length());
            for (int i = 0; i < s.length(); i++) {
                room(2);
                buf.putChar(s.charAt(i));
            }
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
