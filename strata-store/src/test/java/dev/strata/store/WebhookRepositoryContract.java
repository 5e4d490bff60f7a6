package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.store.WebhookRepository.DeadLetter;
import dev.strata.store.WebhookRepository.Webhook;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class WebhookRepositoryContract extends StoreTestBase {
    static final Instant T0 = Instant.parse("2025-07-07T07:07:07.777777Z");

    @Test
    void insertsReadsListsAndDeletes() {
        Webhook all = store.webhooks().insert(new Webhook("w1", "https://a.example/hook", "s3cret", null, T0));
        Webhook one = store.webhooks().insert(new Webhook("w2", "https://b.example/hook", "k", "seg-1", T0.plusSeconds(1)));

        assertThat(all.createdAt()).isEqualTo(Instant.parse("2025-07-07T07:07:07.777Z"));
        assertThat(store.webhooks().get("w2")).contains(one);
        assertThat(store.webhooks().list()).containsExactly(all, one);
        assertThatThrownBy(() -> store.webhooks().insert(new Webhook("w1", "https://c.example", "x", null, T0)))
                .isInstanceOf(StoreConflictException.class);

        assertThat(store.webhooks().delete("w1")).isTrue();
        assertThat(store.webhooks().delete("w1")).isFalse();
        assertThat(store.webhooks().list()).containsExactly(one);
        reopen();
        assertThat(store.webhooks().get("w2")).contains(one);
    }

    @Test
    void keepsDeadLettersNewestFirst() {
        store.webhooks().addDeadLetter(new DeadLetter(0, "w1", "{\"a\":1}", 5, "HTTP 500", T0));
        store.webhooks().addDeadLetter(new DeadLetter(0, "w1", "{\"a\":2}", 5, "timeout", T0.plusSeconds(10)));
        store.webhooks().addDeadLetter(new DeadLetter(0, "w2", "{\"a\":3}", 3, null, T0.plusSeconds(5)));

        assertThat(store.webhooks().deadLetters(10)).extracting(DeadLetter::body)
                .containsExactly("{\"a\":2}", "{\"a\":3}", "{\"a\":1}");
        assertThat(store.webhooks().deadLetters(1)).singleElement().satisfies(d -> {
            assertThat(d.id()).isPositive();
            assertThat(d.attempts()).isEqualTo(5);
            assertThat(d.lastError()).isEqualTo("timeout");
            assertThat(d.failedAt()).isEqualTo(Instant.ofEpochMilli(T0.plusSeconds(10).toEpochMilli()));
        });
        assertThat(store.webhooks().deadLetters(10)).extracting(DeadLetter::id).doesNotHaveDuplicates();
    }
}
