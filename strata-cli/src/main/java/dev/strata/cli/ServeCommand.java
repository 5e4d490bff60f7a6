package dev.strata.cli;

import dev.strata.server.OptionSources;
import dev.strata.server.RunningServer;
import dev.strata.server.ServerOptions;
import dev.strata.server.StrataServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata serve}: the server, configured by flags, STRATA_* environment variables or a properties file. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the Strata server: Segment-compatible ingestion on /v1, the management API on /api, "
                + "API docs on /docs, /health and /metrics. Flags win over STRATA_* environment variables, which win "
                + "over the --config file. The admin token and write key come from STRATA_ADMIN_TOKEN and "
                + "STRATA_WRITE_KEY, or are generated on the first start and printed once. See docs/operations.md.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database lives (default ./strata-data).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", description = "PostgreSQL instead of the embedded SQLite: jdbc:postgresql://host:5432/db?user=...&password=...")
    String database;

    @Option(names = "--demo", description = "Load a generated demo population and the example segments into an empty store.")
    Boolean demo;

    @Option(names = "--demo-profiles", paramLabel = "N", description = "Profiles in the demo population (default 20000).")
    Integer demoProfiles;

    @Option(names = "--log-format", paramLabel = "json|text", description = "Log lines as JSON (default) or plain text.")
    String logFormat;

    @Option(names = "--scorecard-rules", paramLabel = "FILE", description = "Scorecard rules as JSON (default: the built-in rules, examples/scorecard-rules.json).")
    Path scorecardRules;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with the same keys as the flags (port=8080, data-dir=...).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        put(flags, "port", port);
        put(flags, "host", host);
        put(flags, "data-dir", dataDir);
        put(flags, "database", database);
        put(flags, "demo", demo);
        put(flags, "demo-profiles", demoProfiles);
        put(flags, "log-format", logFormat);
        put(flags, "scorecard-rules", scorecardRules);
        put(flags, "config", config);
        ServerOptions options;
        try {
            options = OptionSources.resolve(flags, System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        RunningServer server;
        try {
            server = StrataServer.start(options);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            spec.commandLine().getErr().println("error: the server could not start: " + root.getMessage());
            return 1;
        }
        spec.commandLine().getErr().printf("strata listening on http://%s:%d (API docs: /docs)%n", options.host(), server.port());
        spec.commandLine().getErr().flush();
        server.awaitClose();
        return 0;
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) flags.put(key, value.toString());
    }
}
