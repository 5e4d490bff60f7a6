package dev.strata.store;

import dev.strata.store.sql.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Opens the store: the entry point of this module. */
public final class Stores {
    /** The SQLite database file inside the data directory. */
    public static final String SQLITE_FILE = "strata.db";

    private Stores() {
    }

    /**
     * Opens (creating or migrating when needed) the store.
     *
     * @param databaseUrl {@code jdbc:postgresql://host:port/db?user=…&password=…}, or null for the
     *                    embedded SQLite database {@code dataDir/strata.db}
     * @param dataDir     where the SQLite database lives; created when missing (unused for PostgreSQL)
     */
    public static Store open(String databaseUrl, Path dataDir) {
        if (databaseUrl != null && !databaseUrl.isBlank()) return SqlStore.open(databaseUrl.strip());
        Objects.requireNonNull(dataDir, "dataDir (needed for the embedded SQLite store)");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        return SqlStore.open("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath());
    }
}
