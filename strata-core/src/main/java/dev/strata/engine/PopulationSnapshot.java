package dev.strata.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A built {@link Population} in a file, with the store sequence number it reflects, so a restart
 * reads the columns back instead of re-parsing every stored message, then replays only the
 * messages after that number.
 *
 * <p>The file is a 32-byte header (magic, format version, content length, CRC32C of the content,
 * CRC32C of the header) followed by the content ({@link PopulationCodec}), all little-endian. A
 * file that is not a snapshot, of another version, truncated or damaged is rejected with a
 * {@link CorruptSnapshotException}; the caller then rebuilds from the store.
 */
public final class PopulationSnapshot {
    static final byte[] MAGIC = "STRPOPSN".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2; // 2: trait and context times
    static final int HEADER = 32;

    /** A population read back, and the sequence number of the last stored message it includes. */
    public record Restored(Population population, long storeSeq) {
    }

    private PopulationSnapshot() {
    }

    /**
     * Writes the snapshot next to {@code file}, forces it to disk, then renames it over
     * {@code file}: a crash at any point leaves either the previous snapshot or the new one, never
     * a mix. One writer at a time per file: the temporary name is fixed, so a crashed writer's
     * leftover is overwritten by the next write rather than accumulating.
     */
    public static void write(Population population, long storeSeq, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.position(HEADER);
                SnapshotOutput out = new SnapshotOutput(channel);
                PopulationCodec.encode(population, storeSeq, out);
                out.flush();
                ByteBuffer header = header(out.length(), out.checksum());
                while (header.hasRemaining()) channel.write(header, header.position());
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(target.getParent());
    }

    /** Reads a snapshot written by {@link #write}, checking its header, length and checksum. */
    public static Restored read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER) throw new CorruptSnapshotException(file + ": " + size + " bytes, shorter than a snapshot header");
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
                // positional reads until the header is full; the size check above guarantees it will be
            }
            header.flip();
            long contentLength = checkHeader(file, header, size);
            int expectedChecksum = header.getInt(24);
            channel.position(HEADER);
            SnapshotInput in = new SnapshotInput(file.toString(), channel, contentLength);
            Restored restored;
            try {
                restored = PopulationCodec.decode(in);
                if (in.remaining() != 0) throw in.corrupt(in.remaining() + " unread bytes after the population");
            } catch (CorruptSnapshotException | RuntimeException e) {
                throw damaged(file, in, expectedChecksum, e);
            }
            if (in.checksum() != expectedChecksum) {
                throw new CorruptSnapshotException(file + ": checksum mismatch (CRC32C of the content is "
                        + hex(in.checksum()) + ", the header says " + hex(expectedChecksum) + "): the file is damaged");
            }
            return restored;
        }
    }

    private static ByteBuffer header(long contentLength, int contentChecksum) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putInt(0).putLong(contentLength).putInt(contentChecksum);
        h.putInt(28, headerChecksum(h));
        h.clear();
        return h;
    }

    /** The content length the header declares, after checking the magic, the header's own checksum, the version and the file size. */
    private static long checkHeader(Path file, ByteBuffer header, long size) throws CorruptSnapshotException {
        byte[] magic = new byte[MAGIC.length];
        header.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) throw new CorruptSnapshotException(file + ": not a population snapshot (wrong magic bytes)");
        if (header.getInt(28) != headerChecksum(header)) throw new CorruptSnapshotException(file + ": the snapshot header is damaged");
        int version = header.getInt(8);
        if (version != VERSION) {
            throw new CorruptSnapshotException(file + ": snapshot format version " + version + ", this build reads version " + VERSION);
        }
        long contentLength = header.getLong(16);
        if (HEADER + contentLength != size) {
            throw new CorruptSnapshotException(file + ": " + size + " bytes where the header declares " + (HEADER + contentLength)
                    + (size < HEADER + contentLength ? ": the file is truncated" : ": the file has trailing bytes"));
        }
        return contentLength;
    }

    private static int headerChecksum(ByteBuffer header) {
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().position(0).limit(28));
        return (int) crc.getValue();
    }

    /**
     * A decoding failure, reported as a checksum mismatch when the content is damaged (it almost
     * always is: a writer bug would show as a failure on a file whose checksum holds).
     */
    private static CorruptSnapshotException damaged(Path file, SnapshotInput in, int expectedChecksum, Exception e) {
        String problem = e instanceof CorruptSnapshotException ? e.getMessage() : e.toString();
        try {
            in.skipRest();
            if (in.checksum() != expectedChecksum) {
                return new CorruptSnapshotException(file + ": checksum mismatch: the file is damaged (decoding stopped at: " + problem + ")", e);
            }
        } catch (IOException ignored) {
            // the first problem is the one to report
        }
        return new CorruptSnapshotException(file + ": cannot be decoded although its checksum holds: " + problem, e);
    }

    /**
     * Makes the rename durable. Where a directory cannot be opened (Windows), or forcing it fails,
     * a crash may bring the previous snapshot back, which is still a valid starting point: the
     * replay from its sequence number then covers more messages.
     */
    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // see above: durability of the rename is an optimisation, not a correctness condition
        }
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
