package dev.strata.store.sql;

import dev.strata.store.TokenRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class SqlTokenRepository implements TokenRepository {
    private static final String COLUMNS = "id, name, role, secret_hash, created_at, revoked_at";

    private final ConnectionPool pool;

    SqlTokenRepository(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Fails with {@link dev.strata.store.StoreConflictException} when the id or secret hash is taken. */
    @Override
    public Token insert(Token token) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(token.id(), "token id");
        Objects.requireNonNull(token.secretHash(), "secretHash of token " + token.id());
        Objects.requireNonNull(token.createdAt(), "createdAt of token " + token.id());
        Token stored = new Token(token.id(), token.name(), token.role(), token.secretHash(),
                Millis.truncate(token.createdAt()), Millis.truncate(token.revokedAt()));
        pool.transaction("insert token '" + token.id() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, stored.id());
                ps.setString(2, stored.name());
                ps.setString(3, stored.role());
                ps.setString(4, stored.secretHash());
                Millis.set(ps, 5, stored.createdAt());
                Millis.set(ps, 6, stored.revokedAt());
                return ps.executeUpdate();
            }
        });
        return stored;
    }

    @Override
    public Optional<Token> bySecretHash(String secretHash) {
        Objects.requireNonNull(secretHash, "secretHash");
        return pool.read("find a token by its secret", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens WHERE secret_hash = ?")) {
                ps.setString(1, secretHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every token, revoked ones included, oldest first. */
    @Override
    public List<Token> list() {
        return pool.read("list tokens", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<Token> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        });
    }

    @Override
    public boolean revoke(String id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "revocation instant of token " + id);
        return pool.transaction("revoke token '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Millis.set(ps, 1, at);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Token read(ResultSet rs) throws SQLException {
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Millis.get(rs, 5),
                Millis.get(rs, 6));
    }
}
