package dev.strata.store.sql;

import dev.strata.store.AuditLog;
import dev.strata.store.ChangeLog;
import dev.strata.store.SegmentRepository;
import dev.strata.store.SettingsRepository;
import dev.strata.store.Store;
import dev.strata.store.TokenRepository;
import dev.strata.store.WebhookRepository;

/** The store on SQLite or PostgreSQL: opened through {@link dev.strata.store.Stores}. */
public final class SqlStore implements Store {
    private static final int SQLITE_POOL = 4;
    private static final int POSTGRESQL_POOL = 8;

    private final Dialect dialect;
    private final ConnectionPool pool;
    private final SqlMessageLog messages;
    private final SqlSegmentRepository segments;
    private final SqlTokenRepository tokens;
    private final SqlSettingsRepository settings;
    private final SqlAuditLog audit;
    private final SqlChangeLog changes;
    private final SqlWebhookRepository webhooks;

    private SqlStore(Dialect dialect, String url) {
        this.dialect = dialect;
        this.pool = new ConnectionPool(dialect, url, dialect == Dialect.SQLITE ? SQLITE_POOL : POSTGRESQL_POOL);
        try {
            this.messages = new SqlMessageLog(pool, dialect, url);
            this.audit = new SqlAuditLog(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.segments = new SqlSegmentRepository(pool);
        this.tokens = new SqlTokenRepository(pool);
        this.settings = new SqlSettingsRepository(pool);
        this.changes = new SqlChangeLog(pool);
        this.webhooks = new SqlWebhookRepository(pool);
    }

    /**
     * Migrates the schema, then opens the store.
     *
     * @param url a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL (credentials in the URL)
     */
    public static SqlStore open(String url) {
        Dialect dialect = Dialect.of(url);
        String normalized = dialect.normalize(url);
        Migrations.apply(dialect, normalized);
        return new SqlStore(dialect, normalized);
    }

    @Override
    public SqlMessageLog messages() {
        return messages;
    }

    @Override
    public SegmentRepository segments() {
        return segments;
    }

    @Override
    public TokenRepository tokens() {
        return tokens;
    }

    @Override
    public SettingsRepository settings() {
        return settings;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public ChangeLog changes() {
        return changes;
    }

    @Override
    public WebhookRepository webhooks() {
        return webhooks;
    }

    @Override
    public String kind() {
        return dialect.kind;
    }

    @Override
    public void close() {
        try {
            messages.close();
        } finally {
            pool.close();
        }
    }
}
