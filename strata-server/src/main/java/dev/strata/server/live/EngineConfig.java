package dev.strata.server.live;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.live.LiveEngine;
import dev.strata.model.Message;
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
 * The store and the engine, built once at start: the engine is rebuilt from every stored message
 * (the store is the source of truth), then every saved segment is defined in it.
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
    public LiveEngine liveEngine(Store store, ServerOptions options) {
        if (options.demo()) DemoPopulation.loadIfEmpty(store, options.dataDir(), options.demoProfiles());
        long t0 = System.nanoTime();
        PopulationBuilder builder = new PopulationBuilder(Long.MAX_VALUE);
        long[] replayed = new long[1];
        store.messages().replay(0, stored -> {
            Message m = StoredMessages.parse(stored);
            if (m != null) builder.accept(m);
            replayed[0]++;
        });
        Population population = builder.build();
        LiveEngine engine = new LiveEngine(population,
                userKey -> StoredMessages.parseAll(store.messages().messagesOf(userKey)), System::currentTimeMillis);
        long t1 = System.nanoTime();
        int segments = SavedSegments.installAll(engine, store.segments());
        log.info("engine rebuilt: {} stored messages, {} profiles, {} events replayed in {} ms; {} segments defined in {} ms",
                replayed[0], population.size(), population.eventCount(), (t1 - t0) / 1_000_000, segments,
                (System.nanoTime() - t1) / 1_000_000);
        return engine;
    }
}
