package dev.strata.server;

import dev.strata.server.security.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real server on a free port over a data directory, and an HTTP client speaking to it. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "test-admin-token-0123456789abcdef";
    public static final String WRITE_KEY = "test-write-key-0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer. */
    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public final RunningServer server;
    public final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    private TestServer(RunningServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        tokens.put(Role.ADMIN, ADMIN);
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, b -> { });
    }

    public static TestServer start(Path dataDir, Consumer<ServerOptions.Builder> tweak) {
        ServerOptions.Builder b = ServerOptions.builder().port(0).dataDir(dataDir).adminToken(ADMIN).writeKey(WRITE_KEY)
                .jsonLogs(false).printSecrets(false).webhookAttempts(3).webhookBackoff(Duration.ofMillis(20))
                .webhookTimeout(Duration.ofSeconds(2)).shutdownGrace(Duration.ofSeconds(10));
        tweak.accept(b);
        return new TestServer(StrataServer.start(b.build()), dataDir);
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A token of the role, created through the API the first time. */
    public String token(Role role) {
        return tokens.computeIfAbsent(role, r -> {
            Response res = send("POST", "/api/tokens", bearer(ADMIN), "application/json",
                    "{\"name\":\"test " + r.wireName() + "\",\"role\":\"" + r.wireName() + "\"}");
            if (res.status() != 201) throw new IllegalStateException("token creation failed: " + res);
            return res.json().get("token").asString();
        });
    }

    /** POSTs a message or batch to /v1 with the write key. */
    public Response ingest(String call, String json) {
        return send("POST", "/v1/" + call, basic(WRITE_KEY), "application/json", json);
    }

    public Response api(String method, String path, Role role) {
        return send(method, path, bearer(token(role)), null, null);
    }

    public Response api(String method, String path, Role role, String json) {
        return send(method, path, bearer(token(role)), "application/json", json);
    }

    public Response get(String path) {
        return api("GET", path, Role.ADMIN);
    }

    /** Creates a segment as admin and returns its id. */
    public String createSegment(String name, String definition) {
        Response r = api("POST", "/api/segments", Role.ADMIN, "{\"name\":" + JSON.writeValueAsString(name)
                + ",\"definition\":" + JSON.writeValueAsString(definition) + "}");
        if (r.status() != 201) throw new IllegalStateException("segment creation failed: " + r);
        return r.json().get("id").asString();
    }

    public Response send(String method, String path, String authorization, String contentType, String body) {
        return sendBytes(method, path, authorization, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public Response sendBytes(String method, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) b.header("Authorization", authorization);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.close();
    }
}
