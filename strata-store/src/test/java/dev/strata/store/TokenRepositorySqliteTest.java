package dev.strata.store;

import dev.strata.store.testing.SqliteBackend;
import dev.strata.store.testing.StoreBackend;
import java.nio.file.Path;

class TokenRepositorySqliteTest extends TokenRepositoryContract {
    @Override
    protected StoreBackend newBackend(Path tempDir) {
        return new SqliteBackend(tempDir);
    }
}
