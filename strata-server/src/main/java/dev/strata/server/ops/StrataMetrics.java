package dev.strata.server.ops;

import dev.strata.live.MembershipChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Strata's own meters, exported with the JVM's on /metrics (Prometheus): what ingestion accepted
 * and refused, how long commits and engine applications took, how memberships moved.
 */
@Component
public class StrataMetrics {
    private final MeterRegistry registry;
    private final Timer commit;
    private final Timer apply;
    private final Timer advance;
    private final Timer advanceLag;
    private final Counter entered;
    private final Counter exited;

    public StrataMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commit = Timer.builder("strata.ingest.commit").description("store append until durable")
                .publishPercentileHistogram().register(registry);
        this.apply = Timer.builder("strata.engine.apply").description("engine apply of committed messages")
                .publishPercentileHistogram().register(registry);
        this.advance = Timer.builder("strata.engine.advance").description("firing due time triggers").register(registry);
        this.advanceLag = Timer.builder("strata.engine.advance.lag")
                .description("how late a due time trigger fired after its instant").register(registry);
        this.entered = Counter.builder("strata.membership.changes").tag("direction", "entered").register(registry);
        this.exited = Counter.builder("strata.membership.changes").tag("direction", "exited").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** @param outcome stored, duplicate, erased, invalid */
    public void messages(String outcome, int n) {
        if (n > 0) registry.counter("strata.ingest.messages", "outcome", outcome).increment(n);
    }

    public void commit(long nanos) {
        commit.record(Duration.ofNanos(nanos));
    }

    public void apply(long nanos) {
        apply.record(Duration.ofNanos(nanos));
    }

    public void advance(long nanos, long lagMillis) {
        advance.record(Duration.ofNanos(nanos));
        advanceLag.record(Duration.ofMillis(Math.max(0, lagMillis)));
    }

    public void changes(List<MembershipChange> changes) {
        for (MembershipChange c : changes) (c.entered() ? entered : exited).increment();
    }

    /** @param outcome delivered, retried, dead */
    public void webhook(String outcome) {
        registry.counter("strata.webhook.deliveries", "outcome", outcome).increment();
    }

    public void failure(String what) {
        registry.counter("strata.failures", "what", what).increment();
    }
}
