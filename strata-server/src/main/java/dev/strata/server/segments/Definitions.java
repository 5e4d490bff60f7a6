package dev.strata.server.segments;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentSyntaxException;
import dev.strata.server.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;

/** Reads definitions sent by clients, turning syntax errors into 400 {@code {"error","line","column"}}. */
public final class Definitions {
    /** Far beyond any real definition; keeps a hostile one from costing much. */
    public static final int MAX_LENGTH = 64 * 1024;

    private Definitions() {
    }

    public static Condition parse(String definition, Predicate<String> knownSegment) {
        return parse("definition", definition, knownSegment);
    }

    /** As {@link #parse(String, Predicate)}, naming the field the text came in. */
    public static Condition parse(String field, String definition, Predicate<String> knownSegment) {
        if (definition == null || definition.isBlank()) throw ApiException.badRequest("\"" + field + "\" is required");
        if (definition.length() > MAX_LENGTH) {
            throw ApiException.badRequest("\"" + field + "\" is " + definition.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        try {
            return SegmentParser.parse(definition, knownSegment);
        } catch (SegmentSyntaxException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("line", e.line());
            details.put("column", e.column());
            throw new ApiException(HttpStatus.BAD_REQUEST, e.reason(), details);
        }
    }
}
