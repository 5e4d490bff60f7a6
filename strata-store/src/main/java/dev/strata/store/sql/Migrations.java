package dev.strata.store.sql;

import dev.strata.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date with the migrations in {@code db/strata} (same files for both databases). */
final class Migrations {
    static final String LOCATION = "classpath:db/strata";

    private Migrations() {
    }

    static void apply(Dialect dialect, String url) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations(LOCATION)
                    .placeholders(dialect.schemaPlaceholders())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the " + dialect.kind + " schema up to date: " + e.getMessage(), e);
        }
    }
}
