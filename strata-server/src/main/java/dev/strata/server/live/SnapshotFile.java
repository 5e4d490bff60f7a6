package dev.strata.server.live;

import dev.strata.server.ServerOptions;
import dev.strata.server.security.Secrets;
import dev.strata.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Where the population snapshot of this store lives: in the data directory, named after an id kept
 * in the store itself, so a data directory shared by several databases never mixes their snapshots.
 * An erasure deletes the snapshot before erasing, since the snapshot would still hold the user.
 */
@Component
public class SnapshotFile {
    static final String STORE_ID = "store.id";

    private final Path file;

    public SnapshotFile(Store store, ServerOptions options) {
        String id = store.settings().get(STORE_ID).orElseGet(() -> {
            String fresh = Secrets.newId("");
            store.settings().put(STORE_ID, fresh);
            return fresh;
        });
        this.file = options.dataDir().resolve("population-" + id + ".snapshot");
    }

    public Path path() {
        return file;
    }

    /** Deletes the snapshot; the next start replays the whole store and writes a new one. */
    public void invalidate() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the population snapshot " + file
                    + "; refusing to erase while a snapshot could bring the user back", e);
        }
    }
}
