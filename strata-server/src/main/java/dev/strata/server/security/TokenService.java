package dev.strata.server.security;

import dev.strata.store.SettingsRepository;
import dev.strata.store.Store;
import dev.strata.store.TokenRepository;
import dev.strata.store.TokenRepository.Token;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * API tokens and write keys: creating, revoking and recognising them. Only hashes are stored; the
 * active tokens seen recently are kept in memory because every request needs one.
 */
@Service
public class TokenService {

    /** A new token and its secret, which is shown this once and never again. */
    public record Issued(Token token, String secret) {
    }

    private final TokenRepository tokens;
    private final SettingsRepository settings;
    private final Map<String, Token> activeByHash = new ConcurrentHashMap<>();

    public TokenService(Store store) {
        this.tokens = store.tokens();
        this.settings = store.settings();
    }

    /** The active token with this secret. */
    public Optional<Token> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) return Optional.empty();
        String hash = Secrets.hash(secret);
        Token cached = activeByHash.get(hash);
        if (cached != null) return Optional.of(cached);
        Optional<Token> found = tokens.bySecretHash(hash).filter(Token::active);
        found.ifPresent(t -> activeByHash.put(hash, t));
        return found;
    }

    public Issued create(String name, Role role) {
        String secret = Secrets.newSecret(role == Role.INGEST ? "wk_" : "st_");
        Token t = tokens.insert(new Token(Secrets.newId("tok_"), name, role.wireName(), Secrets.hash(secret), Instant.now(), null));
        return new Issued(t, secret);
    }

    public List<Token> list() {
        return tokens.list();
    }

    public Optional<Token> get(String id) {
        return tokens.list().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Revokes the token; it stops working at once. False when unknown or already revoked. */
    public boolean revoke(String id) {
        boolean done = tokens.revoke(id, Instant.now());
        activeByHash.values().removeIf(t -> t.id().equals(id));
        return done;
    }

    /**
     * Makes sure a token with this secret exists with the role (the operator's STRATA_ADMIN_TOKEN
     * or STRATA_WRITE_KEY).
     */
    void ensure(String secret, String name, Role role) {
        Optional<Token> existing = tokens.bySecretHash(Secrets.hash(secret));
        if (existing.isPresent()) {
            if (!existing.get().role().equals(role.wireName())) {
                throw new IllegalStateException("the secret given for " + name + " is already a token with role '"
                        + existing.get().role() + "': the admin token and the write key must differ");
            }
            return;
        }
        tokens.insert(new Token(Secrets.newId("tok_"), name, role.wireName(), Secrets.hash(secret), Instant.now(), null));
    }

    /** A token generated once per store: the setting remembers it was, so it is never generated again. */
    Optional<String> generateOnce(String settingKey, String name, Role role) {
        if (settings.get(settingKey).isPresent()) return Optional.empty();
        Issued issued = create(name, role);
        settings.put(settingKey, issued.token().id());
        return Optional.of(issued.secret());
    }
}
