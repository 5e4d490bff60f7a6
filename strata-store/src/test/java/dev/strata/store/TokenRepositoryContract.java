package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.store.TokenRepository.Token;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class TokenRepositoryContract extends StoreTestBase {
    static final Instant T0 = Instant.parse("2025-05-05T05:05:05.555555Z");

    @Test
    void insertsAndFindsBySecretHash() {
        Token stored = store.tokens().insert(new Token("t1", "ci", "ingest", "hash-1", T0, null));

        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2025-05-05T05:05:05.555Z"));
        assertThat(store.tokens().bySecretHash("hash-1")).contains(stored);
        assertThat(store.tokens().bySecretHash("hash-2")).isEmpty();
        assertThat(stored.active()).isTrue();
    }

    @Test
    void refusesATakenIdOrSecret() {
        store.tokens().insert(new Token("t1", "ci", "ingest", "hash-1", T0, null));

        assertThatThrownBy(() -> store.tokens().insert(new Token("t2", "other", "admin", "hash-1", T0, null)))
                .isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.tokens().insert(new Token("t1", "other", "admin", "hash-2", T0, null)))
                .isInstanceOf(StoreConflictException.class);
        assertThat(store.tokens().list()).hasSize(1);
    }

    @Test
    void revokesOnce() {
        store.tokens().insert(new Token("t1", "ci", "ingest", "hash-1", T0, null));

        assertThat(store.tokens().revoke("t1", T0.plusSeconds(60))).isTrue();
        assertThat(store.tokens().revoke("t1", T0.plusSeconds(120))).isFalse();
        assertThat(store.tokens().revoke("ghost", T0)).isFalse();
        assertThat(store.tokens().bySecretHash("hash-1")).hasValueSatisfying(t -> {
            assertThat(t.active()).isFalse();
            assertThat(t.revokedAt()).isEqualTo(Instant.ofEpochMilli(T0.plusSeconds(60).toEpochMilli()));
        });
    }

    @Test
    void listsAllOldestFirstAcrossReopen() {
        store.tokens().insert(new Token("b", "second", "editor", "h2", T0.plusSeconds(1), null));
        store.tokens().insert(new Token("a", "first", "admin", "h1", T0, null));
        store.tokens().revoke("b", T0.plusSeconds(2));

        reopen();

        assertThat(store.tokens().list()).extracting(Token::id, Token::role, Token::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "admin", true),
                        org.assertj.core.groups.Tuple.tuple("b", "editor", false));
    }
}
