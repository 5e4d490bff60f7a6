package dev.strata.store.sql;

import dev.strata.store.StoreConflictException;
import dev.strata.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns driver exceptions into {@link StoreException}s whose message says what failed and why. */
final class SqlErrors {
    private SqlErrors() {
    }

    static StoreException wrap(String what, SQLException e) {
        if (isConstraintViolation(e)) return new StoreConflictException(what + ": " + reason(e), e);
        return new StoreException(what + ": " + reason(e), e);
    }

    /** The driver's explanation, one line, with the SQLite result code or PostgreSQL SQLState. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) message = message.substring(0, newline).strip();
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code != null && !message.contains(code.name())) message = message + " (" + code.name() + ")";
        } else if (e.getSQLState() != null) {
            message = message + " (SQLState " + e.getSQLState() + ")";
        }
        if (isConnectionProblem(e)) message = "database connection lost: " + message;
        return message;
    }

    /** The connection is gone or unusable: reconnect before the next attempt. */
    static boolean isConnectionProblem(SQLException e) {
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException) return true;
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** The statement broke a unique or primary key constraint. */
    static boolean isConstraintViolation(SQLException e) {
        if (e instanceof SQLIntegrityConstraintViolationException) return true;
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code != null && code.name().startsWith("SQLITE_CONSTRAINT");
        }
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }

    /**
     * The failure lies in the data of the statement (bad encoding, constraint), not in the database:
     * retrying the same statement fails again, other statements may succeed.
     */
    static boolean isDataProblem(SQLException e) {
        if (isConstraintViolation(e)) return true;
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_TOOBIG || code == SQLiteErrorCode.SQLITE_MISMATCH;
        }
        String state = e.getSQLState();
        return state != null && state.startsWith("22");
    }
}
