package dev.strata.server.ingest;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.server.security.Secrets;
import dev.strata.store.MessageLog;
import dev.strata.store.SegmentRepository.SegmentRecord;
import dev.strata.store.Store;
import dev.strata.synth.PopulationGenerator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: fills an empty store with a generated population (ending now, so time windows
 * are live) through the same validation and store path as /v1, and saves the example healthcare
 * segments. A store that already holds messages is left as it is.
 */
public final class DemoPopulation {
    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);
    static final String EXAMPLES = "/examples/healthcare-segments.tsv";
    private static final int CHUNK = 5_000;
    private static final int IN_FLIGHT = 4;

    private DemoPopulation() {
    }

    public static void loadIfEmpty(Store store, Path dataDir, int profiles) {
        if (store.messages().lastSeq() > 0) {
            log.info("demo: the store holds messages already; nothing generated");
            return;
        }
        try {
            Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
            Path file = dataDir.resolve("demo-" + profiles + ".ndjson.tmp");
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                PopulationGenerator.write(PopulationGenerator.Options.defaults(profiles).withEnd(end), out);
            }
            long stored = ingest(store.messages(), file);
            Files.deleteIfExists(file);
            log.info("demo: {} profiles, {} messages stored in {} ms", profiles, stored, (System.nanoTime() - t0) / 1_000_000);
            saveExampleSegments(store);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: could not generate the population in " + dataDir, e);
        }
    }

    /** Appends in chunks, keeping a few in flight so that the store's group commit can merge them. */
    private static long ingest(MessageLog log, Path file) throws IOException {
        long now = System.currentTimeMillis();
        long stored = 0;
        java.util.ArrayDeque<java.util.concurrent.CompletableFuture<List<MessageLog.Appended>>> inFlight = new java.util.ArrayDeque<>();
        List<MessageLog.Pending> chunk = new ArrayList<>(CHUNK);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            long lineNo = 0;
            while (true) {
                int b = in.read();
                if (b != '\n' && b != -1) {
                    line.write(b);
                    continue;
                }
                if (line.size() > 0) {
                    lineNo++;
                    chunk.add(prepare(line.toByteArray(), now, lineNo));
                    line.reset();
                }
                if (chunk.size() == CHUNK || (b == -1 && !chunk.isEmpty())) {
                    inFlight.add(log.append(chunk));
                    chunk = new ArrayList<>(CHUNK);
                    if (inFlight.size() == IN_FLIGHT) stored += storedIn(inFlight.poll());
                }
                if (b == -1) break;
            }
        }
        while (!inFlight.isEmpty()) stored += storedIn(inFlight.poll());
        return stored;
    }

    private static long storedIn(java.util.concurrent.CompletableFuture<List<MessageLog.Appended>> f) {
        return f.join().stream().filter(a -> a.outcome() == MessageLog.Outcome.STORED).count();
    }

    private static MessageLog.Pending prepare(byte[] line, long now, long lineNo) {
        try {
            return MessagePreparation.prepare(line, BodyScanner.single(line), null, now).pending();
        } catch (MessagePreparation.Refused | BodyScanner.BodyException | RuntimeException e) {
            throw new IllegalStateException("demo: generated line " + lineNo + " was refused: " + e.getMessage(), e);
        }
    }

    private static void saveExampleSegments(Store store) throws IOException {
        String text;
        try (InputStream in = DemoPopulation.class.getResourceAsStream(EXAMPLES)) {
            if (in == null) throw new IOException(EXAMPLES + " is missing from the server's jar");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SegmentDefinitions defs;
        try {
            defs = SegmentDefinitions.parse("examples/healthcare-segments.tsv", text);
        } catch (SegmentDefinitions.InvalidDefinitionsException e) {
            throw new IllegalStateException("demo: the bundled example segments do not parse: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        int saved = 0;
        for (SegmentDefinitions.Named n : defs.segments()) {
            if (store.segments().byName(n.name()).isPresent()) continue;
            store.segments().insert(new SegmentRecord(Secrets.newId("seg_"), n.name(), n.text(), "dynamic", now, now, "demo", n.description()));
            saved++;
        }
        log.info("demo: {} example segments saved", saved);
    }
}
