package dev.strata.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The durable, append-only log of accepted Segment-spec messages: the source of truth the engine
 * is rebuilt from. Appends from concurrent callers are group-committed: one transaction carries
 * every pending append, and each caller's future completes only once that transaction is durable.
 */
public interface MessageLog {

    /** A validated message waiting to be stored: its identity, instant and JSON as received. */
    record Pending(String userKey, String messageId, long timestamp, String type, String json) {
    }

    /** What became of one pending message. {@code seq} is set only for {@link Outcome#STORED} (0 otherwise). */
    record Appended(Outcome outcome, long seq) {
    }

    enum Outcome {
        /** Committed; {@code seq} is its position in the log. */
        STORED,
        /** A message with the same messageId was stored before: nothing written (idempotency). */
        DUPLICATE,
        /** The user was erased: a tombstone refuses the message. */
        ERASED
    }

    /**
     * Stores the messages in one durable commit (shared with other callers' appends), deduplicating
     * on messageId against everything stored and within the list. The future fails with a
     * {@link StoreException} when nothing could be made durable (disk full, database down); then
     * none of the list was stored, and sending the same messages again is safe. The future completes
     * on the store's writer thread, in commit order: attach slow work with an {@code ...Async} stage.
     * A message no database could store (null or empty key, NUL character) is refused at once with
     * an {@link IllegalArgumentException} naming its index, before anything is queued.
     */
    CompletableFuture<List<Appended>> append(List<Pending> messages);

    /** Every stored message with a seq above {@code afterSeq}, in seq order, streamed to the sink. */
    void replay(long afterSeq, Consumer<StoredMessage> sink);

    /** One user's stored messages in seq order. */
    List<StoredMessage> messagesOf(String userKey);

    /**
     * Erasure: deletes every stored message of the user and records a tombstone so later appends
     * for the user are refused. Returns the number of messages deleted.
     */
    int erase(String userKey);

    boolean isErased(String userKey);

    /**
     * The highest seq assigned, 0 when nothing was ever stored: the newest message's seq, unless
     * erasure deleted that message (seqs are never handed out twice).
     */
    long lastSeq();

    /** Number of stored messages. */
    long count();
}
