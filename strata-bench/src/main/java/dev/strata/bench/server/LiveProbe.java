package dev.strata.bench.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata bench live}: measures, against a running server, (1) how long after the ingest
 * answer a membership change is visible through the API, and (2) how late an exit caused by a
 * window sliding past an event arrives on the change stream, relative to the instant it is due.
 * Run it alone, or beside {@code strata bench ingest} to measure under load.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Ingest-to-visible latency and window-expiry lag against a running server.")
public final class LiveProbe implements Callable<Integer> {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CHANGE = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\".*\"change\"\\s*:\\s*\"exited\"");

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--write-key", required = true)
    String writeKey;

    @Option(names = "--admin-token", required = true)
    String adminToken;

    @Option(names = "--probes", defaultValue = "2000", description = "Messages timed for visibility (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--expiries", defaultValue = "300", description = "Profiles whose window expiry is timed (default: ${DEFAULT-VALUE}).")
    int expiries;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Override
    public Integer call() throws Exception {
        visibility();
        expiry();
        return 0;
    }

    private void visibility() throws Exception {
        String segment = createSegment("probe visibility " + run, "did \"Strata Probe " + run + "\" within 1h");
        long[] lat = new long[probes];
        int polls = 0;
        for (int i = 0; i < probes; i++) {
            String user = "probe-" + run + "-" + i;
            String body = "{\"userId\":\"" + user + "\",\"event\":\"Strata Probe " + run + "\",\"messageId\":\"" + user
                    + "\",\"timestamp\":\"" + Instant.now() + "\"}";
            int status = post("/v1/track", body, basic()).statusCode();
            long answered = System.nanoTime();
            if (status != 200) throw new IllegalStateException("track answered " + status);
            while (true) {
                polls++;
                String profile = get("/api/profiles/" + URLEncoder.encode(user, StandardCharsets.UTF_8)).body();
                if (profile.contains(segment)) break;
                if (System.nanoTime() - answered > TimeUnit.SECONDS.toNanos(10)) throw new IllegalStateException(user + " not visible after 10 s");
            }
            lat[i] = System.nanoTime() - answered;
        }
        Arrays.sort(lat);
        System.out.printf(Locale.ROOT, "visibility after the ingest answer (%d probes, %d profile reads): p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                probes, polls, pct(lat, .5), pct(lat, .99), lat[lat.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  (each figure includes at least one profile read over HTTP; reads beyond the first per probe: %d)%n",
                polls - probes);
    }

    private void expiry() throws Exception {
        String event = "Strata Expiry " + run;
        String segment = createSegment("probe expiry " + run, "did \"" + event + "\" within 1h");
        Map<String, Long> due = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(expiries);
        HttpRequest stream = HttpRequest.newBuilder(URI.create(url + "/api/segments/" + segment + "/changes/stream"))
                .header("Authorization", "Bearer " + adminToken).GET().build();
        var lines = client.sendAsync(stream, HttpResponse.BodyHandlers.ofLines());
        lines.thenAccept(r -> r.body().forEach(line -> {
            if (line.startsWith("event:subscribed")) subscribed.countDown();
            Matcher m = CHANGE.matcher(line);
            if (m.find() && seen.putIfAbsent(m.group(1), System.currentTimeMillis()) == null) all.countDown();
        }));
        if (!subscribed.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("no subscribed event on the change stream");
        long base = System.currentTimeMillis() - 3_600_000L + 5_000L; // exits fall due from 5 s from now
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < expiries; i++) {
            String user = "expiry-" + run + "-" + i;
            long t = base + i * 10L;
            due.put(user, t + 3_600_000L);
            if (i > 0) batch.append(',');
            batch.append("{\"type\":\"track\",\"userId\":\"").append(user).append("\",\"event\":\"").append(event)
                    .append("\",\"messageId\":\"").append(user).append("\",\"timestamp\":\"").append(Instant.ofEpochMilli(t)).append("\"}");
        }
        int status = post("/v1/batch", batch.append("]}").toString(), basic()).statusCode();
        if (status != 200) throw new IllegalStateException("batch answered " + status);
        if (!all.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("only " + seen.size() + " of " + expiries + " exits arrived");
        long[] lag = new long[expiries];
        int i = 0;
        for (Map.Entry<String, Long> e : seen.entrySet()) lag[i++] = (e.getValue() - due.get(e.getKey())) * 1_000_000L;
        Arrays.sort(lag);
        System.out.printf(Locale.ROOT, "window-expiry lag on the change stream (%d exits due over %.1f s): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                expiries, expiries * 10 / 1000.0, pct(lag, .5), pct(lag, .99), lag[lag.length - 1] / 1e6);
        lines.cancel(true);
    }

    private String createSegment(String name, String definition) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + name + "\",\"definition\":" + quote(definition) + ",\"kind\":\"dynamic\"}";
        HttpResponse<String> r = post("/api/segments", body, "Bearer " + adminToken);
        if (r.statusCode() != 201) throw new IllegalStateException("creating a segment answered " + r.statusCode() + ": " + r.body());
        Matcher m = ID.matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no id in " + r.body());
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String body, String auth) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveProbe()).execute(args));
    }
}
