package dev.strata.server.ingest;

import dev.strata.ingest.MessageJsonWriter;
import dev.strata.ingest.csv.CsvFileException;
import dev.strata.ingest.csv.CsvImporter;
import dev.strata.ingest.csv.CsvMapping;
import dev.strata.ingest.csv.CsvProblem;
import dev.strata.model.Message;
import dev.strata.server.web.ApiException;
import dev.strata.store.MessageLog;
import dev.strata.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * CSV rows into a running server: each row's message goes through the same preparation as a
 * message of {@code /v1/batch} and the same {@link IngestPipeline} (stored, then applied to the
 * live engine), in batches.
 */
@Service
public class CsvImportService {
    static final int BATCH = 2_000;
    /** Problems listed in the answer; the rest are counted. */
    static final int MAX_LISTED = 100;

    private final IngestPipeline pipeline;

    public CsvImportService(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What an import did; {@code problems} lists the first {@value #MAX_LISTED} skipped rows. */
    public record Outcome(long rows, long stored, long duplicates, long erased, long skipped, List<CsvProblem> problems) {
    }

    /**
     * @param name the file's name: it names the file in problems and is the source of derived messageIds,
     *             as for {@code bin/strata import csv}
     */
    public Outcome importCsv(CsvMapping mapping, Reader csv, String name) throws IOException, CsvFileException {
        long now = System.currentTimeMillis();
        Counts counts = new Counts();
        CsvImporter.Summary summary = new CsvImporter(mapping, now).read(csv, name, name, new CsvImporter.Sink() {
            @Override
            public void message(Message message, long line) {
                byte[] body = MessageJsonWriter.write(message).getBytes(StandardCharsets.UTF_8);
                try {
                    counts.add(MessagePreparation.prepare(body, BodyScanner.single(body), null, now));
                } catch (MessagePreparation.Refused | BodyScanner.BodyException e) {
                    counts.problem(new CsvProblem(name, line, e.getMessage()));
                }
            }

            @Override
            public void problem(CsvProblem problem) {
                counts.problem(problem);
            }
        });
        counts.flush();
        return new Outcome(summary.rows(), counts.stored, counts.duplicates, counts.erased, counts.skipped, List.copyOf(counts.problems));
    }

    private final class Counts {
        private List<Prepared> batch = new ArrayList<>(BATCH);
        private final List<CsvProblem> problems = new ArrayList<>();
        private long stored;
        private long duplicates;
        private long erased;
        private long skipped;

        void add(Prepared p) {
            batch.add(p);
            if (batch.size() == BATCH) flush();
        }

        void problem(CsvProblem p) {
            skipped++;
            if (problems.size() < MAX_LISTED) problems.add(p);
        }

        void flush() {
            if (batch.isEmpty()) return;
            for (MessageLog.Appended a : await(batch)) {
                if (a.outcome() == MessageLog.Outcome.STORED) stored++;
                else if (a.outcome() == MessageLog.Outcome.DUPLICATE) duplicates++;
                else erased++;
            }
            batch = new ArrayList<>(BATCH);
        }
    }

    private List<MessageLog.Appended> await(List<Prepared> batch) {
        try {
            return pipeline.submit(batch).get(IngestService.COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) throw ApiException.unavailable("rows not stored: " + se.getMessage() + "; importing the file again is safe");
            if (cause instanceof IllegalArgumentException ia) throw ApiException.badRequest("rows not stored: " + ia.getMessage());
            throw ApiException.unavailable("rows not stored: " + cause);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the store did not confirm within " + IngestService.COMMIT_WAIT_SECONDS
                    + " s; importing the file again is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for the store; importing the file again is safe");
        }
    }
}
