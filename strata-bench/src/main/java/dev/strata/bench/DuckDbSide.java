package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The peer in the comparison: an in-process, in-memory DuckDB fed the same NDJSON file. */
public final class DuckDbSide implements AutoCloseable {

    private final Connection connection;
    private final Path tempDirectory;
    private final Map<String, PreparedStatement> counts = new HashMap<>();
    private long asOfMillis = Long.MIN_VALUE;

    /** @param threads DuckDB worker threads, or null for DuckDB's default (one per core) */
    public DuckDbSide(Integer threads) {
        this(threads, null);
    }

    /**
     * @param threads     DuckDB worker threads, or null for DuckDB's default (one per core)
     * @param memoryLimit DuckDB's memory_limit such as "8GB", or null for its default (80% of RAM)
     */
    public DuckDbSide(Integer threads, String memoryLimit) {
        try {
            tempDirectory = Files.createTempDirectory("strata-bench-duckdb");
            connection = DriverManager.getConnection("jdbc:duckdb:");
            for (String sql : DuckDbSql.session(tempDirectory)) {
                execute(sql);
            }
            if (threads != null) {
                execute("SET threads = " + threads);
            }
            if (memoryLimit != null) {
                if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B")) {
                    throw new IllegalArgumentException("memory limit '" + memoryLimit + "' is not a size such as 8GB");
                }
                execute("SET memory_limit = '" + memoryLimit + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill directory for DuckDB", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory DuckDB: " + e.getMessage(), e);
        }
    }

    public DuckDbLoad load(Path ndjson, Instant asOf) {
        if (asOfMillis != Long.MIN_VALUE) {
            throw new IllegalStateException("this DuckDB side already holds a population; open another for " + ndjson);
        }
        asOfMillis = asOf.toEpochMilli();
        long start = System.nanoTime();
        execute(DuckDbSql.parse(ndjson));
        long parsed = System.nanoTime();
        for (String sql : DuckDbSql.build(asOfMillis)) {
            execute(sql);
        }
        long built = System.nanoTime();
        return new DuckDbLoad((parsed - start) / 1_000_000, (built - parsed) / 1_000_000,
                single("SELECT count(*) FROM profiles"), single("SELECT count(*) FROM events"));
    }

    /** The member count of a workload query; statements are prepared once and reused. */
    public long count(String queryId) {
        requireLoaded(queryId);
        try {
            PreparedStatement ps = counts.get(queryId);
            if (ps == null) {
                ps = connection.prepareStatement(DuckDbSql.count(queryId, asOfMillis));
                counts.put(queryId, ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on " + queryId + ": " + e.getMessage(), e);
        }
    }

    /** The external ids of the members of a workload query, sorted; for tests and diagnosis. */
    public List<String> members(String queryId) {
        requireLoaded(queryId);
        List<String> ids = new ArrayList<>();
        String sql = DuckDbSql.memberIds(queryId, asOfMillis);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed listing the members of " + queryId + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /** The external ids of every known profile, sorted. */
    public List<String> knownProfiles() {
        List<String> ids = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT user_id FROM profiles ORDER BY user_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed listing profiles: " + e.getMessage(), e);
        }
        return ids;
    }

    /** The memory DuckDB reports holding for its tables and buffers ({@code duckdb_memory()}). */
    public long memoryBytes() {
        return single("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()");
    }

    /** DuckDB's version, e.g. v1.5.0. */
    public String version() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB cannot tell its version: " + e.getMessage(), e);
        }
    }

    public String setting(String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB has no setting '" + name + "': " + e.getMessage(), e);
        }
    }

    private void requireLoaded(String queryId) {
        if (asOfMillis == Long.MIN_VALUE) {
            throw new IllegalStateException(queryId + " asked of DuckDB before any population was loaded");
        }
    }

    /** The first column of the first row of any query; for tests and diagnosis. */
    long scalar(String sql) {
        return single(sql);
    }

    private long single(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql + "\n" + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql + "\n" + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : counts.values()) {
                ps.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tempDirectory);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover empty spill directory in the system temp is harmless.
        }
    }
}
