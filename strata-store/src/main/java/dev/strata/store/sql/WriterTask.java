package dev.strata.store.sql;

import dev.strata.store.MessageLog.Appended;
import dev.strata.store.MessageLog.Pending;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the message log's writer thread is asked to do, in the order asked. */
sealed interface WriterTask {

    CompletableFuture<?> future();

    record Append(List<Pending> messages, CompletableFuture<List<Appended>> future) implements WriterTask {
    }

    record Erase(String userKey, CompletableFuture<Integer> future) implements WriterTask {
    }

    /** Work on the writer's own connection, between two commits (fault injection, diagnostics). */
    record OnConnection(SqlWork<Object> work, CompletableFuture<Object> future) implements WriterTask {
    }

    /** Placed last in the queue by close: everything before it is finished first. */
    record Stop(CompletableFuture<Void> future) implements WriterTask {
    }
}
