package dev.strata.server.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segment's HTTP Tracking API. Authenticated by HTTP Basic with the write key as user name
 * ({@code AuthFilter}); only {@code application/json} bodies are accepted (415 otherwise).
 */
@RestController
@Tag(name = "ingest", description = "Segment-compatible HTTP Tracking API")
@SecurityRequirement(name = "writeKey")
public class IngestController {
    private final IngestService ingest;

    public IngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    @Operation(summary = "Identify a user with traits (at most 32 KB)")
    @PostMapping(path = "/v1/identify", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer identify(HttpServletRequest req) throws IOException {
        return handle(Call.IDENTIFY, req);
    }

    @Operation(summary = "Record an event (at most 32 KB)")
    @PostMapping(path = "/v1/track", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer track(HttpServletRequest req) throws IOException {
        return handle(Call.TRACK, req);
    }

    @Operation(summary = "Record a page view (stored, not evaluated)")
    @PostMapping(path = "/v1/page", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer page(HttpServletRequest req) throws IOException {
        return handle(Call.PAGE, req);
    }

    @Operation(summary = "Record a screen view (stored, not evaluated)")
    @PostMapping(path = "/v1/screen", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer screen(HttpServletRequest req) throws IOException {
        return handle(Call.SCREEN, req);
    }

    @Operation(summary = "Associate a user with a group (stored, not evaluated)")
    @PostMapping(path = "/v1/group", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer group(HttpServletRequest req) throws IOException {
        return handle(Call.GROUP, req);
    }

    @Operation(summary = "Merge two identities (stored, not evaluated)")
    @PostMapping(path = "/v1/alias", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer alias(HttpServletRequest req) throws IOException {
        return handle(Call.ALIAS, req);
    }

    @Operation(summary = "Send many messages at once (at most 500 KB, each at most 32 KB)")
    @PostMapping(path = {"/v1/batch", "/v1/import"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public IngestAnswer batch(HttpServletRequest req) throws IOException {
        return handle(Call.BATCH, req);
    }

    private IngestAnswer handle(Call call, HttpServletRequest req) throws IOException {
        byte[] body = BodyReader.read(req, call.bodyLimit(), "/v1/" + call.wireName());
        return ingest.ingest(call, body);
    }
}
