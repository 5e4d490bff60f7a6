package dev.strata.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads a Server-Sent Events stream into a queue of (event name, JSON data, instant received). */
final class SseClient implements AutoCloseable {
    record Event(String name, JsonNode data, long receivedAt) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final int status;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private Thread reader;

    SseClient(HttpClient http, String url, String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
        status = r.statusCode();
        reader = new Thread(() -> {
            String name = null;
            try {
                for (String line : (Iterable<String>) r.body()::iterator) {
                    if (line.startsWith("event:")) name = line.substring(6).strip();
                    else if (line.startsWith("data:")) {
                        events.add(new Event(name, TestServer.JSON.readTree(line.substring(5)), System.currentTimeMillis()));
                        name = null;
                    }
                }
            } catch (RuntimeException e) {
                // the stream was closed
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next event with this name, skipping others; null after the timeout. */
    Event next(String name, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) return null;
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) return null;
            if (name.equals(e.name())) return e;
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        reader.interrupt();
    }
}
