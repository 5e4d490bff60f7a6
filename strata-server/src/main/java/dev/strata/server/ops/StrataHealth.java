package dev.strata.server.ops;

import dev.strata.live.LiveEngine;
import dev.strata.store.Store;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** /health: up when the store answers a query; shows the store kind, last seq and profile count. */
@Component("strata")
public class StrataHealth implements HealthIndicator {
    private final Store store;
    private final LiveEngine engine;

    public StrataHealth(Store store, LiveEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    @Override
    public Health health() {
        try {
            return Health.up()
                    .withDetail("store", store.kind())
                    .withDetail("lastSeq", store.messages().lastSeq())
                    .withDetail("profiles", engine.profileCount())
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", store.kind()).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
