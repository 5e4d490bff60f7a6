package dev.strata.server.live;

import dev.strata.live.LiveEngine;
import dev.strata.server.ServerOptions;
import dev.strata.server.ingest.DemoPopulation;
import dev.strata.server.segments.SavedSegments;
import dev.strata.store.Store;
import dev.strata.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store and the engine, built once at start: the engine is rebuilt from the store (the source
 * of truth; see {@link EngineLoader}), then every saved segment is defined in it.
 */
@Configuration
public class EngineConfig {
    private static final Logger log = LoggerFactory.getLogger(EngineConfig.class);

    @Bean(destroyMethod = "close")
    public Store store(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDir().toAbsolutePath(), e);
        }
        Store store = Stores.open(options.databaseUrl(), options.dataDir());
        log.info("store opened: {} ({})", store.kind(), options.databaseUrl() == null
                ? options.dataDir().toAbsolutePath() : "database from --database");
        return store;
    }

    @Bean
    public LiveEngine liveEngine(Store store, ServerOptions options, SnapshotFile snapshot) {
        if (options.demo()) DemoPopulation.loadIfEmpty(store, options.dataDir(), options.demoProfiles());
        LiveEngine engine = EngineLoader.load(store, snapshot);
        long t0 = System.nanoTime();
        int segments = SavedSegments.installAll(engine, store.segments());
        log.info("{} segments defined in {} ms", segments, (System.nanoTime() - t0) / 1_000_000);
        return engine;
    }
}
