package dev.strata.server.profiles;

import dev.strata.live.LiveEngine;
import dev.strata.live.ProfileView;
import dev.strata.server.ingest.IngestPipeline;
import dev.strata.server.live.SnapshotFile;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import dev.strata.store.MessageLog;
import dev.strata.store.SegmentRepository;
import dev.strata.store.StoreException;
import dev.strata.store.Store;
import dev.strata.store.StoredMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/** Profiles: what the engine knows of a user, their stored messages, and erasure. */
@Service
public class ProfileService {
    private final LiveEngine engine;
    private final MessageLog messages;
    private final SegmentRepository segments;
    private final IngestPipeline pipeline;
    private final SnapshotFile snapshot;

    public ProfileService(LiveEngine engine, Store store, IngestPipeline pipeline, SnapshotFile snapshot) {
        this.snapshot = snapshot;
        this.engine = engine;
        this.messages = store.messages();
        this.segments = store.segments();
        this.pipeline = pipeline;
    }

    public ProfileView view(String userKey) {
        return engine.profile(userKey).orElseThrow(() -> ApiException.notFound("no profile with user id '" + Texts.clip(userKey, 100) + "'"));
    }

    public List<String> segmentIds(String userKey) {
        return new ArrayList<>(engine.segmentsOf(userKey));
    }

    /** The user's stored messages, newest first (by timestamp, then by arrival). */
    public List<StoredMessage> events(String userKey, int limit) {
        List<StoredMessage> all = new ArrayList<>(messages.messagesOf(userKey));
        if (all.isEmpty() && engine.profile(userKey).isEmpty()) {
            throw ApiException.notFound("no profile with user id '" + Texts.clip(userKey, 100) + "'");
        }
        all.sort(Comparator.comparingLong(StoredMessage::timestamp).thenComparingLong(StoredMessage::seq).reversed());
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    /** Erases the user everywhere and leaves a tombstone that refuses their messages from now on. */
    public IngestPipeline.Erasure erase(String userKey) {
        snapshot.invalidate();
        IngestPipeline.Erasure erasure;
        try {
            erasure = pipeline.erase(userKey).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) throw se;
            throw new IllegalStateException("erasing '" + userKey + "' failed", e.getCause());
        } catch (TimeoutException e) {
            throw ApiException.unavailable("erasure did not finish within 60 s; it is recorded and will complete: repeat the request to confirm");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while erasing; repeat the request");
        }
        segments.removeFromStaticMembers(userKey);
        return erasure;
    }
}
