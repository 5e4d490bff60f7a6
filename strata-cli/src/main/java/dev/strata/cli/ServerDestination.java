package dev.strata.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends messages to a running server's {@code /v1/batch}, authenticated as Segment clients are
 * (HTTP Basic, the write key or an ingest/admin token as user name), in bodies under the 500 KB limit.
 * A failed request stops the import: its messages may be sent again safely (their messageIds dedupe).
 */
final class ServerDestination implements MessageDestination {
    /** Under the server's 500 KB batch limit, with room for the envelope. */
    private static final int MAX_BODY = 480 * 1024;
    private static final int MAX_REPORTED = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI batchUri;
    private final String authorization;
    private final PrintWriter err;
    private final StringBuilder body = new StringBuilder(MAX_BODY + 64 * 1024);
    private int inBody;
    private long stored;
    private long duplicates;
    private long refused;

    ServerDestination(String server, String token, PrintWriter err) {
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.batchUri = URI.create(base + "/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
        this.err = err;
    }

    @Override
    public void accept(String line) throws Exception {
        if (inBody > 0 && body.length() + line.length() + 16 > MAX_BODY) send();
        body.append(inBody == 0 ? "{\"batch\":[" : ",").append(line);
        inBody++;
    }

    private void send() throws Exception {
        body.append("]}");
        HttpRequest req = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = res.body().isEmpty() ? json.createObjectNode() : json.readTree(res.body());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(batchUri + " answered " + res.statusCode() + ": " + answer.path("error").asString(res.body()));
        }
        stored += answer.path("stored").asLong();
        duplicates += answer.path("duplicates").asLong();
        for (JsonNode r : answer.path("rejected")) {
            refused++;
            if (refused <= MAX_REPORTED) err.println("refused by the server: " + r.path("reason").asString());
        }
        body.setLength(0);
        inBody = 0;
    }

    @Override
    public void finish() throws Exception {
        if (inBody > 0) send();
    }

    @Override public long stored() { return stored; }
    @Override public long duplicates() { return duplicates; }
    @Override public long refused() { return refused; }
}
