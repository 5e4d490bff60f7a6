package dev.strata.store;

/**
 * Everything Strata keeps durably, behind one handle. Opened on the embedded SQLite database in a
 * data directory by default, or on PostgreSQL; both carry the same schema (Flyway migrations).
 */
public interface Store extends AutoCloseable {
    MessageLog messages();

    SegmentRepository segments();

    TokenRepository tokens();

    SettingsRepository settings();

    AuditLog audit();

    ChangeLog changes();

    WebhookRepository webhooks();

    /** "sqlite" or "postgresql". */
    String kind();

    /** Finishes pending appends, then releases connections. */
    @Override
    void close();
}
