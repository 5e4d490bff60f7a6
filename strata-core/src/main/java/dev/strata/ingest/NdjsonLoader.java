package dev.strata.ingest;

import dev.strata.model.Message;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads NDJSON files of Segment-spec messages (gzip-compressed ones too, recognised by their magic
 * bytes) and hands each valid message, in file order, to a sink. A line that is not valid JSON
 * or not a valid message is reported with its file and line and skipped — or, when strict, stops
 * the load. Blank lines are skipped silently.
 *
 * <p>Parsing is the expensive part, so the file is cut into blocks of whole lines that worker
 * threads parse while the calling thread feeds the parsed messages to the sink strictly in file
 * order (read order matters: the first copy of a messageId wins, and so does the later of two
 * identifies with the same timestamp).
 */
public final class NdjsonLoader {
    private static final int DEFAULT_BLOCK_BYTES = 1 << 22;

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

        /** Called about every {@code progressEvery} lines with the totals so far, and once at the end. */
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
    private final int threads;
    private int blockBytes = DEFAULT_BLOCK_BYTES;

    /**
     * @param receivedAt epoch millis stamped on messages that carry neither timestamp nor receivedAt
     */
    public NdjsonLoader(Listener listener, boolean strict, long receivedAt, long progressEvery) {
        this(listener, strict, receivedAt, progressEvery, Runtime.getRuntime().availableProcessors());
    }

    public NdjsonLoader(Listener listener, boolean strict, long receivedAt, long progressEvery, int threads) {
        this.listener = listener;
        this.strict = strict;
        this.receivedAt = receivedAt;
        this.progressEvery = Math.max(1, progressEvery);
        this.threads = Math.max(1, threads);
    }

    /** Smaller blocks let tests cross block boundaries with small files. */
    NdjsonLoader withBlockBytes(int bytes) {
        this.blockBytes = Math.max(16, bytes);
        return this;
    }

    /** A problem found in a block, at a line counted from the block's start. */
    private record BlockProblem(int line, String reason) {
    }

    /** One block's parse: messages in order, and its problems. */
    private record Parsed(List<Message> messages, List<BlockProblem> problems, int lines, long bytes, long ignored) {
    }

    public Result load(List<Path> files, Consumer<Message> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ndjson-parse");
            t.setDaemon(true);
            return t;
        });
        long lines = 0;
        long accepted = 0;
        long invalid = 0;
        long ignored = 0;
        long bytes = 0;
        long nextProgress = progressEvery;
        try {
            for (Path file : files) {
                String name = file.toString();
                long fileLine = 0;
                try (InputStream in = open(file)) {
                    BlockReader reader = new BlockReader(in, blockBytes);
                    ArrayDeque<Future<Parsed>> inFlight = new ArrayDeque<>();
                    boolean more = true;
                    while (more || !inFlight.isEmpty()) {
                        while (more && inFlight.size() < threads * 2) {
                            byte[] block = reader.nextBlock();
                            if (block == null) {
                                more = false;
                            } else {
                                inFlight.add(pool.submit(() -> parseBlock(block)));
                            }
                        }
                        if (inFlight.isEmpty()) break;
                        Parsed p = await(inFlight.poll());
                        for (BlockProblem bp : p.problems()) {
                            invalid++;
                            Problem problem = new Problem(name, fileLine + bp.line(), bp.reason());
                            if (strict) throw new StrictModeException(problem);
                            listener.problem(problem);
                        }
                        for (Message m : p.messages()) sink.accept(m);
                        accepted += p.messages().size();
                        ignored += p.ignored();
                        fileLine += p.lines();
                        lines += p.lines();
                        bytes += p.bytes();
                        if (lines >= nextProgress) {
                            listener.progress(lines, bytes);
                            nextProgress = (lines / progressEvery + 1) * progressEvery;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        listener.progress(lines, bytes);
        return new Result(lines, accepted, invalid, ignored, bytes);
    }

    private static Parsed await(Future<Parsed> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new IllegalStateException(c);
        }
    }

    /**
     * Parses a block with one streaming parser over all its lines — creating a parser per line
     * costs more than parsing a short message. Every message must start and end on its own line;
     * anything else (broken JSON, a value that is not an object, two messages on a line, one
     * message over several lines) sends the whole block to {@link #parseLines}, which parses and
     * reports line by line.
     */
    private Parsed parseBlock(byte[] block) {
        int n = block.length;
        List<Message> messages = new ArrayList<>(n / 128);
        List<BlockProblem> problems = new ArrayList<>(0);
        long ignoredCount = 0;
        int line = 1;       // line of position `scanned`
        int scanned = 0;    // bytes before this are counted into `line`
        int lastEnd = -1;   // line on which the previous message ended
        try (JsonParser p = MessageParser.parserOver(block, 0, n)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) return parseLines(block);
                int start = (int) p.currentTokenLocation().getByteOffset();
                for (; scanned < start; scanned++) if (block[scanned] == '\n') line++;
                if (line == lastEnd) return parseLines(block); // two messages on one line
                int startLine = line;
                try {
                    messages.add(MessageParser.readObjectMessage(p, receivedAt));
                } catch (InvalidMessageException e) {
                    skipToEndOfObject(p);
                    problems.add(new BlockProblem(startLine, e.getMessage()));
                } catch (MessageParser.IgnoredTypeException e) {
                    skipToEndOfObject(p);
                    ignoredCount++;
                }
                int end = (int) p.currentLocation().getByteOffset();
                for (; scanned < end; scanned++) if (block[scanned] == '\n') line++;
                if (line != startLine) return parseLines(block); // one message over several lines
                lastEnd = line;
            }
        } catch (JacksonException e) {
            return parseLines(block);
        }
        for (; scanned < n; scanned++) if (block[scanned] == '\n') line++;
        int lines = n > 0 && block[n - 1] != '\n' ? line : line - 1;
        return new Parsed(messages, problems, lines, n, ignoredCount);
    }

    /** After a validation error inside readObjectMessage, moves the parser to the object's end. */
    private static void skipToEndOfObject(JsonParser p) {
        while (p.streamReadContext() != null && !p.streamReadContext().inRoot()) {
            JsonToken t = p.nextToken();
            if (t == null) return;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
        }
    }

    /** The exact path: one parser per line, every problem reported at its line. */
    private Parsed parseLines(byte[] block) {
        List<Message> messages = new ArrayList<>();
        List<BlockProblem> problems = new ArrayList<>(0);
        int line = 0;
        long ignoredCount = 0;
        int start = 0;
        int n = block.length;
        while (start < n) {
            int end = start;
            while (end < n && block[end] != '\n') end++;
            line++;
            int stop = end > start && block[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(block, start, stop)) {
                try {
                    messages.add(MessageParser.parse(block, start, stop - start, receivedAt));
                } catch (InvalidMessageException e) {
                    problems.add(new BlockProblem(line, e.getMessage()));
                } catch (MessageParser.IgnoredTypeException e) {
                    ignoredCount++;
                }
            }
            start = end + 1;
        }
        return new Parsed(messages, problems, line, n, ignoredCount);
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
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

    /** Cuts a stream into blocks of whole lines (the last line may lack its newline); drops a UTF-8 BOM. */
    static final class BlockReader {
        private final InputStream in;
        private final int blockBytes;
        private byte[] carry = new byte[0];
        private boolean eof;
        private boolean first = true;

        BlockReader(InputStream in, int blockBytes) {
            this.in = in;
            this.blockBytes = blockBytes;
        }

        byte[] nextBlock() throws IOException {
            if (eof && carry.length == 0) return null;
            byte[] buf = Arrays.copyOf(carry, Math.max(blockBytes, carry.length * 2));
            int len = carry.length;
            while (!eof && len < buf.length) {
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) eof = true;
                else len += r;
            }
            if (first) {
                first = false;
                if (len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                    System.arraycopy(buf, 3, buf, 0, len - 3);
                    len -= 3;
                }
            }
            int from = 0;
            int cut;
            if (eof) {
                cut = len;
            } else {
                cut = len - 1;
                while (cut >= from && buf[cut] != '\n') cut--;
                if (cut < from) { // a line longer than the block: read on
                    carry = Arrays.copyOf(buf, len);
                    return nextBlock();
                }
                cut++;
            }
            carry = Arrays.copyOfRange(buf, cut, len);
            if (cut == from && eof) return carry.length == 0 ? null : nextBlock();
            return Arrays.copyOfRange(buf, from, cut);
        }
    }
}
