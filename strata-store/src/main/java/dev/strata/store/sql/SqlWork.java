package dev.strata.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a borrowed connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
