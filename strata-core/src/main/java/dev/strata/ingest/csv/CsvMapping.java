package dev.strata.ingest.csv;

import dev.strata.model.MessageType;
import java.util.List;
import java.util.Objects;

/**
 * How the rows of a CSV file become Segment-spec messages: one identify (a profile) or one track
 * call (an event) per row. Read from a JSON mapping file by {@link CsvMappingReader}; the format
 * is documented in docs/csv-import.md.
 *
 * @param type              identify (rows are profiles) or track (rows are events)
 * @param userIdColumn      the column holding the user id
 * @param anonymousIdColumn the column used when the user id cell is empty, or null
 * @param timestamp         how to read the message time; null for profiles stamped with the import time
 * @param eventColumn       track only: the column holding the event name, or null when {@code eventName} is set
 * @param eventName         track only: the one event name of every row, or null when {@code eventColumn} is set
 * @param messageIdColumn   the column holding a messageId, or null to derive one from source and key
 * @param source            the file identity in derived messageIds, or null for the file's name
 * @param keyColumns        the columns identifying a row in derived messageIds; empty for the whole row
 * @param traits            identify only: columns to traits
 * @param properties        track only: columns to properties
 * @param context           columns to the message context (context.os.name, ...)
 * @param delimiter         the field separator
 * @param nullText          a cell equal to this text becomes JSON null (a trait removal); null for none
 */
public record CsvMapping(MessageType type, String userIdColumn, String anonymousIdColumn, TimestampRule timestamp,
                         String eventColumn, String eventName, String messageIdColumn, String source,
                         List<String> keyColumns, List<FieldRule> traits, List<FieldRule> properties,
                         List<FieldRule> context, char delimiter, String nullText) {
    public CsvMapping {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userIdColumn, "userIdColumn");
        keyColumns = List.copyOf(keyColumns);
        traits = List.copyOf(traits);
        properties = List.copyOf(properties);
        context = List.copyOf(context);
    }

    /** Every column the mapping reads, for checking them against a file's header. */
    public List<ColumnUse> columnUses() {
        java.util.ArrayList<ColumnUse> uses = new java.util.ArrayList<>();
        uses.add(new ColumnUse("userId", userIdColumn));
        if (anonymousIdColumn != null) uses.add(new ColumnUse("anonymousId", anonymousIdColumn));
        if (timestamp != null) uses.add(new ColumnUse("timestamp.column", timestamp.column()));
        if (eventColumn != null) uses.add(new ColumnUse("event.column", eventColumn));
        if (messageIdColumn != null) uses.add(new ColumnUse("messageId.column", messageIdColumn));
        for (String k : keyColumns) uses.add(new ColumnUse("messageId.key", k));
        for (FieldRule f : traits) uses.add(new ColumnUse("traits." + f.path(), f.column()));
        for (FieldRule f : properties) uses.add(new ColumnUse("properties." + f.path(), f.column()));
        for (FieldRule f : context) uses.add(new ColumnUse("context." + f.path(), f.column()));
        return uses;
    }

    /** A mapping field and the column it names. */
    public record ColumnUse(String field, String column) {
    }
}
