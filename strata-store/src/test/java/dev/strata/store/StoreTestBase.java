package dev.strata.store;

import dev.strata.store.sql.SqlStore;
import dev.strata.store.testing.StoreBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store for every test, on the backend the concrete subclass names. */
public abstract class StoreTestBase {
    @TempDir
    protected Path tempDir;
    protected StoreBackend backend;
    protected Store store;

    protected abstract StoreBackend newBackend(Path tempDir);

    @BeforeEach
    void openStore() {
        backend = newBackend(tempDir);
        store = backend.open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    /** Closes the store and opens the same database again. */
    protected Store reopen() {
        store.close();
        store = null;
        store = backend.reopen();
        return store;
    }

    protected SqlStore sqlStore() {
        return (SqlStore) store;
    }
}
