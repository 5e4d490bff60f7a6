package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionSourcesTest {
    @TempDir
    Path dir;

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = dir.resolve("strata.properties");
        Files.writeString(file, "port=7001\ndata-dir=/from/file\ndatabase=jdbc:postgresql://db/strata\nwebhook-backoff=250ms\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("config", file.toString());
        flags.put("port", "7003");
        flags.put("demo", null); // a flag not given
        Map<String, String> env = Map.of("STRATA_PORT", "7002", "STRATA_DATA_DIR", "/from/env", "STRATA_ADMIN_TOKEN", "secret-admin");
        ServerOptions o = OptionSources.resolve(flags, env);
        assertThat(o.port()).isEqualTo(7003);
        assertThat(o.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(o.databaseUrl()).isEqualTo("jdbc:postgresql://db/strata");
        assertThat(o.webhookBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.adminToken()).isEqualTo("secret-admin");
        assertThat(o.demo()).isFalse();
    }

    @Test
    void theConfigFileCanComeFromTheEnvironment() throws Exception {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "demo=true\ndemo-profiles=500\nlog-format=text\nshutdown-grace=PT5S\n");
        ServerOptions o = OptionSources.resolve(Map.of(), Map.of("STRATA_CONFIG", file.toString()));
        assertThat(o.demo()).isTrue();
        assertThat(o.demoProfiles()).isEqualTo(500);
        assertThat(o.jsonLogs()).isFalse();
        assertThat(o.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.port()).isEqualTo(ServerOptions.DEFAULT_PORT);
    }

    @Test
    void errorsNameTheKeyTheValueAndWhereItCameFrom() throws Exception {
        assertThatThrownBy(() -> OptionSources.resolve(Map.of(), Map.of("STRATA_PORT", "eighty")))
                .hasMessageContaining("STRATA_PORT").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> OptionSources.resolve(Map.of("port", "70000"), Map.of()))
                .hasMessageContaining("port must be 0..65535, got 70000");
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "prot=1\n");
        assertThatThrownBy(() -> OptionSources.resolve(Map.of("config", file.toString()), Map.of()))
                .hasMessageContaining("unknown key 'prot'");
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "webhook-timeout=soon\n");
        assertThatThrownBy(() -> OptionSources.resolve(Map.of("config", bad.toString()), Map.of()))
                .hasMessageContaining("webhook-timeout in " + bad);
        assertThatThrownBy(() -> OptionSources.resolve(Map.of("config", dir.resolve("missing").toString()), Map.of()))
                .hasMessageContaining("cannot read the configuration file");
    }
}
