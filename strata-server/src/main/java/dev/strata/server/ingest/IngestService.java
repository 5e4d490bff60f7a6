package dev.strata.server.ingest;

import dev.strata.server.ops.StrataMetrics;
import dev.strata.server.web.ApiException;
import dev.strata.store.MessageLog.Appended;
import dev.strata.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Segment-compatible ingestion: reads a /v1 body, stores the valid messages durably, and answers
 * what became of each. A success answer is only given once the store has committed.
 */
@Service
public class IngestService {
    /** How long a request waits for the store's commit before answering 503. */
    static final long COMMIT_WAIT_SECONDS = 30;

    private final IngestPipeline pipeline;
    private final StrataMetrics metrics;

    public IngestService(IngestPipeline pipeline, StrataMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    public IngestAnswer ingest(Call call, byte[] body) {
        long now = System.currentTimeMillis();
        List<ScannedMessage> scanned;
        List<IngestAnswer.Rejection> rejected = new ArrayList<>();
        try {
            if (call == Call.BATCH) {
                BodyScanner.Scan scan = BodyScanner.batch(body);
                scanned = scan.messages();
                rejected.addAll(scan.notObjects());
            } else {
                scanned = List.of(BodyScanner.single(body));
            }
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (BodyScanner.BodyException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Prepared> ready = new ArrayList<>(scanned.size());
        for (ScannedMessage s : scanned) {
            try {
                ready.add(MessagePreparation.prepare(body, s, call == Call.BATCH ? null : call, now));
            } catch (MessagePreparation.Refused e) {
                rejected.add(new IngestAnswer.Rejection(s.index(), e.getMessage()));
            }
        }
        rejected.sort(Comparator.comparingInt(IngestAnswer.Rejection::index));
        metrics.messages("invalid", rejected.size());
        if (ready.isEmpty()) {
            if (call != Call.BATCH) throw ApiException.badRequest(rejected.get(0).reason());
            if (rejected.isEmpty()) throw ApiException.badRequest("the batch has no messages");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rejected", rejected);
            throw new ApiException(HttpStatus.BAD_REQUEST, "no valid message in the batch", details);
        }
        List<Appended> outcomes = await(ready);
        int stored = 0, duplicates = 0, erased = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i).outcome()) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case ERASED -> {
                    erased++;
                    rejected.add(new IngestAnswer.Rejection(ready.get(i).index(), "user '" + ready.get(i).pending().userKey()
                            + "' was erased; messages for it are refused"));
                }
            }
        }
        metrics.messages("stored", stored);
        metrics.messages("duplicate", duplicates);
        metrics.messages("erased", erased);
        rejected.sort(Comparator.comparingInt(IngestAnswer.Rejection::index));
        return new IngestAnswer(true, stored, duplicates, List.copyOf(rejected));
    }

    private List<Appended> await(List<Prepared> ready) {
        try {
            return pipeline.submit(ready).get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) throw ApiException.unavailable("messages not stored: " + se.getMessage());
            // the store refuses, before queueing, a message no database could hold
            if (cause instanceof IllegalArgumentException ia) throw ApiException.badRequest("messages not stored: " + ia.getMessage());
            throw ApiException.unavailable("messages not stored: " + cause);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the store did not confirm within " + COMMIT_WAIT_SECONDS
                    + " s; the messages may or may not be stored: retry with the same messageIds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for the store; retry with the same messageIds");
        }
    }

    private static ApiException malformed(JacksonException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        TokenStreamLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            details.put("line", loc.getLineNr());
            details.put("column", loc.getColumnNr());
        }
        return new ApiException(HttpStatus.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage(), details);
    }
}
