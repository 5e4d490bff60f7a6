package dev.strata.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public abstract class SettingsRepositoryContract extends StoreTestBase {

    @Test
    void putsReplacesAndKeepsValuesAcrossReopen() {
        assertThat(store.settings().get("write-key-hash")).isEmpty();

        store.settings().put("write-key-hash", "abc");
        store.settings().put("other", "x");
        store.settings().put("write-key-hash", "def");

        assertThat(store.settings().get("write-key-hash")).contains("def");
        reopen();
        assertThat(store.settings().get("write-key-hash")).contains("def");
        assertThat(store.settings().get("other")).contains("x");
    }
}
