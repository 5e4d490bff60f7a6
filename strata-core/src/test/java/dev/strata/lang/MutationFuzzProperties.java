package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random edits of valid definitions (deleted, inserted, swapped and replaced characters) must
 * either parse or be rejected with the language's own exception, positioned inside the text; the
 * same for the JSON form. Anything else (an IllegalArgumentException from a record, an index out
 * of bounds, a stack overflow) is a parser bug.
 */
class MutationFuzzProperties {

    /** Hand-written definitions, in the layouts people use, next to the generated ones. */
    private static final List<String> SEEDS = List.of(
            "age(birthday) >= 65 and address.state in (\"CA\", \"OR\") and did \"Screening Completed\" within 365d and not did \"App Open\" within 30d",
            "count(\"Medication Refill\" within 90d) >= 3",
            "near(address, 34.05, -118.24, 25 km)",
            "(diabetes = true or hypertension = true) and (plan = \"medicare\" or income_band <= 2)\n  and context.os.name != \"web\"\n  and not did \"Doctor Visit\" within 180d",
            "did \"Survey Answered\" where score >= 9 within 90d and count(\"Appointment Booked\" within 365d) >= 2",
            "did \"App Open\" between 90d ago and 30d ago and not did \"App Open\" within 30d",
            "sum(\"Step Goal Met\".steps within 7d) >= 50000 or in segment \"Sick but savvy\"",
            "did \"X\" where (a between 1 and 2 or not `b.c` is null) from 2025-01-01 to 2025-02-01T12:00:00.5+02:00",
            "note = \"a\\\"b\\\\c\\n\\u00e9\" and x starts_with \"\uD83D\uDE00\"",
            "AVG(\"Survey Answered\".score WHERE survey = \"nps\" BETWEEN 2w AGO AND 12h AGO) < 6.5e0");

    private static final String ALPHABET = "()\"`\\.,=<>!-+0123456789 \n\tdhwkmeE_aZ'\u00e9\uD83D\uDE00";

    record Edit(int kind, double at, String text) {
        String applyTo(String s) {
            int i = (int) Math.floor(at * (s.length() + 1));
            i = Math.min(i, s.length());
            switch (kind) {
                case 0: // delete one character
                    return i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s;
                case 1: // insert
                    return s.substring(0, i) + text + s.substring(i);
                case 2: // swap with the next character
                    return i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
                case 3: // replace one character
                    return i < s.length() ? s.substring(0, i) + text + s.substring(i + 1) : s + text;
                default: // cut everything after i
                    return s.substring(0, i);
            }
        }
    }

    @Property(tries = 3000)
    void editedDefinitionsParseOrFailWithAPosition(@ForAll("definitions") String original, @ForAll("edits") List<Edit> edits) {
        String text = original;
        for (Edit e : edits) text = e.applyTo(text);
        Condition parsed;
        try {
            parsed = SegmentParser.parse(text, name -> !name.startsWith("unknown"));
        } catch (SegmentSyntaxException e) {
            Statistics.collect("rejected");
            assertPositionInside(text, e);
            return;
        }
        Statistics.collect("parses");
        // whatever the parser accepts must also survive the round trip
        assertThat(SegmentParser.parse(SegmentPrinter.print(parsed))).as(text).isEqualTo(parsed);
    }

    @Property(tries = 1500)
    void editedJsonReadsOrFailsWithAPointer(@ForAll("jsonDocuments") String original, @ForAll("edits") List<Edit> edits) {
        String json = original;
        for (Edit e : edits) json = e.applyTo(json);
        try {
            Condition c = SegmentJson.fromJsonString(json);
            Statistics.collect("reads");
            assertThat(SegmentJson.fromJson(SegmentJson.toJson(c))).isEqualTo(c);
        } catch (SegmentJsonException e) {
            Statistics.collect("rejected");
            assertThat(e.pointer()).as(e.getMessage()).matches("(/[^/]*)*");
            assertThat(e.getMessage()).doesNotContain("Exception");
        }
    }

    private static void assertPositionInside(String text, SegmentSyntaxException e) {
        String[] lines = text.split("\n", -1);
        assertThat(e.line()).as(e.getMessage() + " in:\n" + text).isBetween(1, lines.length);
        String line = lines[e.line() - 1];
        assertThat(e.column()).as(e.getMessage() + " in:\n" + text).isBetween(1, line.codePointCount(0, line.length()) + 1);
        assertThat(e.reason()).isNotBlank();
    }

    @Provide
    Arbitrary<String> definitions() {
        return Arbitraries.oneOf(
                Arbitraries.of(SEEDS),
                ConditionArbitraries.conditions(3).map(SegmentPrinter::print));
    }

    @Provide
    Arbitrary<String> jsonDocuments() {
        return Arbitraries.oneOf(
                Arbitraries.of(SEEDS).map(s -> SegmentJson.toJsonString(SegmentParser.parse(s))),
                ConditionArbitraries.conditions(3).map(SegmentJson::toJsonString));
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> inserts = Arbitraries.oneOf(
                Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(3),
                Arbitraries.of(" and ", " or ", "not ", "(", ")", " within 30d", " where ", "in segment \"unknown\"", "`", "\"",
                        "1e999", " between ", " ago", "km", ",", "{", "}", "[", "]", ":", "null", "\"type\""));
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.frequency(
                                net.jqwik.api.Tuple.of(4, 0), net.jqwik.api.Tuple.of(4, 1), net.jqwik.api.Tuple.of(2, 2),
                                net.jqwik.api.Tuple.of(3, 3), net.jqwik.api.Tuple.of(1, 4)),
                        Arbitraries.doubles().between(0, 1),
                        inserts)
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }
}
