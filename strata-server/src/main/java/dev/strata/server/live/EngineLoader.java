package dev.strata.server.live;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.PopulationSnapshot;
import dev.strata.live.LiveEngine;
import dev.strata.model.Message;
import dev.strata.store.Store;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the engine at start. With a usable snapshot: its population plus the messages stored
 * after it (applied like new ones). Otherwise: every stored message replayed into a fresh
 * population, which is then written as the next start's snapshot (in the background: the
 * population is immutable).
 */
final class EngineLoader {
    private static final Logger log = LoggerFactory.getLogger(EngineLoader.class);
    /** Applying a tail costs more per message than a replay: past this, replay everything. */
    static final long MAX_TAIL = 2_000_000;
    private static final int TAIL_CHUNK = 10_000;

    private EngineLoader() {
    }

    static LiveEngine load(Store store, SnapshotFile snapshot) {
        long t0 = System.nanoTime();
        long lastSeq = store.messages().lastSeq();
        PopulationSnapshot.Restored restored = readSnapshot(snapshot, lastSeq);
        if (restored != null) {
            LiveEngine engine = engine(restored.population());
            long tail = applyTail(store, engine, restored.storeSeq());
            log.info("engine restored from snapshot (seq {}, {} profiles) plus {} later messages in {} ms",
                    restored.storeSeq(), restored.population().size(), tail, (System.nanoTime() - t0) / 1_000_000);
            return engine;
        }
        PopulationBuilder builder = new PopulationBuilder(Long.MAX_VALUE);
        long[] replayed = {0, 0};
        store.messages().replay(0, stored -> {
            Message m = StoredMessages.parse(stored);
            if (m != null) builder.accept(m);
            replayed[0]++;
            replayed[1] = Math.max(replayed[1], stored.seq());
        });
        Population population = builder.build();
        log.info("engine rebuilt from {} stored messages: {} profiles, {} events in {} ms", replayed[0], population.size(),
                population.eventCount(), (System.nanoTime() - t0) / 1_000_000);
        if (replayed[0] > 0) writeInBackground(population, replayed[1], snapshot);
        return engine(population);
    }

    private static LiveEngine engine(Population population) {
        return new LiveEngine(population, System::currentTimeMillis);
    }

    /** The snapshot when it exists, is intact, belongs to this store's past and leaves a small tail. */
    private static PopulationSnapshot.Restored readSnapshot(SnapshotFile snapshot, long lastSeq) {
        try {
            PopulationSnapshot.Restored r = PopulationSnapshot.read(snapshot.path());
            if (r.storeSeq() > lastSeq) {
                log.warn("snapshot {} covers seq {} but the store ends at {}: ignored", snapshot.path(), r.storeSeq(), lastSeq);
                return null;
            }
            if (lastSeq - r.storeSeq() > MAX_TAIL) {
                log.info("snapshot {} is {} messages behind: replaying the store instead", snapshot.path(), lastSeq - r.storeSeq());
                return null;
            }
            return r;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            log.warn("snapshot {} unusable ({}): replaying the store", snapshot.path(), e.getMessage());
            return null;
        }
    }

    private static long applyTail(Store store, LiveEngine engine, long afterSeq) {
        List<Message> chunk = new ArrayList<>(TAIL_CHUNK);
        long[] n = {0};
        store.messages().replay(afterSeq, stored -> {
            Message m = StoredMessages.parse(stored);
            n[0]++;
            if (m == null) return;
            chunk.add(m);
            if (chunk.size() == TAIL_CHUNK) {
                engine.apply(chunk);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) engine.apply(chunk);
        return n[0];
    }

    private static void writeInBackground(Population population, long storeSeq, SnapshotFile snapshot) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                PopulationSnapshot.write(population, storeSeq, snapshot.path());
                log.info("snapshot written: {} (seq {}) in {} ms", snapshot.path(), storeSeq, (System.nanoTime() - t0) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                log.warn("could not write the snapshot {}: {}", snapshot.path(), e.getMessage());
            }
        }, "strata-snapshot");
        t.setDaemon(true);
        t.start();
    }
}
