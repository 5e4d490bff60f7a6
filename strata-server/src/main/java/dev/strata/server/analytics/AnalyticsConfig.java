package dev.strata.server.analytics;

import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AnalyticsConfig {
    @Bean
    public LiveAnalytics liveAnalytics(LiveEngine engine) {
        return new LiveAnalytics(engine);
    }
}
