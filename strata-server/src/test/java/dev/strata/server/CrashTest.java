package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server, in its own JVM, is killed with SIGKILL during heavy ingestion, several times in a row
 * on the same data directory. Afterwards every acknowledged message is present exactly once.
 */
class CrashTest {
    static final int ROUNDS = 5;
    static final int USERS = 20;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageIsStoredExactlyOnceAfterRepeatedKills() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < ROUNDS; round++) {
            Process server = startServer();
            try {
                int port = awaitPort(server);
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService load = Executors.newFixedThreadPool(4);
                List<CompletableFuture<Void>> senders = new ArrayList<>();
                int r = round;
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    senders.add(CompletableFuture.runAsync(() -> send(port, r, thread, stop, acknowledged), load));
                }
                Thread.sleep(random.nextInt(400, 1500));
                server.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
                server.waitFor(30, TimeUnit.SECONDS);
                stop.set(true);
                CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                load.shutdown();
            } finally {
                server.destroyForcibly();
            }
        }
        assertThat(acknowledged.size()).isGreaterThan(ROUNDS * 10);

        try (TestServer s = TestServer.start(dir)) {
            Map<String, Integer> seen = new HashMap<>();
            for (int u = 0; u < USERS; u++) {
                Response events = s.get("/api/profiles/crash-user-" + u + "/events?limit=10000");
                if (events.status() == 404) continue;
                for (JsonNode e : events.json().get("events")) seen.merge(e.get("messageId").asString(), 1, Integer::sum);
            }
            Set<String> twice = new HashSet<>();
            seen.forEach((id, n) -> {
                if (n > 1) twice.add(id);
            });
            assertThat(twice).as("stored more than once").isEmpty();
            assertThat(seen.keySet()).containsAll(acknowledged);
            long counted = 0;
            for (int u = 0; u < USERS; u++) {
                JsonNode p = s.get("/api/profiles/crash-user-" + u).json();
                if (p.has("eventCounts") && p.get("eventCounts").has("Beat")) counted += p.get("eventCounts").get("Beat").asLong();
            }
            assertThat(counted).as("the engine counts each stored message once").isEqualTo(seen.size());
        }
    }

    private Process startServer() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), StrataServer.class.getName());
        Map<String, String> env = pb.environment();
        env.put("STRATA_PORT", "0");
        env.put("STRATA_DATA_DIR", dir.toString());
        env.put("STRATA_ADMIN_TOKEN", TestServer.ADMIN);
        env.put("STRATA_WRITE_KEY", TestServer.WRITE_KEY);
        env.put("STRATA_LOG_FORMAT", "text");
        env.put("STRATA_PRINT_SECRETS", "false");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static int awaitPort(Process server) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = err.readLine()) != null) {
                    int at = line.indexOf("strata listening on http://");
                    if (at >= 0) {
                        Thread drain = new Thread(() -> {
                            try {
                                while (err.readLine() != null) {
                                    // keep the pipe from filling up
                                }
                            } catch (java.io.IOException ignored) {
                                // the process died
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
                    }
                }
                throw new IllegalStateException("the server exited before listening");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return port.get(120, TimeUnit.SECONDS);
    }

    private static void send(int port, int round, int thread, AtomicBoolean stop, Set<String> acknowledged) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int b = 0; !stop.get(); b++) {
            List<String> ids = new ArrayList<>();
            List<String> ms = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = "crash-" + round + "-" + thread + "-" + b + "-" + i;
                ids.add(id);
                ms.add(Messages.track("crash-user-" + (i % USERS), "Beat", id, Instant.now()));
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/batch"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", TestServer.basic(TestServer.WRITE_KEY))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Messages.batch(ms.toArray(String[]::new)))).build();
            try {
                HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) acknowledged.addAll(ids);
            } catch (java.io.IOException e) {
                return; // killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
