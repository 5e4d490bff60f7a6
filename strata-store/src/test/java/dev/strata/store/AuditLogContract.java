package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.AuditLog.Entry;
import dev.strata.store.AuditLog.Query;
import dev.strata.store.AuditLog.Verification;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public abstract class AuditLogContract extends StoreTestBase {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    List<Entry> appendFive() {
        List<Entry> out = new ArrayList<>();
        out.add(store.audit().append(T0, "alice", "admin", "profile.read", "user-1", "10.0.0.1"));
        out.add(store.audit().append(T0.plusSeconds(60), "bob", "editor", "segment.members", "seg-1", "10.0.0.2"));
        out.add(store.audit().append(T0.plusSeconds(120), "alice", "admin", "profile.events", "user-2", "10.0.0.1"));
        out.add(store.audit().append(T0.plusSeconds(180), "alice", "admin", "profile.erase", "user-1", null));
        out.add(store.audit().append(T0.plusSeconds(240), "carol", "analyst", "segment.read", "seg-1", "10.0.0.3"));
        return out;
    }

    void tamper(String sql) throws Exception {
        try (Connection c = backend.rawConnection(); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        }
    }

    @Test
    void chainsEachEntryToTheOneBefore() {
        List<Entry> entries = appendFive();

        assertThat(entries).extracting(Entry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).prevHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
        }
        assertThat(entries).extracting(Entry::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(entries.get(0).at()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
        assertThat(store.audit().query(new Query(null, null, null, null, null, 100))).isEqualTo(entries);
    }

    @Test
    void verifiesAnIntactChain() {
        appendFive();

        Verification v = store.audit().verify();

        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(store.audit().verify().intact()).isTrue();
    }

    @Test
    void detectsAnEditedEntry() throws Exception {
        appendFive();

        tamper("UPDATE audit_log SET target = 'someone-else' WHERE seq = 3");

        Verification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.reason()).contains("altered");
    }

    @Test
    void detectsAnEditedEntryWhoseHashWasRecomputedWithoutTheChain() throws Exception {
        appendFive();

        // rewriting an entry's own hash breaks the link from the next entry
        tamper("UPDATE audit_log SET hash = '" + "a".repeat(64) + "' WHERE seq = 2");

        Verification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);
    }

    @Test
    void detectsADeletedEntry() throws Exception {
        appendFive();

        tamper("DELETE FROM audit_log WHERE seq = 2");

        Verification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);
        assertThat(v.reason()).contains("missing");
    }

    @Test
    void detectsEntriesCutOffTheEndWhileOpen() throws Exception {
        appendFive();

        tamper("DELETE FROM audit_log WHERE seq = 5");

        Verification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(5);
    }

    @Test
    void continuesTheChainAfterReopen() {
        List<Entry> before = appendFive();

        reopen();
        Entry next = store.audit().append(T0.plusSeconds(300), "dave", "admin", "token.create", "tok-1", "::1");

        assertThat(next.seq()).isEqualTo(6);
        assertThat(next.prevHash()).isEqualTo(before.get(4).hash());
        assertThat(store.audit().verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isEqualTo(6);
        });
    }

    @Test
    void filtersQueries() {
        appendFive();

        assertThat(store.audit().query(new Query(null, null, "alice", null, null, 100)))
                .extracting(Entry::seq).containsExactly(1L, 3L, 4L);
        assertThat(store.audit().query(new Query(null, null, null, "profile.erase", null, 100)))
                .extracting(Entry::seq).containsExactly(4L);
        assertThat(store.audit().query(new Query(null, null, null, null, "user-1", 100)))
                .extracting(Entry::seq).containsExactly(1L, 4L);
        assertThat(store.audit().query(new Query(2L, null, null, null, null, 2)))
                .extracting(Entry::seq).containsExactly(3L, 4L);
        assertThat(store.audit().query(new Query(null, T0.plusSeconds(180), null, null, null, 100)))
                .extracting(Entry::seq).containsExactly(4L, 5L);
        assertThat(store.audit().query(new Query(null, null, "alice", "profile.read", "user-2", 100))).isEmpty();
    }

    @Test
    void keepsTheChainWholeUnderConcurrentAppends() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    store.audit().append(Instant.now(), "actor-" + thread, "admin", "profile.read", "u" + i, "127.0.0.1");
                }
            }));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(store.audit().verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isEqualTo(60);
        });
    }
}
