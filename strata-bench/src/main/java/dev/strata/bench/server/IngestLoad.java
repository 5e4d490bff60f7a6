package dev.strata.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata bench ingest}: a load generator for a running server. Reads an NDJSON file of
 * Segment-spec messages (as {@code strata generate} writes), groups them into {@code /v1/batch}
 * bodies before the clock starts, then posts them from several connections and reports the
 * durable ingestion rate (every 200 is a committed batch) and request latencies.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Posts an NDJSON file to a running server through /v1/batch and reports events/s.")
public final class IngestLoad implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--write-key", required = true, description = "The server's write key.")
    String writeKey;

    @Option(names = "--file", required = true, description = "NDJSON (or .gz) of Segment-spec messages.")
    Path file;

    @Option(names = "--batch-size", defaultValue = "100", description = "Messages per /v1/batch request (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--connections", defaultValue = "8", description = "Concurrent requests (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--limit", defaultValue = "1000000", description = "Messages to send at most (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--skip", defaultValue = "0", description = "Messages to skip at the start of the file (default: ${DEFAULT-VALUE}).")
    int skip;

    @Option(names = "--message-id-prefix", paramLabel = "P",
            description = "Rewrites generated messageIds \"m-…\" to \"P-…\", so a file already stored can be sent again as new messages"
                    + " for the same profiles (otherwise they are duplicates, which cost less).")
    String messageIdPrefix;

    @Override
    public Integer call() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        readBatches(bodies, sizes);
        int total = sizes.stream().mapToInt(Integer::intValue).sum();
        System.err.printf(Locale.ROOT, "%d messages in %d batches of up to %d; %d connections%n", total, bodies.size(), batchSize, connections);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        URI target = URI.create(url + "/v1/batch");
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[bodies.size()];
        int[] statuses = new int[bodies.size()];
        Thread[] workers = new Thread[connections];
        long start = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest req = HttpRequest.newBuilder(target).header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                    long t0 = System.nanoTime();
                    try {
                        statuses[i] = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException | InterruptedException e) {
                        statuses[i] = -1;
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<Integer, Integer> byStatus = new TreeMap<>();
        long ok = 0;
        for (int i = 0; i < statuses.length; i++) {
            byStatus.merge(statuses[i], 1, Integer::sum);
            if (statuses[i] == 200) ok += sizes.get(i);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "sent %d messages in %.2f s: %.0f acknowledged events/s%n", total, seconds, ok / seconds);
        System.out.printf(Locale.ROOT, "request latency ms: p50 %.2f  p99 %.2f  max %.2f%n",
                pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        System.out.println("answers by status: " + byStatus);
        return byStatus.keySet().stream().allMatch(s -> s == 200) ? 0 : 1;
    }

    private void readBatches(List<byte[]> bodies, List<Integer> sizes) throws IOException {
        var in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder sb = new StringBuilder();
            int inBatch = 0;
            int read = 0;
            String line;
            while ((line = r.readLine()) != null && read < skip + limit) {
                if (line.isBlank()) continue;
                if (read++ < skip) continue;
                if (messageIdPrefix != null) line = line.replace("\"messageId\":\"m-", "\"messageId\":\"" + messageIdPrefix + "-");
                sb.append(inBatch == 0 ? "{\"batch\":[" : ",").append(line);
                if (++inBatch == batchSize) {
                    bodies.add(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                    sizes.add(inBatch);
                    sb.setLength(0);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                bodies.add(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                sizes.add(inBatch);
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestLoad()).execute(args));
    }
}
