package dev.strata.store;

import dev.strata.store.testing.PostgresBackend;
import dev.strata.store.testing.StoreBackend;
import java.nio.file.Path;

class WebhookRepositoryPostgresTest extends WebhookRepositoryContract {
    @Override
    protected StoreBackend newBackend(Path tempDir) {
        return new PostgresBackend();
    }
}
