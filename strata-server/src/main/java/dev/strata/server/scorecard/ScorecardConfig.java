package dev.strata.server.scorecard;

import dev.strata.scorecard.ScorecardRules;
import dev.strata.scorecard.ScorecardRulesReader;
import dev.strata.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ScorecardConfig {
    /** The rules of the {@code scorecard-rules} file, or the built-in ones; a bad file stops the start. */
    @Bean
    public ScorecardRules scorecardRules(ServerOptions options) throws IOException {
        if (options.scorecardRules() == null) return ScorecardRulesReader.defaults();
        if (!Files.isRegularFile(options.scorecardRules())) {
            throw new IllegalArgumentException("scorecard-rules: no such file " + options.scorecardRules());
        }
        return ScorecardRulesReader.read(Files.readString(options.scorecardRules()), options.scorecardRules().toString());
    }
}
