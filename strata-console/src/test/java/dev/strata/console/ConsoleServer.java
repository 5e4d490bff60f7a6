package dev.strata.console;

import dev.strata.server.RunningServer;
import dev.strata.server.ServerOptions;
import dev.strata.server.StrataServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server, with the console on its classpath, over a fresh data directory holding the
 * generated demo population (deterministic apart from its end, the current hour) and the example
 * segments; plus an HTTP client to compare what the console shows with what the API says.
 */
public final class ConsoleServer implements AutoCloseable {
    public static final String ADMIN = "console-test-admin-token-0123456789";
    static final String WRITE_KEY = "console-test-write-key-0123456789";
    /** Small enough to start in a few seconds, large enough that most example segments hold 11 or more. */
    static final int PROFILES = 1500;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer. */
    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final RunningServer server;
    private final Path dataDir;
    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleServer(RunningServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        tokens.put("admin", ADMIN);
    }

    public static ConsoleServer start() {
        try {
            Path dir = Files.createTempDirectory("strata-console-test");
            ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).dataDir(dir).adminToken(ADMIN)
                    .writeKey(WRITE_KEY).jsonLogs(false).printSecrets(false).demo(true).demoProfiles(PROFILES)
                    .shutdownGrace(Duration.ofSeconds(5)).build();
            return new ConsoleServer(StrataServer.start(options), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A token of the role ("admin", "editor", "analyst", "ingest"), created through the API once. */
    public synchronized String token(String role) {
        return tokens.computeIfAbsent(role, r -> {
            Response res = send("POST", "/api/tokens", ADMIN,
                    "{\"name\":\"console " + r + "\",\"role\":\"" + r + "\"}");
            if (res.status() != 201) throw new IllegalStateException("token creation failed: " + res);
            return res.json().get("token").asString();
        });
    }

    /** A JSON call to the API as the role. */
    public Response api(String method, String path, String role, Object body) {
        return send(method, path, token(role), body == null ? null : JSON.writeValueAsString(body));
    }

    public Response get(String path) {
        return api("GET", path, "admin", null);
    }

    /** The size the API gives for a definition, through POST /api/segments/preview. */
    public JsonNode previewSize(String definition, String role) {
        Response r = api("POST", "/api/segments/preview", role, Map.of("definition", definition));
        if (r.status() != 200) throw new IllegalStateException("preview of " + definition + " failed: " + r);
        return r.json().get("size");
    }

    /** Any request; a null token sends none. */
    public Response send(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
