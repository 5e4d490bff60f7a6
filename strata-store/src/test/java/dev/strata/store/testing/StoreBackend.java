package dev.strata.store.testing;

import dev.strata.store.Store;
import dev.strata.store.sql.SqlStore;
import java.sql.Connection;
import java.sql.SQLException;

/** A database the contract tests run against: how to open it, reopen it, reach it raw, and break it. */
public interface StoreBackend {

    /** Opens a store on a fresh, empty database. */
    Store open();

    /** Opens the same database again (the previous store must be closed). */
    Store reopen();

    /** A JDBC connection of its own to the same database, for tampering behind the store's back. */
    Connection rawConnection() throws SQLException;

    /** Makes the message log's next commit fail the way a real outage would. */
    void breakWrites(SqlStore store) throws SQLException;

    /** Removes the cause set by {@link #breakWrites}. */
    void healWrites(SqlStore store) throws SQLException;

    /** A fragment of the reason a write failure caused by {@link #breakWrites} must carry. */
    String writeFailureReason();
}
