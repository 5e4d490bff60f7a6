package dev.strata.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server is configured with. Built from flags, environment and a properties file by
 * {@link OptionSources}, or directly with {@link #builder()} (tests, embedding).
 *
 * @param host              address to listen on
 * @param port              0 picks a free port
 * @param dataDir           where the embedded database (and demo files) live
 * @param databaseUrl       a JDBC URL for PostgreSQL, or null for the embedded SQLite store in dataDir
 * @param demo              load a generated demo population and the example segments into an empty store
 * @param demoProfiles      how many demo profiles to generate
 * @param adminToken        the admin bearer token to accept; null: generate one on first start
 * @param writeKey          the write key to accept on /v1; null: generate one on first start
 * @param jsonLogs          structured JSON logs (true) or plain text lines
 * @param shutdownGrace     how long in-flight requests may take to finish on shutdown
 * @param webhookAttempts   deliveries tried per webhook call before it goes to the dead letters
 * @param webhookBackoff    delay before the first retry; doubled for each later one
 * @param webhookTimeout    how long one delivery may take
 * @param printSecrets      print generated secrets once on standard output
 * @param scorecardRules    a JSON file of scorecard rules; null for the rules Strata ships
 */
public record ServerOptions(String host, int port, Path dataDir, String databaseUrl, boolean demo, int demoProfiles,
                            String adminToken, String writeKey, boolean jsonLogs, Duration shutdownGrace,
                            int webhookAttempts, Duration webhookBackoff, Duration webhookTimeout,
                            boolean printSecrets, Path scorecardRules) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_DEMO_PROFILES = 20_000;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(webhookBackoff, "webhookBackoff");
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (demoProfiles < 0) throw new IllegalArgumentException("demo profiles must be >= 0, got " + demoProfiles);
        if (webhookAttempts < 1) throw new IllegalArgumentException("webhook attempts must be >= 1, got " + webhookAttempts);
        if (databaseUrl != null && databaseUrl.isBlank()) databaseUrl = null;
        if (adminToken != null && adminToken.isBlank()) adminToken = null;
        if (writeKey != null && writeKey.isBlank()) writeKey = null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dataDir(dataDir).databaseUrl(databaseUrl).demo(demo)
                .demoProfiles(demoProfiles).adminToken(adminToken).writeKey(writeKey).jsonLogs(jsonLogs)
                .shutdownGrace(shutdownGrace).webhookAttempts(webhookAttempts).webhookBackoff(webhookBackoff)
                .webhookTimeout(webhookTimeout).printSecrets(printSecrets).scorecardRules(scorecardRules);
    }

    /** Defaults: 127.0.0.1:8080, ./strata-data, SQLite, JSON logs, 30 s grace, 6 webhook attempts from 1 s. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of("strata-data");
        private String databaseUrl;
        private boolean demo;
        private int demoProfiles = DEFAULT_DEMO_PROFILES;
        private String adminToken;
        private String writeKey;
        private boolean jsonLogs = true;
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private int webhookAttempts = 6;
        private Duration webhookBackoff = Duration.ofSeconds(1);
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private boolean printSecrets = true;
        private Path scorecardRules;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder databaseUrl(String v) { databaseUrl = v; return this; }
        public Builder demo(boolean v) { demo = v; return this; }
        public Builder demoProfiles(int v) { demoProfiles = v; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder writeKey(String v) { writeKey = v; return this; }
        public Builder jsonLogs(boolean v) { jsonLogs = v; return this; }
        public Builder shutdownGrace(Duration v) { shutdownGrace = v; return this; }
        public Builder webhookAttempts(int v) { webhookAttempts = v; return this; }
        public Builder webhookBackoff(Duration v) { webhookBackoff = v; return this; }
        public Builder webhookTimeout(Duration v) { webhookTimeout = v; return this; }
        public Builder printSecrets(boolean v) { printSecrets = v; return this; }
        public Builder scorecardRules(Path v) { scorecardRules = v; return this; }

        public ServerOptions build() {
            return new ServerOptions(host, port, dataDir, databaseUrl, demo, demoProfiles, adminToken, writeKey,
                    jsonLogs, shutdownGrace, webhookAttempts, webhookBackoff, webhookTimeout, printSecrets, scorecardRules);
        }
    }
}
