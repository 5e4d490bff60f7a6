package dev.strata.ingest.csv;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Turns the rows of CSV files into Segment-spec messages with a {@link CsvMapping}: one message
 * per row. A row that cannot be read (no user id, a bad number or time, the wrong number of
 * fields) is reported with the physical line where its record starts, and the rest goes on.
 */
public final class CsvImporter {

    /** Where the messages and the problems go, in file order. */
    public interface Sink {
        /** @param line the physical line where the row's record starts */
        void message(Message message, long line);

        void problem(CsvProblem problem);
    }

    /** What one file gave: data rows read, messages made, rows skipped. */
    public record Summary(long rows, long messages, long skipped) {
    }

    private final CsvMapping mapping;
    private final long now;
    private final CSVFormat format;

    /** @param now epoch millis stamped on profiles when the mapping names no timestamp column */
    public CsvImporter(CsvMapping mapping, long now) {
        this.mapping = mapping;
        this.now = now;
        // Unnamed columns (a spreadsheet's trailing commas) are allowed, repeated names are not.
        // Empty lines are kept as records so that the parser's line count stays the record start's
        // line; they are skipped below.
        this.format = CSVFormat.RFC4180.builder()
                .setDelimiter(mapping.delimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .setAllowMissingColumnNames(true)
                .get();
    }

    /** Reads a UTF-8 file (a byte order mark is dropped); derived messageIds use its file name as source. */
    public Summary read(Path file, Sink sink) throws IOException, CsvFileException {
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), String.valueOf(file.getFileName()), sink);
        }
    }

    /**
     * @param name   the file as problems name it
     * @param source the file's identity in derived messageIds (the mapping's {@code source} wins)
     */
    public Summary read(Reader reader, String name, String source, Sink sink) throws IOException, CsvFileException {
        Reader in = reader.markSupported() ? reader : new java.io.BufferedReader(reader, 1 << 16);
        dropByteOrderMark(in);
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(in).setFormat(format).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CsvFileException(name + ":1: unreadable header: " + e.getMessage());
        }
        try (parser) {
            Columns columns = columns(parser, name);
            String idSource = mapping.source() != null ? mapping.source() : source;
            long rows = 0;
            long messages = 0;
            long skipped = 0;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException e) {
                    // an unterminated quote or garbage after one: the parser cannot resynchronise
                    rows++;
                    skipped++;
                    sink.problem(new CsvProblem(name, line, "unreadable CSV, rest of the file skipped: " + e.getCause().getMessage()));
                    break;
                }
                if (record.size() == 1 && record.get(0).isEmpty() && columns.width() > 1) continue;
                rows++;
                try {
                    sink.message(message(record, columns, idSource), line);
                    messages++;
                } catch (BadRowException e) {
                    skipped++;
                    sink.problem(new CsvProblem(name, line, e.getMessage()));
                }
            }
            return new Summary(rows, messages, skipped);
        }
    }

    private static void dropByteOrderMark(Reader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') in.reset();
    }

    /** The header's column positions of every column the mapping uses. */
    private Columns columns(CSVParser parser, String name) throws CsvFileException {
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) throw new CsvFileException(name + ": no header row");
        for (CsvMapping.ColumnUse use : mapping.columnUses()) {
            if (!header.containsKey(use.column())) {
                throw new CsvFileException(name + ":1: no column '" + use.column() + "' (named by mapping field '" + use.field()
                        + "'); the header has " + parser.getHeaderNames());
            }
        }
        return new Columns(header, parser.getHeaderNames().size());
    }

    /** @param width the header's field count: the map holds one entry for several unnamed columns */
    private record Columns(Map<String, Integer> positions, int width) {

        String cell(CSVRecord r, String column) {
            return r.get(positions.get(column));
        }
    }

    private Message message(CSVRecord r, Columns c, String idSource) throws BadRowException {
        if (r.size() != c.width()) throw new BadRowException("has " + r.size() + " fields; the header has " + c.width());
        String userId = c.cell(r, mapping.userIdColumn());
        if (userId.isBlank() && mapping.anonymousIdColumn() != null) userId = c.cell(r, mapping.anonymousIdColumn());
        if (userId.isBlank()) {
            throw new BadRowException("no user id (column '" + mapping.userIdColumn() + "'"
                    + (mapping.anonymousIdColumn() == null ? "" : " nor '" + mapping.anonymousIdColumn() + "'") + " is empty)");
        }
        long timestamp = now;
        if (mapping.timestamp() != null) {
            String cell = c.cell(r, mapping.timestamp().column());
            if (cell.isBlank()) throw new BadRowException("no timestamp (column '" + mapping.timestamp().column() + "' is empty)");
            try {
                timestamp = mapping.timestamp().parse(cell);
            } catch (DateTimeException e) {
                throw new BadRowException("column '" + mapping.timestamp().column() + "': " + e.getMessage());
            }
        }
        String messageId = messageId(r, c, idSource);
        Json.Obj context = mapping.context().isEmpty() ? null : fields(r, c, mapping.context(), "context");
        if (context != null && context.fields().isEmpty()) context = null;
        if (mapping.type() == MessageType.IDENTIFY) {
            return Message.identify(userId, messageId, timestamp, fields(r, c, mapping.traits(), "traits"), context);
        }
        String event = mapping.eventName();
        if (event == null) {
            event = c.cell(r, mapping.eventColumn());
            if (event.isBlank()) throw new BadRowException("no event name (column '" + mapping.eventColumn() + "' is empty)");
        }
        return Message.track(userId, messageId, timestamp, event, fields(r, c, mapping.properties(), "properties"), context);
    }

    private String messageId(CSVRecord r, Columns c, String idSource) throws BadRowException {
        if (mapping.messageIdColumn() != null) {
            String id = c.cell(r, mapping.messageIdColumn());
            if (id.isBlank()) throw new BadRowException("no messageId (column '" + mapping.messageIdColumn() + "' is empty)");
            return id;
        }
        List<String> key = new ArrayList<>();
        if (mapping.keyColumns().isEmpty()) {
            for (String cell : r) key.add(cell);
        } else {
            for (String column : mapping.keyColumns()) key.add(c.cell(r, column));
        }
        return MessageIds.derive(idSource, key);
    }

    private Json.Obj fields(CSVRecord r, Columns c, List<FieldRule> rules, String kind) throws BadRowException {
        ObjectTree tree = new ObjectTree();
        for (FieldRule rule : rules) {
            String cell = c.cell(r, rule.column());
            if (cell.equals(mapping.nullText())) {
                tree.put(rule.segments(), Json.NULL);
                continue;
            }
            // a blank cell is no value; for strings only an empty one, since spaces may be the value
            if (rule.type() == ValueType.STRING ? cell.isEmpty() : cell.isBlank()) continue;
            try {
                tree.put(rule.segments(), rule.type().read(cell, rule));
            } catch (ValueType.BadCellException e) {
                throw new BadRowException("column '" + rule.column() + "' (" + kind + "." + rule.path() + ", "
                        + rule.type().mappingName() + "): " + e.getMessage());
            }
        }
        return tree.build();
    }

    /** A row that does not make a message; the reason names the column. */
    private static final class BadRowException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRowException(String reason) {
            super(reason, null, false, false);
        }
    }
}
