package dev.strata.lang;

import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON form of a condition, used by the API and the visual builder. Every node is
 * an object with a {@code "type"}:
 *
 * <pre>
 * {"type":"and","conditions":[...]}   {"type":"or","conditions":[...]}   {"type":"not","condition":{...}}
 * {"type":"true"}   {"type":"false"}
 * {"type":"trait","path":"address.state","op":"=","value":"CA"}        op: = != &lt; &lt;= &gt; &gt;=
 * {"type":"trait","path":"plan","op":"in","values":["medicare","medicaid"]}     op: in, not_in
 * {"type":"trait","path":"income_band","op":"between","low":1,"high":3}
 * {"type":"trait","path":"diabetes","op":"is_null"}                           op: is_null, is_not_null
 * {"type":"trait","path":"address.city","op":"starts_with","value":"San"}     op: contains, starts_with, ends_with
 * {"type":"age","path":"birthday","op":"&gt;=","value":65}
 * {"type":"did","event":"App Open","where":{...},"window":{...}}             where and window optional
 * {"type":"count","event":"App Open","window":{...},"op":"&gt;=","value":3}
 * {"type":"sum","event":"Step Goal Met","property":"steps","window":{...},"op":"&gt;=","value":50000}   also avg, min, max
 * {"type":"pdc","event":"Medication Refill","where":{...},"window":{"type":"within","duration":"365d"},"op":"&lt;","value":0.8}   also mpr; window required, days or weeks
 * {"type":"screening_due","program":"colorectal"}   also "breast", "cervical"
 * {"type":"near","path":"address","latitude":34.05,"longitude":-118.24,"radius_km":25}
 * {"type":"segment","name":"Sick but savvy"}
 * window: {"type":"within","duration":"30d"} | {"type":"ago","from":"90d","to":"30d"}
 *       | {"type":"range","from":"2025-01-01","to":"2025-02-01T12:00:00Z"}
 * </pre>
 *
 * Paths are written in the language's path syntax ({@code "`a.b`.c"}). Reading applies the
 * parser's checks and simplifies through {@link Conditions}; unknown fields are rejected, and
 * errors are {@link SegmentJsonException}s naming the JSON Pointer of the bad node. The full
 * description is in docs/segment-language.md.
 */
public final class SegmentJson {

    /**
     * Each level of conditions takes up to two levels of JSON (an object and its array), so the
     * JSON limits are set from the language's own: a definition within the language's nesting
     * limit always fits, and deeper ones get the language's error rather than the JSON parser's.
     */
    private static final int MAX_JSON_DEPTH = 2 * SegmentParser.MAX_NESTING + 16;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SegmentJson() {
    }

    public static JsonNode toJson(Condition c) {
        return SegmentJsonWriter.write(c);
    }

    /** Compact JSON text. */
    public static String toJsonString(Condition c) {
        return MAPPER.writeValueAsString(toJson(c));
    }

    /** Indented JSON text, for people to read. */
    public static String toPrettyJsonString(Condition c) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(c));
    }

    /** Reads a condition; any segment reference is accepted. */
    public static Condition fromJson(JsonNode node) {
        return fromJson(node, name -> true);
    }

    /** Reads a condition whose segment references must satisfy {@code knownSegment}. */
    public static Condition fromJson(JsonNode node, Predicate<String> knownSegment) {
        return SegmentJsonReader.read(node, knownSegment);
    }

    public static Condition fromJsonString(String json) {
        return fromJsonString(json, name -> true);
    }

    /** Jackson's messages end with where its input came from, which says nothing to the user. */
    private static String withoutSourceDetails(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        int marker = firstLine.indexOf(" (start marker at");
        return marker < 0 ? firstLine : firstLine.substring(0, marker);
    }

    public static Condition fromJsonString(String json, Predicate<String> knownSegment) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SegmentJsonException("", "not valid JSON" + where + ": " + withoutSourceDetails(e.getOriginalMessage()));
        }
        return fromJson(node, knownSegment);
    }
}
