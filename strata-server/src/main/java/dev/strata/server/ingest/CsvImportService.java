package dev.strata.server.ingest;

import dev.strata.ingest.MessageJsonWriter;
import dev.strata.ingest.csv.CsvFileException;
import dev.strata.ingest.csv.CsvImporter;
import dev.strata.ingest.csv.CsvMapping;
import dev.strata.ingest.csv.CsvProblem;
import dev.strata.model.Message;
import dev.strata.server.ops.StrataMetrics;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * CSV rows into a running server: each row's message goes through {@link ImportBatches} (the
 * preparation of a {@code /v1/batch} message, then the {@link IngestPipeline}: stored, then
 * applied to the live engine), in batches.
 */
@Service
public class CsvImportService {
    /** Problems listed in the answer; the rest are counted. */
    static final int MAX_LISTED = 100;

    private final IngestPipeline pipeline;
    private final StrataMetrics metrics;

    public CsvImportService(IngestPipeline pipeline, StrataMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    /**
     * What an import did; {@code problems} lists the first {@value #MAX_LISTED} skipped rows;
     * {@code batches} is how many submissions to the pipeline stored the rows.
     */
    public record Outcome(long rows, long stored, long duplicates, long erased, long skipped, List<CsvProblem> problems, int batches) {
    }

    /**
     * @param name the file's name: it names the file in problems and is the source of derived messageIds,
     *             as for {@code bin/strata import csv}
     */
    public Outcome importCsv(CsvMapping mapping, Reader csv, String name) throws IOException, CsvFileException {
        ImportBatches batches = new ImportBatches(pipeline, metrics, "rows", user -> { });
        Problems problems = new Problems();
        CsvImporter.Summary summary = new CsvImporter(mapping, batches.now()).read(csv, name, name, new CsvImporter.Sink() {
            @Override
            public void message(Message message, long line) {
                try {
                    batches.add(MessageJsonWriter.write(message));
                } catch (LinePreparation.RefusedLine e) {
                    problems.add(new CsvProblem(name, line, e.getMessage()));
                }
            }

            @Override
            public void problem(CsvProblem problem) {
                problems.add(problem);
            }
        });
        ImportBatches.Totals t = batches.finish();
        return new Outcome(summary.rows(), t.stored(), t.duplicates(), t.erased(), problems.skipped, List.copyOf(problems.listed), t.batches());
    }

    private static final class Problems {
        private final List<CsvProblem> listed = new ArrayList<>();
        private long skipped;

        void add(CsvProblem p) {
            skipped++;
            if (listed.size() < MAX_LISTED) listed.add(p);
        }
    }
}
