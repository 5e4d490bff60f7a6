package dev.strata.store;

import dev.strata.store.MessageLog.Appended;
import dev.strata.store.MessageLog.Outcome;
import dev.strata.store.MessageLog.Pending;
import dev.strata.store.sql.SqlStore;
import dev.strata.store.testing.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable append throughput of the message log: T threads each append batches of B Segment-like
 * track messages (UUID messageIds, ~330-byte bodies) and wait for each commit, for a fixed time.
 * Prints messages/s, commits, messages per commit and batch latency, then the time a reopen takes
 * to load the stored messageIds.
 *
 * <pre>
 * mvn -q -pl strata-store test-compile
 * java -cp "$(cat strata-store/target/bench.cp):strata-store/target/classes:strata-store/target/test-classes" \
 *     dev.strata.store.AppendBench [sqlite|postgresql|both] [threads=8] [batch=100] [seconds=20] [--unique-index] [--plain-user-index]
 * </pre>
 * (bench.cp from {@code mvn -q -pl strata-store dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * -Dmdep.includeScope=test}.) Variants measured for the design notes in docs/store.md:
 * {@code --unique-index} adds a unique index on message_id (deduplicating in the database instead of
 * in memory); {@code --plain-user-index} replaces the bucketed per-user index by a plain one on user_key.
 */
public final class AppendBench {

    public static void main(String[] args) throws Exception {
        List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        String which = positional.size() > 0 ? positional.get(0) : "both";
        int threads = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 8;
        int batch = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 100;
        int seconds = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 20;
        boolean uniqueIndex = Arrays.asList(args).contains("--unique-index");
        boolean plainUserIndex = Arrays.asList(args).contains("--plain-user-index");
        if (!which.equals("postgresql")) {
            Path dir = Files.createTempDirectory("strata-append-bench");
            run("sqlite", () -> Stores.open(null, dir), threads, batch, seconds, uniqueIndex, plainUserIndex);
        }
        if (!which.equals("sqlite")) {
            String url = EmbeddedPostgresServer.newDatabase();
            run("postgresql", () -> Stores.open(url, null), threads, batch, seconds, uniqueIndex, plainUserIndex);
        }
        System.exit(0); // the embedded PostgreSQL server stops through its shutdown hook
    }

    interface Opener {
        Store open();
    }

    static void run(String name, Opener opener, int threads, int batch, int seconds, boolean uniqueIndex,
                    boolean plainUserIndex) throws Exception {
        Store store = opener.open();
        List<String> variant = new ArrayList<>();
        if (uniqueIndex) variant.add("CREATE UNIQUE INDEX messages_message_id ON messages (message_id)");
        if (plainUserIndex) {
            variant.add("DROP INDEX messages_by_user");
            variant.add("CREATE INDEX messages_user_key ON messages (user_key)");
        }
        ((SqlStore) store).messages().onWriterConnection(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : variant) st.execute(sql);
            }
            return null;
        });
        // warm-up: JIT, connections, file growth
        measure(store, threads, batch, 3);
        long commitsBefore = ((SqlStore) store).messages().commits();
        Result r = measure(store, threads, batch, seconds);
        long commits = ((SqlStore) store).messages().commits() - commitsBefore;
        long stored = store.messages().count();
        store.close();

        long reopenStart = System.nanoTime();
        Store again = opener.open();
        long reopened = again.messages().count();
        long reopenMs = (System.nanoTime() - reopenStart) / 1_000_000;
        long lookupStart = System.nanoTime();
        long found = 0;
        for (int i = 0; i < 100; i++) found += again.messages().messagesOf("user-" + ThreadLocalRandom.current().nextInt(1_000_000)).size();
        double lookupMs = (System.nanoTime() - lookupStart) / 1e6 / 100;
        again.close();

        System.out.printf("%s%s: %d threads x %d-message batches for %d s: %,.0f messages/s (%,d messages, %,d commits,"
                        + " %.0f messages/commit), batch latency p50 %.1f ms p99 %.1f ms; reopen with %,d messages"
                        + " (messageIds loaded) %,d ms; messagesOf %.2f ms on average (%.1f messages)%n",
                name, (uniqueIndex ? " +unique index on message_id" : "")
                        + (plainUserIndex ? " with a plain (user_key) index" : ""), threads, batch, seconds,
                r.messages / (r.nanos / 1e9), r.messages, commits, (double) r.messages / Math.max(1, commits),
                r.percentile(0.50), r.percentile(0.99), reopened, reopenMs, lookupMs, found / 100.0);
        if (reopened != stored) throw new IllegalStateException("reopen found " + reopened + " messages, not " + stored);
    }

    static Result measure(Store store, int threads, int batch, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong messages = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[1 << 20];
            latencies.add(lat);
            Thread worker = new Thread(() -> {
                int n = 0;
                try {
                    start.await();
                    while (running.get()) {
                        List<Pending> pending = batch(batch);
                        long t0 = System.nanoTime();
                        List<Appended> out = store.messages().append(pending).get(60, TimeUnit.SECONDS);
                        if (n < lat.length - 1) lat[++n] = System.nanoTime() - t0;
                        for (Appended a : out) {
                            if (a.outcome() != Outcome.STORED) throw new IllegalStateException("not stored: " + a);
                        }
                        messages.addAndGet(out.size());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                lat[0] = n;
            });
            workers.add(worker);
            worker.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread w : workers) w.join();
        return new Result(messages.get(), System.nanoTime() - t0, latencies);
    }

    static List<Pending> batch(int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Pending> out = new ArrayList<>(size);
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            String user = "user-" + random.nextInt(1_000_000);
            String id = UUID.randomUUID().toString();
            String json = "{\"type\":\"track\",\"event\":\"Appointment Booked\",\"userId\":\"" + user
                    + "\",\"messageId\":\"" + id + "\",\"timestamp\":\"2025-06-01T12:00:00.000Z\","
                    + "\"properties\":{\"clinic\":\"north\",\"specialty\":\"cardiology\",\"value\":"
                    + random.nextInt(500) + "},\"context\":{\"library\":{\"name\":\"analytics-node\","
                    + "\"version\":\"2.1.0\"},\"ip\":\"10.1.2.3\"}}";
            out.add(new Pending(user, id, now, "track", json));
        }
        return out;
    }

    record Result(long messages, long nanos, List<long[]> latencies) {
        double percentile(double p) {
            List<Long> all = new ArrayList<>();
            for (long[] lat : latencies) for (int i = 1; i <= lat[0]; i++) all.add(lat[i]);
            if (all.isEmpty()) return Double.NaN;
            all.sort(null);
            return all.get((int) Math.min(all.size() - 1, Math.floor(p * all.size()))) / 1e6;
        }
    }
}
