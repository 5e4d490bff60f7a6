package dev.strata.store;

import dev.strata.store.testing.SqliteBackend;
import dev.strata.store.testing.StoreBackend;
import java.nio.file.Path;

class ChangeLogSqliteTest extends ChangeLogContract {
    @Override
    protected StoreBackend newBackend(Path tempDir) {
        return new SqliteBackend(tempDir);
    }
}
