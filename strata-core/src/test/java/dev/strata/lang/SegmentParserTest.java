package dev.strata.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each form of the grammar parses to the tree it means. */
class SegmentParserTest {

    static Condition parse(String text) {
        return SegmentParser.parse(text);
    }

    static Path path(String... segments) {
        return new Path(List.of(segments));
    }

    static Literal num(double d) {
        return new Literal.Num(d);
    }

    static Literal str(String s) {
        return new Literal.Str(s);
    }

    static Condition test(Path p, ValuePredicate predicate) {
        return Conditions.test(p, predicate);
    }

    static Condition eq(String field, Literal value) {
        return test(path(field), new ValuePredicate.Compare(Cmp.EQ, value));
    }

    static final Condition A = eq("a", num(1));
    static final Condition B = eq("b", num(2));
    static final Condition C = eq("c", num(3));

    @Nested
    class Traits {
        @ParameterizedTest
        @CsvSource({"=,EQ", "!=,NE", "<,LT", "<=,LE", ">,GT", ">=,GE"})
        void everyComparison(String symbol, Cmp op) {
            assertThat(parse("income_band " + symbol + " 2")).isEqualTo(test(path("income_band"), new ValuePredicate.Compare(op, num(2))));
        }

        @Test
        void comparisonsNeedNoSpaces() {
            assertThat(parse("income_band<=2")).isEqualTo(test(path("income_band"), new ValuePredicate.Compare(Cmp.LE, num(2))));
        }

        @Test
        void dottedPathAndString() {
            assertThat(parse("address.state = \"CA\"")).isEqualTo(test(path("address", "state"), new ValuePredicate.Compare(Cmp.EQ, str("CA"))));
        }

        @ParameterizedTest
        @CsvSource({"0,0", "-3,-3", "2.5,2.5", "1e3,1000", "-1.5E-2,-0.015", "6.02e+23,6.02e23", "007,7"})
        void numbers(String written, double value) {
            assertThat(parse("x = " + written)).isEqualTo(eq("x", num(value)));
        }

        @Test
        void negativeZeroIsZero() {
            assertThat(parse("x = -0")).isEqualTo(parse("x = 0"));
        }

        @Test
        void booleansWithEqualsAndNotEquals() {
            assertThat(parse("diabetes = true")).isEqualTo(eq("diabetes", new Literal.Bool(true)));
            assertThat(parse("diabetes != FALSE")).isEqualTo(test(path("diabetes"), new ValuePredicate.Compare(Cmp.NE, new Literal.Bool(false))));
        }

        @Test
        void inAndNotIn() {
            assertThat(parse("address.state in (\"CA\", \"OR\")"))
                    .isEqualTo(test(path("address", "state"), new ValuePredicate.In(List.of(str("CA"), str("OR")), false)));
            assertThat(parse("plan NOT IN (\"uninsured\")"))
                    .isEqualTo(test(path("plan"), new ValuePredicate.In(List.of(str("uninsured")), true)));
            assertThat(parse("x in (1, \"1\", true)"))
                    .isEqualTo(test(path("x"), new ValuePredicate.In(List.of(num(1), str("1"), new Literal.Bool(true)), false)));
        }

        @Test
        void betweenNumbersAndStrings() {
            assertThat(parse("income_band between 1 and 3")).isEqualTo(test(path("income_band"), new ValuePredicate.Between(num(1), num(3))));
            assertThat(parse("address.zip BETWEEN \"90000\" AND \"96199\""))
                    .isEqualTo(test(path("address", "zip"), new ValuePredicate.Between(str("90000"), str("96199"))));
        }

        @Test
        void betweenBindsItsOwnAnd() {
            assertThat(parse("x between 1 and 2 and y = 3"))
                    .isEqualTo(Conditions.and(test(path("x"), new ValuePredicate.Between(num(1), num(2))), eq("y", num(3))));
        }

        @Test
        void isNullAndIsNotNull() {
            assertThat(parse("depression is null")).isEqualTo(test(path("depression"), new ValuePredicate.IsNull(false)));
            assertThat(parse("depression IS NOT NULL")).isEqualTo(test(path("depression"), new ValuePredicate.IsNull(true)));
        }

        @ParameterizedTest
        @CsvSource({"contains,CONTAINS", "starts_with,STARTS_WITH", "ends_with,ENDS_WITH", "Starts_With,STARTS_WITH"})
        void textOperators(String word, ValuePredicate.TextOp op) {
            assertThat(parse("address.city " + word + " \"San\""))
                    .isEqualTo(test(path("address", "city"), new ValuePredicate.Text(op, "San")));
        }

        @Test
        void age() {
            assertThat(parse("age(birthday) >= 65")).isEqualTo(test(path("birthday"), new ValuePredicate.Age(Cmp.GE, 65)));
            assertThat(parse("AGE ( profile.birthday ) < 17.5")).isEqualTo(test(path("profile", "birthday"), new ValuePredicate.Age(Cmp.LT, 17.5)));
        }

        @Test
        void contextPaths() {
            Condition c = parse("context.os.name != \"web\"");
            assertThat(c).isEqualTo(test(path("context", "os", "name"), new ValuePredicate.Compare(Cmp.NE, str("web"))));
            assertThat(((Condition.Test) c).path().isContext()).isTrue();
        }
    }

    @Nested
    class PathsAndStrings {
        @Test
        void pathsAreCaseSensitive() {
            assertThat(parse("State = \"CA\"")).isNotEqualTo(parse("state = \"CA\""));
        }

        @Test
        void stringsAreCaseSensitive() {
            assertThat(parse("state = \"ca\"")).isNotEqualTo(parse("state = \"CA\""));
        }

        @Test
        void backQuotedSegmentsMayHoldDotsSpacesAndKeywords() {
            assertThat(parse("`a.b`.c = 1")).isEqualTo(eq2(path("a.b", "c"), num(1)));
            assertThat(parse("`home address`.state = \"OR\"")).isEqualTo(eq2(path("home address", "state"), str("OR")));
            assertThat(parse("`not`.x = 1")).isEqualTo(eq2(path("not", "x"), num(1)));
            assertThat(parse("`did` = 1")).isEqualTo(eq("did", num(1)));
        }

        @Test
        void keywordsMayFollowTheFirstSegmentBare() {
            assertThat(parse("a.not.in = 1")).isEqualTo(eq2(path("a", "not", "in"), num(1)));
        }

        @Test
        void functionWordsArePlainTraitNamesWithoutParentheses() {
            assertThat(parse("age >= 3")).isEqualTo(test(path("age"), new ValuePredicate.Compare(Cmp.GE, num(3))));
            assertThat(parse("count = 2")).isEqualTo(eq("count", num(2)));
            assertThat(parse("near = \"x\"")).isEqualTo(eq("near", str("x")));
            assertThat(parse("sum.total > 1")).isEqualTo(test(path("sum", "total"), new ValuePredicate.Compare(Cmp.GT, num(1))));
            assertThat(parse("within = 1 and segment = 2 and where = 3"))
                    .isEqualTo(Conditions.and(eq("within", num(1)), eq("segment", num(2)), eq("where", num(3))));
        }

        @Test
        void stringEscapes() {
            assertThat(parse("x = \"a\\\"b\\\\c\\nd\\te\\u00e9\\u00E9\""))
                    .isEqualTo(eq("x", str("a\"b\\c\nd\te\u00e9\u00e9")));
        }

        @Test
        void stringsKeepAnyOtherCharacterAsIs() {
            assertThat(parse("x = \"caf\u00e9 \uD83D\uDE00 'q' (a, b)\"")).isEqualTo(eq("x", str("caf\u00e9 \uD83D\uDE00 'q' (a, b)")));
        }

        @Test
        void parsePathReadsTheLanguageSyntax() {
            assertThat(SegmentParser.parsePath("`a.b`.c")).isEqualTo(path("a.b", "c"));
            assertThat(SegmentParser.parsePath("address.state")).isEqualTo(path("address", "state"));
            assertThatThrownBy(() -> SegmentParser.parsePath("a..b")).isInstanceOf(SegmentSyntaxException.class)
                    .hasMessage("line 1, column 3: expected a path segment after '.', found '.'");
        }

        private Condition eq2(Path p, Literal v) {
            return test(p, new ValuePredicate.Compare(Cmp.EQ, v));
        }
    }

    @Nested
    class Events {
        @Test
        void didWithoutWhereOrWindowCountsAllTime() {
            assertThat(parse("did \"App Open\"")).isEqualTo(Conditions.did("App Open", Condition.TRUE, Window.ALL_TIME));
        }

        @Test
        void bareEventName() {
            assertThat(parse("did Immunization within 365d"))
                    .isEqualTo(Conditions.did("Immunization", Condition.TRUE, new Window.Within(new TimeSpan(365, TimeSpan.Unit.DAYS))));
        }

        @Test
        void eventNamesAreCaseSensitive() {
            assertThat(parse("did \"app open\"")).isNotEqualTo(parse("did \"App Open\""));
        }

        @ParameterizedTest
        @CsvSource({"30d,30,DAYS", "12h,12,HOURS", "2w,2,WEEKS", "1D,1,DAYS", "36 h,36,HOURS"})
        void durations(String written, long amount, TimeSpan.Unit unit) {
            assertThat(parse("did \"X\" within " + written))
                    .isEqualTo(Conditions.did("X", Condition.TRUE, new Window.Within(new TimeSpan(amount, unit))));
        }

        @Test
        void weeksAreSevenDays() {
            assertThat(new TimeSpan(2, TimeSpan.Unit.WEEKS).millis()).isEqualTo(new TimeSpan(14, TimeSpan.Unit.DAYS).millis());
        }

        @Test
        void agoWindow() {
            assertThat(parse("did \"App Open\" between 90d ago and 30d ago")).isEqualTo(Conditions.did("App Open", Condition.TRUE,
                    new Window.Ago(new TimeSpan(90, TimeSpan.Unit.DAYS), new TimeSpan(30, TimeSpan.Unit.DAYS))));
        }

        @Test
        void rangeWindowWithDatesAndDateTimes() {
            Window w = ((Condition.Did) parse("did \"X\" from 2025-01-01 to 2025-02-01T12:00:00Z")).window();
            assertThat(w).isEqualTo(new Window.Range(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T12:00:00Z")));
        }

        @Test
        void dateTimesWithAnOffsetAreConvertedAndKeepMilliseconds() {
            Window w = ((Condition.Did) parse("did \"X\" from 2025-01-01T12:00:00.250+02:00 to 2025-01-02")).window();
            assertThat(w).isEqualTo(new Window.Range(Instant.parse("2025-01-01T10:00:00.250Z"), Instant.parse("2025-01-02T00:00:00Z")));
        }

        @Test
        void whereWithOnePropertyCondition() {
            assertThat(parse("did \"Screening Completed\" where screening = \"fit\" within 365d"))
                    .isEqualTo(Conditions.did("Screening Completed", eq("screening", str("fit")),
                            new Window.Within(new TimeSpan(365, TimeSpan.Unit.DAYS))));
        }

        @Test
        void unparenthesisedWhereTakesOneConditionAndTheRestIsOutside() {
            assertThat(parse("did \"X\" where a = 1 and b = 2"))
                    .isEqualTo(Conditions.and(Conditions.did("X", A, Window.ALL_TIME), B));
        }

        @Test
        void parenthesisedWhereTakesAnExpression() {
            assertThat(parse("did \"X\" where (a = 1 and (b = 2 or not c = 3)) within 7d"))
                    .isEqualTo(Conditions.did("X", Conditions.and(A, Conditions.or(B, Conditions.not(C))),
                            new Window.Within(new TimeSpan(7, TimeSpan.Unit.DAYS))));
        }

        @Test
        void whereMayUseAge() {
            assertThat(parse("did \"X\" where age(dob) > 3"))
                    .isEqualTo(Conditions.did("X", test(path("dob"), new ValuePredicate.Age(Cmp.GT, 3)), Window.ALL_TIME));
        }

        @Test
        void betweenInWhereIsATraitPredicateAndAfterItAWindow() {
            Condition c = parse("did \"Survey Answered\" where score between 9 and 10 between 90d ago and 30d ago");
            assertThat(c).isEqualTo(Conditions.did("Survey Answered", test(path("score"), new ValuePredicate.Between(num(9), num(10))),
                    new Window.Ago(new TimeSpan(90, TimeSpan.Unit.DAYS), new TimeSpan(30, TimeSpan.Unit.DAYS))));
        }

        @Test
        void count() {
            assertThat(parse("count(\"Medication Refill\" where drug_class = \"statin\" within 180d) >= 5"))
                    .isEqualTo(Conditions.count("Medication Refill", eq("drug_class", str("statin")),
                            new Window.Within(new TimeSpan(180, TimeSpan.Unit.DAYS)), Cmp.GE, 5));
            assertThat(parse("COUNT ( \"App Open\" ) = 0")).isEqualTo(Conditions.count("App Open", Condition.TRUE, Window.ALL_TIME, Cmp.EQ, 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sum", "avg", "min", "max", "SUM", "Avg"})
        void aggregates(String fn) {
            assertThat(parse(fn + "(\"Step Goal Met\".steps within 7d) >= 50000.5"))
                    .isEqualTo(Conditions.aggregate(AggFn.fromWord(fn), "Step Goal Met", path("steps"), Condition.TRUE,
                            new Window.Within(new TimeSpan(7, TimeSpan.Unit.DAYS)), Cmp.GE, 50000.5));
        }

        @Test
        void aggregateOverANestedPropertyWithWhere() {
            assertThat(parse("max(Survey.answer.score where survey = \"nps\") < 7"))
                    .isEqualTo(Conditions.aggregate(AggFn.MAX, "Survey", path("answer", "score"), eq("survey", str("nps")), Window.ALL_TIME, Cmp.LT, 7));
        }
    }

    @Nested
    class GeoAndReferences {
        @Test
        void near() {
            assertThat(parse("near(address, 34.05, -118.24, 25 km)")).isEqualTo(Conditions.near(path("address"), 34.05, -118.24, 25));
        }

        @Test
        void nearAcceptsKmWrittenAgainstTheNumber() {
            assertThat(parse("NEAR(home.geo, -90, 180, 0.5KM)")).isEqualTo(Conditions.near(path("home", "geo"), -90, 180, 0.5));
        }

        @Test
        void segmentReference() {
            assertThat(parse("in segment \"Sick but savvy\"")).isEqualTo(Conditions.inSegment("Sick but savvy"));
            assertThat(parse("IN SEGMENT \"x\"")).isEqualTo(Conditions.inSegment("x"));
        }

        @Test
        void knownSegmentsAreCheckedWhenAResolverIsGiven() {
            assertThat(SegmentParser.parse("in segment \"Seniors\"", "Seniors"::equals)).isEqualTo(Conditions.inSegment("Seniors"));
            assertThatThrownBy(() -> SegmentParser.parse("in segment \"seniors\"", "Seniors"::equals))
                    .isInstanceOf(SegmentSyntaxException.class)
                    .hasMessage("line 1, column 12: unknown segment \"seniors\": expected the name of a segment defined before this one");
        }
    }

    @Nested
    class Logic {
        @Test
        void andBindsTighterThanOr() {
            assertThat(parse("a = 1 or b = 2 and c = 3")).isEqualTo(Conditions.or(A, Conditions.and(B, C)));
            assertThat(parse("a = 1 and b = 2 or c = 3")).isEqualTo(Conditions.or(Conditions.and(A, B), C));
        }

        @Test
        void notBindsTighterThanAnd() {
            assertThat(parse("not a = 1 and b = 2")).isEqualTo(Conditions.and(Conditions.not(A), B));
        }

        @Test
        void parenthesesOverridePrecedence() {
            assertThat(parse("(a = 1 or b = 2) and c = 3")).isEqualTo(Conditions.and(Conditions.or(A, B), C));
            assertThat(parse("not (a = 1 or b = 2)")).isEqualTo(Conditions.not(Conditions.or(A, B)));
        }

        @Test
        void keywordsAreCaseInsensitive() {
            assertThat(parse("DID \"X\" WITHIN 30D And NOT Did \"Y\" Or TRUE")).isEqualTo(Condition.TRUE);
            assertThat(parse("Did \"X\" Between 90D Ago AND 30d AGO oR not DID \"Y\" From 2025-01-01 To 2026-01-01"))
                    .isEqualTo(parse("did \"X\" between 90d ago and 30d ago or not did \"Y\" from 2025-01-01 to 2026-01-01"));
        }

        @Test
        void constants() {
            assertThat(parse("true")).isEqualTo(Condition.TRUE);
            assertThat(parse("FALSE")).isEqualTo(Condition.FALSE);
        }

        @Test
        void whiteSpaceAndLineBreaksAreFree() {
            assertThat(parse("\n  a = 1\n\tand\r\n  b = 2  \n")).isEqualTo(Conditions.and(A, B));
        }
    }

    @Nested
    class Simplification {
        @Test
        void trueAndFalseFold() {
            assertThat(parse("a = 1 and true")).isEqualTo(A);
            assertThat(parse("a = 1 or false")).isEqualTo(A);
            assertThat(parse("a = 1 and false")).isEqualTo(Condition.FALSE);
            assertThat(parse("a = 1 or true")).isEqualTo(Condition.TRUE);
            assertThat(parse("not true")).isEqualTo(Condition.FALSE);
        }

        @Test
        void doubleNegationCancels() {
            assertThat(parse("not not a = 1")).isEqualTo(A);
            assertThat(parse("not (not (not a = 1))")).isEqualTo(Conditions.not(A));
        }

        @Test
        void nestedJunctionsFlatten() {
            assertThat(parse("a = 1 and (b = 2 and c = 3)")).isEqualTo(new Condition.And(List.of(A, B, C)));
            assertThat(parse("(a = 1 or b = 2) or c = 3")).isEqualTo(new Condition.Or(List.of(A, B, C)));
        }

        @Test
        void duplicatesCollapseKeepingFirstOrder() {
            assertThat(parse("a = 1 and a = 1")).isEqualTo(A);
            assertThat(parse("b = 2 or a = 1 or b = 2")).isEqualTo(new Condition.Or(List.of(B, A)));
        }

        @Test
        void whereClausesSimplifyToo() {
            assertThat(parse("did \"X\" where (a = 1 and true)")).isEqualTo(Conditions.did("X", A, Window.ALL_TIME));
            assertThat(parse("did \"X\" where (true)")).isEqualTo(Conditions.did("X", Condition.TRUE, Window.ALL_TIME));
            assertThat(parse("did \"X\" where (a = 1 and false)")).isEqualTo(Condition.FALSE);
        }

        @Test
        void parenthesesAloneChangeNothing() {
            assertThat(parse("((a = 1))")).isEqualTo(A);
        }
    }

    @Nested
    class Limits {
        @Test
        void deepNestingWithinTheLimitParses() {
            int n = SegmentParser.MAX_NESTING;
            assertThat(parse("(".repeat(n) + "a = 1" + ")".repeat(n))).isEqualTo(A);
        }

        @Test
        void deeperNestingIsASyntaxErrorNotAStackOverflow() {
            int n = SegmentParser.MAX_NESTING + 1;
            assertThatThrownBy(() -> parse("(".repeat(n) + "a = 1" + ")".repeat(n)))
                    .isInstanceOf(SegmentSyntaxException.class)
                    .hasMessageContaining("column " + n + ": conditions nest more than " + SegmentParser.MAX_NESTING + " levels");
            assertThatThrownBy(() -> parse("not ".repeat(100_000) + "a = 1")).isInstanceOf(SegmentSyntaxException.class);
        }

        @Test
        void errorsCarryLineAndColumnSeparately() {
            SegmentSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(SegmentSyntaxException.class,
                    () -> parse("a = 1\nand b <> 2"));
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.reason()).isEqualTo("unknown operator '<>': expected =, !=, <, <=, >, >= (write !=)");
        }

        @Test
        void columnsCountCharactersNotUtf16Units() {
            SegmentSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(SegmentSyntaxException.class,
                    () -> parse("x = \"\uD83D\uDE00\" y"));
            assertThat(e.column()).isEqualTo(9);
        }
    }
}
