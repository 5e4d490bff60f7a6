package dev.strata.store;

import java.util.Optional;

/** Small named values the server keeps between starts (for example the hashed write key). */
public interface SettingsRepository {
    Optional<String> get(String key);

    void put(String key, String value);
}
