package dev.strata.server.ops;

import dev.strata.live.LiveEngine;
import dev.strata.server.segments.ChangeStreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Gauges read at scrape time: profiles known, time triggers waiting, open change streams. */
@Component
public class EngineGauges {
    public EngineGauges(MeterRegistry registry, LiveEngine engine, ChangeStreams streams) {
        Gauge.builder("strata.profiles", engine, LiveEngine::profileCount).description("profiles known to the engine").register(registry);
        Gauge.builder("strata.engine.triggers", engine, LiveEngine::pendingTriggers)
                .description("time triggers waiting (instants at which a membership may change)").register(registry);
        Gauge.builder("strata.sse.subscribers", streams, ChangeStreams::subscribers).description("open change streams").register(registry);
    }
}
