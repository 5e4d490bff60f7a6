package dev.strata.store.sql;

import dev.strata.store.SettingsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

final class SqlSettingsRepository implements SettingsRepository {
    private final ConnectionPool pool;

    SqlSettingsRepository(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return pool.read("read setting '" + key + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value of setting " + key);
        pool.transaction("save setting '" + key + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (name, value) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }
}
