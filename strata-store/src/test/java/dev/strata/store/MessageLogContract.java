package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.store.MessageLog.Appended;
import dev.strata.store.MessageLog.Outcome;
import dev.strata.store.MessageLog.Pending;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link MessageLog} must do, whatever database is behind it. */
public abstract class MessageLogContract extends StoreTestBase {

    static Pending msg(String user, String messageId) {
        return new Pending(user, messageId, 1_700_000_000_000L, "track",
                "{\"type\":\"track\",\"userId\":\"" + user + "\",\"messageId\":\"" + messageId + "\"}");
    }

    List<Appended> append(Pending... messages) throws Exception {
        return store.messages().append(List.of(messages)).get(30, TimeUnit.SECONDS);
    }

    List<StoredMessage> replayAll(long afterSeq) {
        List<StoredMessage> out = new ArrayList<>();
        store.messages().replay(afterSeq, out::add);
        return out;
    }

    @Test
    void storesMessagesAsGivenWithIncreasingSeqs() throws Exception {
        Pending a = new Pending("u1", "m1", 1_700_000_000_123L, "identify", "{\"traits\":{\"name\":\"Zoë \\\"Z\\\"\"}}");
        Pending b = new Pending("u2", null, 1_700_000_000_456L, "track", "{\"event\":\"App Open\"}");
        List<Appended> out = append(a, b);

        assertThat(out).extracting(Appended::outcome).containsExactly(Outcome.STORED, Outcome.STORED);
        assertThat(out.get(1).seq()).isGreaterThan(out.get(0).seq());
        assertThat(replayAll(0)).containsExactly(
                new StoredMessage(out.get(0).seq(), "u1", "m1", 1_700_000_000_123L, "identify", a.json()),
                new StoredMessage(out.get(1).seq(), "u2", null, 1_700_000_000_456L, "track", b.json()));
        assertThat(store.messages().count()).isEqualTo(2);
        assertThat(store.messages().lastSeq()).isEqualTo(out.get(1).seq());
    }

    @Test
    void groupCommitsManyConcurrentAppendersAndStoresEachMessageOnce() throws Exception {
        int threads = 16;
        int appendsPerThread = 30;
        int perAppend = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                Map<String, Long> seqById = new HashMap<>();
                List<CompletableFuture<List<Appended>>> pending = new ArrayList<>();
                List<List<Pending>> sent = new ArrayList<>();
                for (int a = 0; a < appendsPerThread; a++) {
                    List<Pending> batch = new ArrayList<>();
                    for (int i = 0; i < perAppend; i++) {
                        batch.add(msg("user-" + thread + "-" + (i % 3), "t" + thread + "-a" + a + "-i" + i));
                    }
                    sent.add(batch);
                    pending.add(store.messages().append(batch));
                    if (a % 3 == 2) pending.get(a).get(30, TimeUnit.SECONDS); // mix waiting and pipelining
                }
                for (int a = 0; a < pending.size(); a++) {
                    List<Appended> out = pending.get(a).get(30, TimeUnit.SECONDS);
                    for (int i = 0; i < out.size(); i++) {
                        assertThat(out.get(i).outcome()).isEqualTo(Outcome.STORED);
                        seqById.put(sent.get(a).get(i).messageId(), out.get(i).seq());
                    }
                }
                return seqById;
            }));
        }
        start.countDown();
        Map<String, Long> acknowledged = new HashMap<>();
        for (Future<Map<String, Long>> r : results) acknowledged.putAll(r.get(60, TimeUnit.SECONDS));
        pool.shutdown();

        int total = threads * appendsPerThread * perAppend;
        assertThat(acknowledged).hasSize(total);
        assertThat(new HashSet<>(acknowledged.values())).hasSize(total);
        List<StoredMessage> stored = replayAll(0);
        assertThat(stored).hasSize(total);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).seq()).isGreaterThan(stored.get(i - 1).seq());
        }
        for (StoredMessage m : stored) assertThat(acknowledged.get(m.messageId())).isEqualTo(m.seq());
        assertThat(store.messages().count()).isEqualTo(total);
        // group commit: concurrent appends shared transactions
        assertThat(sqlStore().messages().commits()).isLessThan(threads * appendsPerThread);
    }

    @Test
    void deduplicatesWithinOneAppend() throws Exception {
        List<Appended> out = append(msg("u", "a"), msg("u", "b"), msg("u", "a"), msg("v", "b"));

        assertThat(out).extracting(Appended::outcome)
                .containsExactly(Outcome.STORED, Outcome.STORED, Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(out.get(2).seq()).isZero();
        assertThat(replayAll(0)).extracting(StoredMessage::messageId).containsExactly("a", "b");
    }

    @Test
    void deduplicatesAcrossAppends() throws Exception {
        append(msg("u", "a"), msg("u", "b"));
        List<Appended> out = append(msg("u", "c"), msg("u", "a"));

        assertThat(out).extracting(Appended::outcome).containsExactly(Outcome.STORED, Outcome.DUPLICATE);
        assertThat(store.messages().count()).isEqualTo(3);
    }

    @Test
    void storesOneOfTheSameMessageSentConcurrentlyByManyCallers() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Appended>>> results = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Pending> same = new ArrayList<>();
                for (int i = 0; i < 50; i++) same.add(msg("u" + i, "shared-" + i));
                return store.messages().append(same).get(30, TimeUnit.SECONDS);
            }));
        }
        start.countDown();
        int[] storedPerId = new int[50];
        for (Future<List<Appended>> r : results) {
            List<Appended> out = r.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < out.size(); i++) if (out.get(i).outcome() == Outcome.STORED) storedPerId[i]++;
        }
        pool.shutdown();

        assertThat(storedPerId).containsOnly(1);
        assertThat(store.messages().count()).isEqualTo(50);
    }

    @Test
    void neverDeduplicatesMessagesWithoutMessageId() throws Exception {
        List<Appended> out = append(msg("u", null), msg("u", null));
        out = new ArrayList<>(out);
        out.addAll(append(msg("u", null)));

        assertThat(out).extracting(Appended::outcome).containsOnly(Outcome.STORED);
        assertThat(store.messages().count()).isEqualTo(3);
    }

    @Test
    void replaysInSeqOrderAfterTheGivenSeq() throws Exception {
        List<Appended> first = append(msg("a", "1"), msg("b", "2"), msg("a", "3"));
        List<Appended> second = append(msg("c", "4"), msg("a", "5"));

        assertThat(replayAll(0)).extracting(StoredMessage::messageId).containsExactly("1", "2", "3", "4", "5");
        assertThat(replayAll(first.get(1).seq())).extracting(StoredMessage::messageId).containsExactly("3", "4", "5");
        assertThat(replayAll(second.get(1).seq())).isEmpty();
    }

    @Test
    void listsOneUsersMessagesInSeqOrder() throws Exception {
        append(msg("a", "1"), msg("b", "2"), msg("a", "3"));
        append(msg("a", "4"), msg("ab", "5"));

        assertThat(store.messages().messagesOf("a")).extracting(StoredMessage::messageId).containsExactly("1", "3", "4");
        assertThat(store.messages().messagesOf("nobody")).isEmpty();
    }

    @Test
    void findsAndErasesAUsersMessagesAcrossIndexBuckets() throws Exception {
        // the per-user index is bucketed by 4096 seqs: spread one user over three buckets
        List<Long> seqsOfTarget = new ArrayList<>();
        for (int chunk = 0; chunk < 3; chunk++) {
            List<Pending> batch = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) batch.add(msg("filler-" + (i % 50), "f" + chunk + "-" + i));
            batch.add(msg("target", "t" + chunk));
            List<Appended> out = append(batch.toArray(new Pending[0]));
            seqsOfTarget.add(out.get(out.size() - 1).seq());
        }
        assertThat(seqsOfTarget.get(2) / 4096).isGreaterThan(seqsOfTarget.get(0) / 4096);

        assertThat(store.messages().messagesOf("target")).extracting(StoredMessage::seq).isEqualTo(seqsOfTarget);
        assertThat(store.messages().erase("target")).isEqualTo(3);
        assertThat(store.messages().messagesOf("target")).isEmpty();
        assertThat(store.messages().count()).isEqualTo(12_000);
        assertThat(store.messages().messagesOf("filler-7")).hasSize(240);
    }

    @Test
    void erasureDeletesTheUsersMessagesAndRefusesLaterOnes() throws Exception {
        append(msg("keep", "k1"), msg("gone", "g1"), msg("gone", "g2"), msg("keep", "k2"));

        assertThat(store.messages().erase("gone")).isEqualTo(2);

        assertThat(store.messages().isErased("gone")).isTrue();
        assertThat(store.messages().isErased("keep")).isFalse();
        assertThat(store.messages().messagesOf("gone")).isEmpty();
        assertThat(replayAll(0)).extracting(StoredMessage::messageId).containsExactly("k1", "k2");
        assertThat(store.messages().count()).isEqualTo(2);
        List<Appended> out = append(msg("gone", "g3"), msg("keep", "k3"), msg("gone", "g1"));
        assertThat(out).extracting(Appended::outcome).containsExactly(Outcome.ERASED, Outcome.STORED, Outcome.ERASED);
        assertThat(store.messages().erase("never-seen")).isZero();
        assertThat(store.messages().isErased("never-seen")).isTrue();
    }

    @Test
    void erasedMessageIdsAreForgottenTheSameWayBeforeAndAfterReopen() throws Exception {
        append(msg("gone", "shared-id"));
        store.messages().erase("gone");

        assertThat(append(msg("other", "shared-id"))).extracting(Appended::outcome).containsExactly(Outcome.STORED);
        reopen();
        assertThat(append(msg("other", "shared-id"))).extracting(Appended::outcome).containsExactly(Outcome.DUPLICATE);
    }

    @Test
    void keepsEverythingAcrossReopen() throws Exception {
        List<Appended> before = append(msg("a", "1"), msg("b", "2"), msg("a", "3"));
        append(msg("z", "z1"));
        store.messages().erase("z");
        List<StoredMessage> stored = replayAll(0);

        reopen();

        assertThat(replayAll(0)).isEqualTo(stored);
        assertThat(store.messages().count()).isEqualTo(3);
        assertThat(store.messages().messagesOf("a")).extracting(StoredMessage::messageId).containsExactly("1", "3");
        assertThat(store.messages().isErased("z")).isTrue();
        List<Appended> after = append(msg("a", "3"), msg("b", "4"), msg("z", "z2"));
        assertThat(after).extracting(Appended::outcome).containsExactly(Outcome.DUPLICATE, Outcome.STORED, Outcome.ERASED);
        assertThat(after.get(1).seq()).isGreaterThan(before.get(2).seq());
    }

    @Test
    void neverReusesTheSeqOfAnErasedNewestMessage() throws Exception {
        append(msg("a", "1"));
        long erasedSeq = append(msg("b", "2")).get(0).seq();
        store.messages().erase("b");

        reopen();

        assertThat(store.messages().lastSeq()).isEqualTo(erasedSeq);
        assertThat(append(msg("c", "3")).get(0).seq()).isGreaterThan(erasedSeq);
    }

    @Test
    void failsWithAReasonWhenTheDatabaseCannotWriteAndRecoversAfterwards() throws Exception {
        List<Appended> acknowledged = append(msg("a", "before-1"), msg("b", "before-2"));
        List<Pending> big = new ArrayList<>();
        String body = "{\"pad\":\"" + "x".repeat(2_000) + "\"}";
        for (int i = 0; i < 200; i++) big.add(new Pending("u" + i, "during-" + i, 1L, "track", body));

        backend.breakWrites(sqlStore());
        CompletableFuture<List<Appended>> failed = store.messages().append(big);

        assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class)
                .hasMessageContaining("200 messages not stored")
                .hasMessageContaining(backend.writeFailureReason());
        assertThat(store.messages().count()).isEqualTo(2);
        assertThat(replayAll(0)).extracting(StoredMessage::seq)
                .containsExactly(acknowledged.get(0).seq(), acknowledged.get(1).seq());

        backend.healWrites(sqlStore());
        List<Appended> retried = store.messages().append(big).get(30, TimeUnit.SECONDS);

        assertThat(retried).extracting(Appended::outcome).containsOnly(Outcome.STORED);
        assertThat(store.messages().count()).isEqualTo(202);
        reopen();
        assertThat(store.messages().count()).isEqualTo(202);
        assertThat(replayAll(0)).hasSize(202);
    }

    @Test
    void refusesMessagesNoDatabaseCouldStoreBeforeQueueingThem() {
        assertThatThrownBy(() -> store.messages().append(List.of(msg("ok", "1"), msg("bad\0key", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message 1").hasMessageContaining("NUL");
        assertThatThrownBy(() -> store.messages().append(List.of(msg("u", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId is empty");
        assertThatThrownBy(() -> store.messages().append(List.of(msg("\uD800x", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThat(store.messages().count()).isZero();
    }

    @Test
    void finishesPendingAppendsOnCloseAndRefusesLaterOnes() throws Exception {
        List<CompletableFuture<List<Appended>>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) pending.add(store.messages().append(List.of(msg("u", "close-" + i))));
        MessageLog log = store.messages();

        store.close();

        for (CompletableFuture<List<Appended>> f : pending) {
            assertThat(f).isDone();
            assertThat(f.get().get(0).outcome()).isEqualTo(Outcome.STORED);
        }
        assertThatThrownBy(() -> log.append(List.of(msg("u", "late"))).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store = backend.reopen();
        assertThat(store.messages().count()).isEqualTo(50);
    }

    @Test
    void otherWritesProceedWhileMessagesAreAppended() throws Exception {
        ExecutorService appender = Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Future<Integer> appends = appender.submit(() -> {
            int n = 0;
            while (running.get()) {
                List<Pending> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) batch.add(msg("u" + i, "bg-" + n + "-" + i));
                store.messages().append(batch).get(30, TimeUnit.SECONDS);
                n++;
            }
            return n;
        });
        try {
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                store.audit().append(java.time.Instant.now(), "alice", "admin", "profile.read", "u" + i, "::1");
                store.settings().put("k" + i, "v");
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms for two small writes").isLessThan(5_000);
            }
        } finally {
            running.set(false);
        }
        assertThat(appends.get(30, TimeUnit.SECONDS)).isPositive();
        appender.shutdown();
        assertThat(store.audit().verify().entries()).isEqualTo(10);
    }

    @Test
    void reportsUnicodeKeysAndBodiesUnchanged() throws Exception {
        Set<String> keys = Set.of("zoë", "用户", "emoji-😀");
        for (String key : keys) append(new Pending(key, "id-" + key, 5L, "identify", "{\"name\":\"" + key + "\"}"));

        for (String key : keys) {
            assertThat(store.messages().messagesOf(key)).singleElement()
                    .satisfies(m -> assertThat(m.json()).isEqualTo("{\"name\":\"" + key + "\"}"));
        }
    }
}
