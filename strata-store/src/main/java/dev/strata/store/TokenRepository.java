package dev.strata.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens: only a hash of each secret is kept. */
public interface TokenRepository {

    /** @param role one of admin, editor, analyst, ingest */
    record Token(String id, String name, String role, String secretHash, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /**
     * Returns the token as stored (instants kept to the millisecond); {@link StoreConflictException}
     * when the id or secret hash is taken.
     */
    Token insert(Token token);

    Optional<Token> bySecretHash(String secretHash);

    /** Every token, revoked ones included, oldest first. */
    List<Token> list();

    /** Marks the token revoked; false when unknown or already revoked. */
    boolean revoke(String id, Instant at);
}
