package dev.strata.server.language;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentJson;
import dev.strata.lang.SegmentJsonException;
import dev.strata.lang.SegmentPrinter;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The two forms of a definition, for the visual builder: text to the JSON tree it edits, and back.
 * Both check segment references against the saved segments, so an unknown name is reported where
 * it is written.
 */
@RestController
@RequestMapping("/api/language")
@Tag(name = "language")
@SecurityRequirement(name = "bearer")
@Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
public class LanguageController {
    private final SegmentService segments;

    public LanguageController(SegmentService segments) {
        this.segments = segments;
    }

    record ParseRequest(String text) {
    }

    record PrintRequest(JsonNode tree) {
    }

    @Operation(summary = "Text to tree: {\"text\"} -> {\"tree\", \"text\" (canonical)}; 400 {\"error\",\"line\",\"column\"}")
    @PostMapping(path = "/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> parse(@RequestBody ParseRequest body) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition c = segments.parse("text", body.text());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tree", SegmentJson.toJson(c));
        out.put("text", SegmentPrinter.print(c));
        return out;
    }

    @Operation(summary = "Tree to text: {\"tree\"} -> {\"text\"}; 400 {\"error\",\"pointer\"} naming the bad node")
    @PostMapping(path = "/print", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> print(@RequestBody PrintRequest body) {
        if (body == null || body.tree() == null || body.tree().isNull()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "\"tree\" is required", Map.of("pointer", ""));
        }
        Condition c;
        try {
            c = SegmentJson.fromJson(body.tree(), segments::exists);
        } catch (SegmentJsonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.reason(), Map.of("pointer", e.pointer()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of("pointer", ""));
        }
        return Map.of("text", SegmentPrinter.print(c));
    }
}
