package dev.strata.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;

/** Reads --as-of: an ISO date (midnight UTC), an ISO date-time with offset, or {@code now}. */
final class Instants implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            Instant i;
            if (value.equalsIgnoreCase("now")) i = Instant.now();
            else if (value.length() == 10) i = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            else i = OffsetDateTime.parse(value).toInstant();
            return i.truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an instant: expected 2025-01-01, 2025-01-01T12:00:00Z (with Z or an offset) or now");
        }
    }
}
