package dev.strata.ingest;

import dev.strata.model.Message;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads NDJSON files of Segment-spec messages (gzip-compressed ones too, recognised by their magic
 * bytes) and hands each valid message, in file order, to a sink. A line that is not valid JSON
 * or not a valid message is reported with its file and line and skipped — or, when strict, stops
 * the load. Blank lines are skipped silently.
 */
public final class NdjsonLoader {

    /** A skipped line. */
    public record Problem(String file, long line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    /** Totals of one load. */
    public record Result(long lines, long accepted, long invalid, long ignored, long bytes) {
    }

    /** What a load reports as it goes. */
    public interface Listener {
        void problem(Problem problem);

        /** Called every {@code progressEvery} lines with the totals so far. */
        default void progress(long lines, long bytes) {
        }
    }

    /** Thrown by a strict load at the first invalid line. */
    public static final class StrictModeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        StrictModeException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final Listener listener;
    private final boolean strict;
    private final long receivedAt;
    private final long progressEvery;

    /**
     * @param receivedAt epoch millis stamped on messages that carry neither timestamp nor receivedAt
     */
    public NdjsonLoader(Listener listener, boolean strict, long receivedAt, long progressEvery) {
        this.listener = listener;
        this.strict = strict;
        this.receivedAt = receivedAt;
        this.progressEvery = Math.max(1, progressEvery);
    }

    public Result load(List<Path> files, Consumer<Message> sink) {
        long lines = 0;
        long accepted = 0;
        long invalid = 0;
        long ignored = 0;
        long bytes = 0;
        for (Path file : files) {
            try (InputStream in = open(file)) {
                LineReader reader = new LineReader(in);
                String name = file.toString();
                long lineNo = 0;
                while (reader.next()) {
                    lineNo++;
                    lines++;
                    bytes += reader.length + 1;
                    if (lines % progressEvery == 0) listener.progress(lines, bytes);
                    if (reader.isBlank()) continue;
                    try {
                        sink.accept(MessageParser.parse(reader.buf, reader.start, reader.length, receivedAt));
                        accepted++;
                    } catch (InvalidMessageException e) {
                        invalid++;
                        Problem problem = new Problem(name, lineNo, e.getMessage());
                        if (strict) throw new StrictModeException(problem);
                        listener.problem(problem);
                    } catch (MessageParser.IgnoredTypeException e) {
                        ignored++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        listener.progress(lines, bytes);
        return new Result(lines, accepted, invalid, ignored, bytes);
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        return in;
    }

    /** Splits a byte stream into lines without decoding them; strips CR before LF and a UTF-8 BOM. */
    static final class LineReader {
        private final InputStream in;
        byte[] buf = new byte[1 << 20];
        int start;
        int length;
        private int pos;
        private int limit;
        private boolean eof;
        private boolean first = true;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            while (true) {
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        setLine(pos, i);
                        pos = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (pos < limit) {
                        setLine(pos, limit);
                        pos = limit;
                        return true;
                    }
                    return false;
                }
                fill();
            }
        }

        private void setLine(int from, int to) {
            int end = to;
            if (end > from && buf[end - 1] == '\r') end--;
            if (first) {
                first = false;
                if (end - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB && (buf[from + 2] & 0xff) == 0xBF) from += 3;
            }
            start = from;
            length = end - from;
        }

        boolean isBlank() {
            for (int i = start; i < start + length; i++) {
                byte b = buf[i];
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return true;
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        }
    }
}
