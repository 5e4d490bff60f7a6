package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tools.jackson.databind.json.JsonMapper;

/** The three forms of a definition (tree, text, JSON) carry exactly the same information. */
class RoundTripProperties {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Property(tries = 5000)
    void printedTextParsesBackToTheSameTree(@ForAll("conditions") Condition c) {
        String text = SegmentPrinter.print(c);
        assertThat(SegmentParser.parse(text)).as(text).isEqualTo(c);
    }

    @Property
    void jsonReadsBackToTheSameTree(@ForAll("conditions") Condition c) {
        assertThat(SegmentJson.fromJson(SegmentJson.toJson(c))).as(SegmentJson.toJsonString(c)).isEqualTo(c);
    }

    @Property
    void jsonTextReadsBackToTheSameTree(@ForAll("conditions") Condition c) {
        String json = SegmentJson.toJsonString(c);
        assertThat(SegmentJson.fromJsonString(json)).as(json).isEqualTo(c);
    }

    @Property
    void jsonTreeEqualsTheTreeOfItsOwnText(@ForAll("conditions") Condition c) {
        String json = SegmentJson.toJsonString(c);
        assertThat(MAPPER.readTree(json)).as(json).isEqualTo(SegmentJson.toJson(c));
    }

    @Property
    void textAndJsonOfATreeDescribeTheSameCondition(@ForAll("conditions") Condition c) {
        String text = SegmentPrinter.print(c);
        String json = SegmentJson.toJsonString(c);
        assertThat(SegmentParser.parse(text)).as(text + "\n" + json).isEqualTo(SegmentJson.fromJsonString(json));
    }

    @Property
    void printingIsIdempotent(@ForAll("conditions") Condition c) {
        String text = SegmentPrinter.print(c);
        assertThat(SegmentPrinter.print(SegmentParser.parse(text))).isEqualTo(text);
    }

    @Property
    void printedPathsParseBack(@ForAll("paths") Path p) {
        assertThat(SegmentParser.parsePath(p.toString())).as(p.toString()).isEqualTo(p);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        return ConditionArbitraries.conditions();
    }

    @Provide
    Arbitrary<Path> paths() {
        return ConditionArbitraries.paths();
    }
}
