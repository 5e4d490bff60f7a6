package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of each construct, written and read. */
class SegmentJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** The definition's JSON is {@code expected}, and reading {@code expected} gives the definition back. */
    private static void assertJson(String definition, String expected) {
        Condition c = SegmentParser.parse(definition);
        assertThat(SegmentJson.toJson(c)).isEqualTo(json(expected));
        assertThat(SegmentJson.fromJsonString(expected)).isEqualTo(c);
    }

    @Test
    void traitComparisons() {
        assertJson("address.state = \"CA\"", "{\"type\":\"trait\",\"path\":\"address.state\",\"op\":\"=\",\"value\":\"CA\"}");
        assertJson("income_band <= 2", "{\"type\":\"trait\",\"path\":\"income_band\",\"op\":\"<=\",\"value\":2}");
        assertJson("diabetes != true", "{\"type\":\"trait\",\"path\":\"diabetes\",\"op\":\"!=\",\"value\":true}");
        assertJson("x > 2.5", "{\"type\":\"trait\",\"path\":\"x\",\"op\":\">\",\"value\":2.5}");
    }

    @Test
    void wholeNumbersAreWrittenAsJsonIntegers() {
        assertThat(SegmentJson.toJsonString(SegmentParser.parse("x = 65.0"))).isEqualTo("{\"type\":\"trait\",\"path\":\"x\",\"op\":\"=\",\"value\":65}");
        assertThat(SegmentJson.toJsonString(SegmentParser.parse("x = 1e300"))).isEqualTo("{\"type\":\"trait\",\"path\":\"x\",\"op\":\"=\",\"value\":1.0E300}");
    }

    @Test
    void traitPredicates() {
        assertJson("plan in (\"medicare\", 3, false)", "{\"type\":\"trait\",\"path\":\"plan\",\"op\":\"in\",\"values\":[\"medicare\",3,false]}");
        assertJson("plan not in (\"uninsured\")", "{\"type\":\"trait\",\"path\":\"plan\",\"op\":\"not_in\",\"values\":[\"uninsured\"]}");
        assertJson("income_band between 1 and 3", "{\"type\":\"trait\",\"path\":\"income_band\",\"op\":\"between\",\"low\":1,\"high\":3}");
        assertJson("copd is null", "{\"type\":\"trait\",\"path\":\"copd\",\"op\":\"is_null\"}");
        assertJson("copd is not null", "{\"type\":\"trait\",\"path\":\"copd\",\"op\":\"is_not_null\"}");
        assertJson("address.city contains \"an\"", "{\"type\":\"trait\",\"path\":\"address.city\",\"op\":\"contains\",\"value\":\"an\"}");
        assertJson("address.city starts_with \"San\"", "{\"type\":\"trait\",\"path\":\"address.city\",\"op\":\"starts_with\",\"value\":\"San\"}");
        assertJson("address.city ends_with \"ville\"", "{\"type\":\"trait\",\"path\":\"address.city\",\"op\":\"ends_with\",\"value\":\"ville\"}");
        assertJson("age(birthday) >= 65", "{\"type\":\"age\",\"path\":\"birthday\",\"op\":\">=\",\"value\":65}");
    }

    @Test
    void pathsUseTheLanguageSyntax() {
        assertJson("`a.b`.c = 1", "{\"type\":\"trait\",\"path\":\"`a.b`.c\",\"op\":\"=\",\"value\":1}");
        assertJson("`not` = 1", "{\"type\":\"trait\",\"path\":\"`not`\",\"op\":\"=\",\"value\":1}");
    }

    @Test
    void jsonPathsMayNameAReservedWordWithoutBackQuotes() {
        Condition c = SegmentJson.fromJsonString("{\"type\":\"trait\",\"path\":\"not.in\",\"op\":\"is_null\"}");
        assertThat(c).isEqualTo(Conditions.test(Path.of("not", "in"), new ValuePredicate.IsNull(false)));
        assertThat(SegmentJson.toJsonString(c)).contains("\"path\":\"`not`.in\"");
    }

    @Test
    void logic() {
        assertJson("a = 1 and (b = 2 or not c = 3)", "{\"type\":\"and\",\"conditions\":["
                + "{\"type\":\"trait\",\"path\":\"a\",\"op\":\"=\",\"value\":1},"
                + "{\"type\":\"or\",\"conditions\":[{\"type\":\"trait\",\"path\":\"b\",\"op\":\"=\",\"value\":2},"
                + "{\"type\":\"not\",\"condition\":{\"type\":\"trait\",\"path\":\"c\",\"op\":\"=\",\"value\":3}}]}]}");
        assertJson("true", "{\"type\":\"true\"}");
        assertJson("false", "{\"type\":\"false\"}");
    }

    @Test
    void events() {
        assertJson("did \"App Open\"", "{\"type\":\"did\",\"event\":\"App Open\"}");
        assertJson("did \"Survey Answered\" where score >= 9 within 90d", "{\"type\":\"did\",\"event\":\"Survey Answered\","
                + "\"where\":{\"type\":\"trait\",\"path\":\"score\",\"op\":\">=\",\"value\":9},"
                + "\"window\":{\"type\":\"within\",\"duration\":\"90d\"}}");
        assertJson("did \"App Open\" between 90d ago and 30d ago",
                "{\"type\":\"did\",\"event\":\"App Open\",\"window\":{\"type\":\"ago\",\"from\":\"90d\",\"to\":\"30d\"}}");
        assertJson("did \"X\" from 2025-01-01 to 2025-02-01T12:00:00.5+01:00",
                "{\"type\":\"did\",\"event\":\"X\",\"window\":{\"type\":\"range\",\"from\":\"2025-01-01\",\"to\":\"2025-02-01T11:00:00.500Z\"}}");
        assertJson("count(\"App Open\" within 30d) >= 10",
                "{\"type\":\"count\",\"event\":\"App Open\",\"window\":{\"type\":\"within\",\"duration\":\"30d\"},\"op\":\">=\",\"value\":10}");
        assertJson("sum(\"Step Goal Met\".steps within 2w) >= 50000", "{\"type\":\"sum\",\"event\":\"Step Goal Met\",\"property\":\"steps\","
                + "\"window\":{\"type\":\"within\",\"duration\":\"2w\"},\"op\":\">=\",\"value\":50000}");
        assertJson("avg(\"Survey Answered\".score where survey = \"nps\") < 6.5", "{\"type\":\"avg\",\"event\":\"Survey Answered\",\"property\":\"score\","
                + "\"where\":{\"type\":\"trait\",\"path\":\"survey\",\"op\":\"=\",\"value\":\"nps\"},\"op\":\"<\",\"value\":6.5}");
    }

    @Test
    void geoAndReferences() {
        assertJson("near(address, 34.05, -118.24, 25 km)",
                "{\"type\":\"near\",\"path\":\"address\",\"latitude\":34.05,\"longitude\":-118.24,\"radius_km\":25}");
        assertJson("in segment \"Sick but savvy\"", "{\"type\":\"segment\",\"name\":\"Sick but savvy\"}");
    }

    @Test
    void readingSimplifiesThroughTheFactory() {
        assertThat(SegmentJson.fromJsonString("{\"type\":\"and\",\"conditions\":[{\"type\":\"true\"},"
                + "{\"type\":\"not\",\"condition\":{\"type\":\"not\",\"condition\":{\"type\":\"segment\",\"name\":\"S\"}}}]}"))
                .isEqualTo(Conditions.inSegment("S"));
        assertThat(SegmentJson.fromJsonString("{\"type\":\"and\",\"conditions\":[]}")).isEqualTo(Condition.TRUE);
        assertThat(SegmentJson.fromJsonString("{\"type\":\"or\",\"conditions\":[]}")).isEqualTo(Condition.FALSE);
    }

    @Test
    void nullWhereAndWindowMeanNone() {
        assertThat(SegmentJson.fromJsonString("{\"type\":\"did\",\"event\":\"X\",\"where\":null,\"window\":null}"))
                .isEqualTo(Conditions.did("X", Condition.TRUE, Window.ALL_TIME));
    }

    @Test
    void unknownSegmentsAreRejectedWhenAResolverIsGiven() {
        String json = "{\"type\":\"or\",\"conditions\":[{\"type\":\"segment\",\"name\":\"Seniors\"},{\"type\":\"segment\",\"name\":\"Juniors\"}]}";
        assertThatThrownBy(() -> SegmentJson.fromJsonString(json, "Seniors"::equals))
                .isInstanceOf(SegmentJsonException.class)
                .hasMessage("/conditions/1/name: unknown segment \"Juniors\": expected the name of a segment defined before this one");
    }

    @Test
    void errorsExposeThePointerAndTheReason() {
        SegmentJsonException e = org.junit.jupiter.api.Assertions.assertThrows(SegmentJsonException.class,
                () -> SegmentJson.fromJsonString("{\"type\":\"or\",\"conditions\":[{\"type\":\"true\"},{\"type\":\"trait\",\"path\":\"x\",\"op\":\"==\",\"value\":1}]}"));
        assertThat(e.pointer()).isEqualTo("/conditions/1/op");
        assertThat(e.reason()).startsWith("unknown operator \"==\"; expected one of \"=\", \"!=\"");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointersEscapeFieldNames() {
        assertThatThrownBy(() -> SegmentJson.fromJsonString("{\"type\":\"true\",\"a/b~c\":1}"))
                .hasMessage("/a~1b~0c: unknown field \"a/b~c\" in a true condition; expected only type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]|(root): expected a condition object {\"type\": ...}, found an empty array",
            "{\"type\":\"true\"} x|(root): not valid JSON",
            "{\"type\":\"true\",\"type\":\"false\"}|(root): not valid JSON",
            "|(root): expected a condition object {\"type\": ...}, found nothing",
    })
    void documentsThatAreNotAConditionObject(String json, String messageStart) {
        assertThatThrownBy(() -> SegmentJson.fromJsonString(json == null ? "" : json))
                .isInstanceOf(SegmentJsonException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void deeplyNestedDefinitionsWithinTheLimitSurviveJsonText() {
        Condition c = SegmentParser.parse("a = 0");
        for (int i = 1; i < SegmentParser.MAX_NESTING - 2; i++) {
            Condition leaf = SegmentParser.parse("a = " + i);
            c = i % 2 == 0 ? Conditions.and(leaf, c) : Conditions.or(leaf, c);
        }
        Condition deep = c;
        assertThat(SegmentJson.fromJsonString(SegmentJson.toJsonString(deep))).isEqualTo(deep);
        assertThat(SegmentParser.parse(SegmentPrinter.print(deep))).isEqualTo(deep);
    }

    @Test
    void deepNestingIsRejectedNotOverflowed() {
        JsonNode node = json("{\"type\":\"true\"}");
        for (int i = 0; i < SegmentParser.MAX_NESTING; i++) {
            tools.jackson.databind.node.ObjectNode not = MAPPER.createObjectNode();
            not.put("type", "not");
            not.set("condition", node);
            node = not;
        }
        JsonNode deep = node;
        assertThatThrownBy(() -> SegmentJson.fromJson(deep)).isInstanceOf(SegmentJsonException.class)
                .hasMessageContaining("nest more than " + SegmentParser.MAX_NESTING);
    }
}
