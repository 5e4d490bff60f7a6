package dev.strata.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Any cells a CSV writer quotes (delimiters, quotes, CR, LF, spaces, non-ASCII) come back as
 * written, and every row is placed at the physical line where its record starts.
 */
class CsvQuotingProperties {

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.strings().withChars(',', ';', '"', '\n', '\r', ' ', '\t', 'a', 'Z', '7', 'é', '\u4e2d')
                .ofMinLength(0).ofMaxLength(12);
        return cell.list().ofSize(3).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void cellsComeBackAsWrittenAtTheirLines(@ForAll("tables") List<List<String>> table, @ForAll boolean semicolon) throws Exception {
        char delimiter = semicolon ? ';' : ',';
        CsvMapping mapping = CsvMappingReader.parse("m.json", "{\"type\": \"track\", \"userId\": \"id\", \"timestamp\": {\"column\": \"t\", \"format\": \"epoch_millis\"},"
                + " \"event\": {\"name\": \"E\"}, \"delimiter\": \"" + delimiter + "\", \"properties\": {\"a\": \"a\", \"b.c\": \"b\", \"d\": \"d\"}}");
        StringBuilder text = new StringBuilder();
        List<Long> startLines = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVPrinter p = new CSVPrinter(text, format)) {
            p.printRecord("id", "t", "a", "b", "d");
            for (int i = 0; i < table.size(); i++) {
                p.flush();
                startLines.add(lines(text) + 1);
                List<String> row = table.get(i);
                p.printRecord("u" + i, Integer.toString(i), row.get(0), row.get(1), row.get(2));
            }
        }
        List<Message> messages = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<CsvProblem> problems = new ArrayList<>();
        new CsvImporter(mapping, 0L).read(new StringReader(text.toString()), "t.csv", "t.csv", new CsvImporter.Sink() {
            @Override
            public void message(Message message, long line) {
                messages.add(message);
                lines.add(line);
            }

            @Override
            public void problem(CsvProblem problem) {
                problems.add(problem);
            }
        });

        assertThat(problems).isEmpty();
        assertThat(lines).isEqualTo(startLines);
        for (int i = 0; i < table.size(); i++) {
            Message m = messages.get(i);
            assertThat(m.userId()).isEqualTo("u" + i);
            assertThat(m.timestamp()).isEqualTo(i);
            assertThat(m.properties().get("a")).isEqualTo(value(table.get(i).get(0)));
            Json b = m.properties().get("b");
            assertThat(b == null ? null : ((Json.Obj) b).get("c")).isEqualTo(value(table.get(i).get(1)));
            assertThat(m.properties().get("d")).isEqualTo(value(table.get(i).get(2)));
        }
    }

    private static Json value(String cell) {
        return cell.isEmpty() ? null : new Json.Str(cell);
    }

    /** Line terminators so far: CRLF, CR and LF each end one line. */
    private static long lines(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') n++;
            else if (c == '\r') {
                n++;
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
            }
        }
        return n;
    }
}
