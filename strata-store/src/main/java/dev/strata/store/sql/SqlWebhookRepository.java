package dev.strata.store.sql;

import dev.strata.store.WebhookRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class SqlWebhookRepository implements WebhookRepository {
    private static final String COLUMNS = "id, url, secret, segment_id, created_at";

    private final ConnectionPool pool;

    SqlWebhookRepository(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Fails with {@link dev.strata.store.StoreConflictException} when the id is taken. */
    @Override
    public Webhook insert(Webhook webhook) {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(webhook.id(), "webhook id");
        Objects.requireNonNull(webhook.url(), "url of webhook " + webhook.id());
        Objects.requireNonNull(webhook.secret(), "secret of webhook " + webhook.id());
        Objects.requireNonNull(webhook.createdAt(), "createdAt of webhook " + webhook.id());
        Webhook stored = new Webhook(webhook.id(), webhook.url(), webhook.secret(), webhook.segmentId(),
                Millis.truncate(webhook.createdAt()));
        pool.transaction("insert webhook '" + webhook.id() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, stored.id());
                ps.setString(2, stored.url());
                ps.setString(3, stored.secret());
                ps.setString(4, stored.segmentId());
                Millis.set(ps, 5, stored.createdAt());
                return ps.executeUpdate();
            }
        });
        return stored;
    }

    @Override
    public Optional<Webhook> get(String id) {
        Objects.requireNonNull(id, "id");
        return pool.read("read webhook '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Oldest first. */
    @Override
    public List<Webhook> list() {
        return pool.read("list webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<Webhook> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        });
    }

    /** Deletes the webhook; its dead letters stay for admins to read. */
    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return pool.transaction("delete webhook '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhooks WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The letter's id is assigned here (the argument's is ignored). */
    @Override
    public void addDeadLetter(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(letter.webhookId(), "webhookId of dead letter");
        Objects.requireNonNull(letter.body(), "body of dead letter for webhook " + letter.webhookId());
        Objects.requireNonNull(letter.failedAt(), "failedAt of dead letter for webhook " + letter.webhookId());
        pool.transaction("add a dead letter for webhook '" + letter.webhookId() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letters"
                    + " (webhook_id, body, attempts, last_error, failed_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, letter.webhookId());
                ps.setString(2, letter.body());
                ps.setInt(3, letter.attempts());
                ps.setString(4, letter.lastError());
                Millis.set(ps, 5, letter.failedAt());
                return ps.executeUpdate();
            }
        });
    }

    /** Newest first. */
    @Override
    public List<DeadLetter> deadLetters(int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, was " + limit);
        return pool.read("list dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, webhook_id, body, attempts, last_error, failed_at"
                    + " FROM dead_letters ORDER BY failed_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), Millis.get(rs, 6)));
                    }
                }
                return out;
            }
        });
    }

    private static Webhook read(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Millis.get(rs, 5));
    }
}
