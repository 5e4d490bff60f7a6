package dev.strata.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;

/**
 * Reads --as-of and --end: {@code now}, or an instant as the language writes one (a date at
 * midnight UTC, or a date-time with Z or an offset, to the millisecond).
 */
final class Instants implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        if (value.equalsIgnoreCase("now")) return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            return dev.strata.lang.Instants.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an instant: " + e.getMessage() + ", or now");
        }
    }
}
