package dev.strata.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link ServerOptions} from three sources, the first that has a key winning: command-line
 * flags, environment variables ({@code STRATA_} + the key upper-cased with '_' for '-', e.g.
 * {@code STRATA_DATA_DIR}), then a properties file given by the {@code config} key
 * ({@code --config FILE} or {@code STRATA_CONFIG}) whose keys are the flag names without dashes
 * in front ({@code data-dir=/var/lib/strata}).
 */
public final class OptionSources {

    /** Every key the server understands, in the order they are documented. */
    public static final List<String> KEYS = List.of("host", "port", "data-dir", "database", "demo", "demo-profiles",
            "admin-token", "write-key", "log-format", "shutdown-grace", "webhook-attempts", "webhook-backoff",
            "webhook-timeout", "print-secrets", "scorecard-rules");

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final String fileName;

    private OptionSources(Map<String, String> flags, Map<String, String> env, Map<String, String> file, String fileName) {
        this.flags = flags;
        this.env = env;
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * @param flags values given on the command line by key (absent or null: not given)
     * @param env   the environment, usually {@link System#getenv()}
     * @throws IllegalArgumentException naming the key, the value and where it came from when a value is invalid
     */
    public static ServerOptions resolve(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> f = new LinkedHashMap<>();
        flags.forEach((k, v) -> {
            if (v != null) f.put(k, v);
        });
        String config = f.containsKey("config") ? f.get("config") : env.get("STRATA_CONFIG");
        Map<String, String> fromFile = config == null || config.isBlank() ? Map.of() : readFile(Path.of(config));
        return new OptionSources(f, env, fromFile, config).options();
    }

    static String envName(String key) {
        return "STRATA_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<String, String> readFile(Path path) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' in " + path + " (known: " + String.join(", ", KEYS) + ")");
            }
            out.put(name, p.getProperty(name).strip());
        }
        return out;
    }

    private ServerOptions options() {
        ServerOptions.Builder b = ServerOptions.builder();
        ifSet("host", b::host);
        ifSet("port", v -> b.port(integer("port", v)));
        ifSet("data-dir", v -> b.dataDir(Path.of(v)));
        ifSet("database", b::databaseUrl);
        ifSet("demo", v -> b.demo(bool("demo", v)));
        ifSet("demo-profiles", v -> b.demoProfiles(integer("demo-profiles", v)));
        ifSet("admin-token", b::adminToken);
        ifSet("write-key", b::writeKey);
        ifSet("log-format", v -> b.jsonLogs(logFormat(v)));
        ifSet("shutdown-grace", v -> b.shutdownGrace(duration("shutdown-grace", v)));
        ifSet("webhook-attempts", v -> b.webhookAttempts(integer("webhook-attempts", v)));
        ifSet("webhook-backoff", v -> b.webhookBackoff(duration("webhook-backoff", v)));
        ifSet("webhook-timeout", v -> b.webhookTimeout(duration("webhook-timeout", v)));
        ifSet("print-secrets", v -> b.printSecrets(bool("print-secrets", v)));
        ifSet("scorecard-rules", v -> b.scorecardRules(v.isBlank() ? null : Path.of(v)));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid server options: " + e.getMessage(), e);
        }
    }

    private void ifSet(String key, java.util.function.Consumer<String> apply) {
        String v = value(key);
        if (v != null) apply.accept(v);
    }

    private String value(String key) {
        if (flags.containsKey(key)) return flags.get(key);
        String e = env.get(envName(key));
        if (e != null) return e;
        return file.get(key);
    }

    private String origin(String key) {
        if (flags.containsKey(key)) return "--" + key;
        if (env.get(envName(key)) != null) return envName(key);
        return key + " in " + fileName;
    }

    private int integer(String key, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw bad(key, v, "expected a whole number");
        }
    }

    private boolean bool(String key, String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("1") || s.equals("yes")) return true;
        if (s.equals("false") || s.equals("0") || s.equals("no")) return false;
        throw bad(key, v, "expected true or false");
    }

    private boolean logFormat(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("json")) return true;
        if (s.equals("text")) return false;
        throw bad("log-format", v, "expected json or text");
    }

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    Duration duration(String key, String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) return Duration.parse(s.toUpperCase(Locale.ROOT));
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            switch (s.charAt(s.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                default: throw bad(key, v, "expected a duration such as 250ms, 30s, 5m or PT30S");
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw bad(key, v, "expected a duration such as 250ms, 30s, 5m or PT30S");
        }
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(origin(key) + ": '" + value + "' is not valid: " + expected);
    }
}
