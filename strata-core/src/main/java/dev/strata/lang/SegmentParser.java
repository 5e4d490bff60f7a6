package dev.strata.lang;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for the segment language (spec section 2). It reads characters
 * directly rather than a token stream because several tokens are contextual: {@code 30d} is a
 * duration only after {@code within}, {@code 2025-01-01} an instant only after {@code from}.
 *
 * <p>Errors carry the line and column of the offending text and what was expected there. Type
 * errors (a boolean with {@code <}, {@code between} mixing a number and a string) and unknown
 * segment references are reported at the position of the literal or reference.
 */
public final class SegmentParser {

    private static final Set<String> FUNCTIONS = Set.of("count", "sum", "avg", "min", "max", "age", "near", "pdc", "mpr", "screening_due", "days_since", "count_days", "no_show_rate");

    /** Words that end an event condition's name: a bare event name cannot be one of them. */
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "within", "between", "from");

    /**
     * How deeply parentheses, {@code not} and where clauses may nest. Far beyond any real
     * definition; it exists so that hostile input gets a syntax error instead of exhausting the stack.
     */
    static final int MAX_NESTING = 500;

    private final String src;
    private final Predicate<String> knownSegment;
    /** What the text is, for "found the end of the ...": a definition or a path. */
    private final String textName;
    private int pos;
    private int nesting;

    private SegmentParser(String src, Predicate<String> knownSegment, String textName) {
        this.src = src;
        this.knownSegment = knownSegment;
        this.textName = textName;
    }

    /** Parses a definition; any {@code in segment} reference is accepted. */
    public static Condition parse(String text) {
        return parse(text, name -> true);
    }

    /** Parses a definition whose {@code in segment} references must satisfy {@code knownSegment}. */
    public static Condition parse(String text, Predicate<String> knownSegment) {
        SegmentParser p = new SegmentParser(text, knownSegment, "definition");
        p.skipWs();
        if (p.atEnd()) throw p.error(p.pos, "expected a condition, found the end of the definition");
        Condition c = p.expr(false);
        p.skipWs();
        if (!p.atEnd()) {
            String unmatched = p.src.charAt(p.pos) == ')' ? " with no '(' before it to close" : "";
            throw p.error(p.pos, "expected 'and', 'or' or the end of the definition, found " + p.describeHere() + unmatched);
        }
        return c;
    }

    /** Parses a path as written in the language, e.g. {@code address.state} or {@code `a.b`.c}. */
    public static Path parsePath(String text) {
        SegmentParser p = new SegmentParser(text, n -> true, "path");
        p.skipWs();
        Path path = p.path();
        p.skipWs();
        if (!p.atEnd()) throw p.error(p.pos, "expected the end of the path, found " + p.describeHere());
        return path;
    }

    // ---- grammar ------------------------------------------------------------------------------

    /** An and/or/not expression; in a where clause ({@code inWhere}) its leaves are property conditions. */
    private Condition expr(boolean inWhere) {
        List<Condition> terms = new ArrayList<>();
        terms.add(term(inWhere));
        while (acceptKeyword("or")) terms.add(term(inWhere));
        return Conditions.or(terms);
    }

    private Condition term(boolean inWhere) {
        List<Condition> factors = new ArrayList<>();
        factors.add(factor(inWhere));
        while (acceptKeyword("and")) factors.add(factor(inWhere));
        return Conditions.and(factors);
    }

    private Condition factor(boolean inWhere) {
        skipWs();
        if (!inWhere && atEnd()) throw error(pos, "expected a condition, found the end of the definition");
        rejectKeywordAsPath(inWhere ? "a property condition" : "a condition");
        int at = pos;
        if (acceptKeyword("not")) {
            enter(at);
            Condition c = Conditions.not(factor(inWhere));
            nesting--;
            return c;
        }
        if (accept('(')) {
            enter(at);
            Condition c = expr(inWhere);
            expect(')', "')' to close the '(' at " + position(at));
            nesting--;
            return c;
        }
        if (acceptKeyword("true")) return Condition.TRUE;
        if (acceptKeyword("false")) return Condition.FALSE;
        return inWhere ? propCondition() : condition();
    }

    private void enter(int at) {
        if (++nesting > MAX_NESTING) {
            throw error(at, "conditions nest more than " + MAX_NESTING + " levels deep here: expected a flatter definition");
        }
    }

    /** {@code not = 3}: the user meant a trait named like a keyword, which must be back-quoted. */
    private void rejectKeywordAsPath(String what) {
        String word = peekBareWord();
        if (word == null || !Keywords.isReserved(word)) return;
        char next = nextNonWsAfter(pos + word.length());
        if (next != 0 && "=!<>.".indexOf(next) >= 0) {
            throw error(pos, "expected " + what + ", found the keyword '" + word + "' used as a path: write a path that starts with a keyword back-quoted, `"
                    + word + "`");
        }
    }

    private Condition condition() {
        skipWs();
        int start = pos;
        String word = peekBareWord();
        if (word != null) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("did")) {
                pos += word.length();
                return did();
            }
            if (lower.equals("in")) {
                pos += word.length();
                if (!acceptKeyword("segment")) {
                    throw error(pos, "expected 'segment' after 'in' (in segment \"name\")" + foundSuffix()
                            + " (a path named in is written back-quoted: `in`)");
                }
                return segmentRef();
            }
            if (FUNCTIONS.contains(lower) && nextNonWsAfter(pos + word.length()) == '(') {
                pos += word.length();
                skipWs();
                pos++; // '('
                return switch (lower) {
                    case "count" -> count();
                    case "age" -> age();
                    case "near" -> near();
                    case "pdc", "mpr" -> supply(SupplyFn.fromWord(lower));
                    case "screening_due" -> screeningDue();
                    case "days_since" -> daysSince();
                    case "count_days" -> countDays();
                    case "no_show_rate" -> noShowRate();
                    default -> aggregate(AggFn.fromWord(lower));
                };
            }
            if (Keywords.isReserved(word)) {
                throw error(start, "expected a condition, found the keyword '" + word + "'"
                        + " (a path with that name is written back-quoted: `" + word + "`)");
            }
        }
        if (word == null && !atEnd() && src.charAt(pos) != '`') {
            throw error(pos, "expected a condition (a path, did, count, sum, avg, min, max, pdc, mpr, count_days, days_since, no_show_rate, screening_due, age, near, in segment, not or '('), found "
                    + describeHere());
        }
        Path path = path();
        return Conditions.test(path, predicate(path));
    }

    /** The part of a trait or property condition after its path. */
    private ValuePredicate predicate(Path path) {
        skipWs();
        int opPos = pos;
        Cmp cmp = acceptCmp();
        if (cmp != null) {
            Literal lit = literal();
            if (lit instanceof Literal.Bool && cmp != Cmp.EQ && cmp != Cmp.NE) {
                throw error(opPos, "booleans compare only with = or !=: expected = or != before " + lit + ", found " + cmp.symbol());
            }
            return new ValuePredicate.Compare(cmp, lit);
        }
        if (acceptKeyword("not")) {
            if (!acceptKeyword("in")) throw error(pos, "expected 'in' after 'not' (path not in (...))" + foundSuffix());
            return new ValuePredicate.In(literalList(), true);
        }
        if (acceptKeyword("in")) return new ValuePredicate.In(literalList(), false);
        if (acceptKeyword("between")) {
            int lowPos = skipWsPos();
            Literal low = literal();
            if (!acceptKeyword("and")) throw error(pos, "expected 'and' between the two bounds of between" + foundSuffix());
            int highPos = skipWsPos();
            Literal high = literal();
            if (low instanceof Literal.Bool) throw error(lowPos, "between takes numbers or strings: expected a number or a string as the lower bound, found " + low);
            if (high instanceof Literal.Bool) throw error(highPos, "between takes numbers or strings: expected a number or a string as the upper bound, found " + high);
            if (low.getClass() != high.getClass()) {
                throw error(highPos, "between mixes a " + low.typeName() + " and a " + high.typeName()
                        + ": expected a " + low.typeName() + " as the upper bound, found " + high);
            }
            return new ValuePredicate.Between(low, high);
        }
        if (acceptKeyword("is")) {
            boolean negated = acceptKeyword("not");
            if (!acceptKeyword("null")) throw error(pos, "expected 'null' after 'is" + (negated ? " not" : "") + "'" + foundSuffix());
            return new ValuePredicate.IsNull(negated);
        }
        for (ValuePredicate.TextOp op : ValuePredicate.TextOp.values()) {
            if (acceptKeyword(op.word())) {
                skipWs();
                if (atEnd() || src.charAt(pos) != '"') throw error(pos, op.word() + " applies to strings only: expected a string" + foundSuffix());
                return new ValuePredicate.Text(op, string());
            }
        }
        throw error(opPos, "expected a comparison (=, !=, <, <=, >, >=), in, not in, between, is null, is not null, contains, starts_with or ends_with after '"
                + path + "', found " + describeHere());
    }

    private List<Literal> literalList() {
        expect('(', "'(' to start the list of values");
        List<Literal> values = new ArrayList<>();
        values.add(literal());
        while (accept(',')) values.add(literal());
        expect(')', "',' or ')' in the list of values");
        return values;
    }

    private Condition age() {
        Path path = path();
        expect(')', "')' after the path in age(...)");
        skipWs();
        int opPos = pos;
        Cmp cmp = acceptCmp();
        if (cmp == null) throw error(opPos, "expected a comparison (=, !=, <, <=, >, >=) after age(...)" + foundSuffix());
        return Conditions.test(path, new ValuePredicate.Age(cmp, number("a number of years")));
    }

    private Condition did() {
        String event = eventName();
        Condition where = optionalWhere();
        Window window = optionalWindow();
        rejectMisplacedClause(window);
        return Conditions.did(event, where, window);
    }

    /** A where after the window, or a second window: say so rather than report trailing text. */
    private void rejectMisplacedClause(Window window) {
        String word = peekBareWord();
        if (word == null) return;
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("where")) {
            throw error(pos, "expected the where clause before the window (did \"Event\" where ... within 30d), found 'where' after it");
        }
        if (!(window instanceof Window.AllTime) && (lower.equals("within") || lower.equals("from"))) {
            throw error(pos, "expected one window at most, found a second one starting with '" + word + "'");
        }
    }

    private Condition count() {
        String event = eventName();
        Condition where = optionalWhere();
        Window window = optionalWindow();
        rejectMisplacedClause(window);
        Cmp cmp = closeAndCompare("count");
        return Conditions.count(event, where, window, cmp, integer("a whole number of events"));
    }

    private Condition aggregate(AggFn fn) {
        String event = eventName();
        expect('.', "'.' and a property after the event name (" + fn.word() + "(\"Event\".property))");
        Path property = path();
        Condition where = optionalWhere();
        Window window = optionalWindow();
        rejectMisplacedClause(window);
        Cmp cmp = closeAndCompare(fn.word());
        return Conditions.aggregate(fn, event, property, where, window, cmp, number("a number"));
    }

    private Condition supply(SupplyFn fn) {
        String event = eventName();
        Condition where = optionalWhere();
        skipWs();
        int windowPos = pos;
        Window window = optionalWindow();
        if (!(window instanceof Window.Within within)) {
            throw error(windowPos, "expected 'within' and a number of days after the event of " + fn.word() + "(...) ("
                    + fn.word() + "(\"Medication Refill\" within 365d))" + (window instanceof Window.AllTime ? foundSuffix()
                    : ", found '" + (window instanceof Window.Ago ? "between" : "from") + "': the period always ends at T"));
        }
        if (within.span().unit() == TimeSpan.Unit.HOURS) {
            throw error(windowPos, fn.word() + " counts whole days: expected a window in days or weeks, found " + within.span());
        }
        rejectMisplacedClause(window);
        Cmp cmp = closeAndCompare(fn.word());
        return Conditions.supply(fn, event, where, within.span(), cmp, number("a number"));
    }

    /** The ')' closing {@code fn(...)} and the comparison after it. */
    private Cmp closeAndCompare(String fn) {
        expect(')', "')' to close " + fn + "(...)");
        skipWs();
        int opPos = pos;
        Cmp cmp = acceptCmp();
        if (cmp == null) throw error(opPos, "expected a comparison (=, !=, <, <=, >, >=) after " + fn + "(...)" + foundSuffix());
        return cmp;
    }

    private Condition near() {
        Path path = path();
        expect(',', "',' and a latitude after the path in near(...)");
        int latPos = skipWsPos();
        double lat = number("a latitude");
        if (!(lat >= -90 && lat <= 90)) throw error(latPos, "expected a latitude between -90 and 90, found " + Numbers.format(lat));
        expect(',', "',' and a longitude after the latitude in near(...)");
        int lonPos = skipWsPos();
        double lon = number("a longitude");
        if (!(lon >= -180 && lon <= 180)) throw error(lonPos, "expected a longitude between -180 and 180, found " + Numbers.format(lon));
        expect(',', "',' and a radius after the longitude in near(...)");
        int rPos = skipWsPos();
        double radius = number("a radius", "km");
        if (!(radius >= 0)) throw error(rPos, "expected a radius of 0 km or more, found " + Numbers.format(radius));
        if (!acceptKeyword("km")) throw error(pos, "expected 'km' after the radius" + foundSuffix());
        expect(')', "')' to close near(...)");
        return Conditions.near(path, lat, lon, radius);
    }

    private Condition daysSince() {
        String event = eventName();
        Condition where = optionalWhere();
        skipWs();
        if (!atEnd() && src.charAt(pos) != ')') {
            String word = peekBareWord();
            if (word != null && CLAUSE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                throw error(pos, "days_since takes no window: it counts from the latest matching event, found '" + word + "'");
            }
        }
        Cmp cmp = closeAndCompare("days_since");
        return Conditions.daysSince(event, where, cmp, integer("a whole number of days"));
    }

    private Condition countDays() {
        String event = eventName();
        Condition where = optionalWhere();
        Window window = optionalWindow();
        rejectMisplacedClause(window);
        Cmp cmp = closeAndCompare("count_days");
        return Conditions.countDays(event, where, window, cmp, integer("a whole number of days"));
    }

    private Condition noShowRate() {
        Window window = optionalWindow();
        skipWs();
        if (window instanceof Window.AllTime && !atEnd() && src.charAt(pos) != ')') {
            throw error(pos, "expected a window or ')' in no_show_rate(...): it counts the appointment events \""
                    + Condition.NoShowRate.BOOKED + "\", \"" + Condition.NoShowRate.NO_SHOW + "\" and \"" + Condition.NoShowRate.CANCELLED + "\""
                    + foundSuffix());
        }
        rejectMisplacedClause(window);
        Cmp cmp = closeAndCompare("no_show_rate");
        return Conditions.noShowRate(window, cmp, number("a number"));
    }

    private Condition screeningDue() {
        int at = skipWsPos();
        if (atEnd() || src.charAt(pos) != '"') {
            throw error(pos, "expected the screening program as a string, " + ScreeningProgram.names() + foundSuffix());
        }
        String name = string();
        ScreeningProgram program = ScreeningProgram.fromWord(name);
        if (program == null) throw error(at, "unknown screening program \"" + name + "\": expected " + ScreeningProgram.names());
        expect(')', "')' to close screening_due(...)");
        return Conditions.screeningDue(program);
    }

    private Condition segmentRef() {
        int refPos = skipWsPos();
        if (atEnd() || src.charAt(pos) != '"') throw error(pos, "expected the segment name as a string after 'in segment'" + foundSuffix());
        String name = string();
        if (name.isEmpty()) throw error(refPos, "expected a segment name, found an empty string");
        if (!knownSegment.test(name)) throw error(refPos, "unknown segment \"" + name + "\": expected the name of a segment defined before this one");
        return Conditions.inSegment(name);
    }

    private String eventName() {
        skipWs();
        if (!atEnd() && src.charAt(pos) == '"') {
            int at = pos;
            String s = string();
            if (s.isEmpty()) throw error(at, "expected an event name, found an empty string");
            return s;
        }
        String word = peekBareWord();
        if (word == null) {
            throw error(pos, "expected an event name (a string or an identifier)" + foundSuffix() + quoteHint());
        }
        if (Keywords.isReserved(word) || CLAUSE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
            throw error(pos, "expected an event name (a string or an identifier), found the keyword '" + word
                    + "' (an event with that name is written as a string: \"" + word + "\")");
        }
        pos += word.length();
        return word;
    }

    private Condition optionalWhere() {
        if (!acceptKeyword("where")) return Condition.TRUE;
        int at = skipWsPos();
        String next = peekBareWord();
        if (next != null && CLAUSE_WORDS.contains(next.toLowerCase(Locale.ROOT)) && isDigit(nextNonWsAfter(pos + next.length()))) {
            throw error(pos, "expected a property condition after 'where', found the window '" + next + " ...'");
        }
        enter(at);
        Condition c;
        if (accept('(')) {
            c = expr(true);
            expect(')', "')' to close the where clause opened at " + position(at));
        } else {
            c = propCondition();
        }
        nesting--;
        return c;
    }

    private Condition propCondition() {
        skipWs();
        rejectKeywordAsPath("a property condition");
        String word = peekBareWord();
        if (word != null && word.equalsIgnoreCase("age") && nextNonWsAfter(pos + word.length()) == '(') {
            pos += word.length();
            skipWs();
            pos++;
            return age();
        }
        if (word != null) {
            String lower = word.toLowerCase(Locale.ROOT);
            boolean eventOrGeo = lower.equals("did") || (FUNCTIONS.contains(lower) && nextNonWsAfter(pos + word.length()) == '(');
            if (eventOrGeo || (lower.equals("in") && isKeywordAt(wordStartAfter(pos + word.length()), "segment"))) {
                throw error(pos, "expected a property condition in the where clause, found '" + word
                        + "': event, geo and segment conditions cannot be nested in a where clause");
            }
            if (lower.equals("not") || lower.equals("true") || lower.equals("false")) {
                throw error(pos, "expected a property condition after 'where', found '" + word
                        + "': a where clause with not, and, or or a constant is written in parentheses, where (" + lower + " ...)");
            }
            if (Keywords.isReserved(word)) {
                throw error(pos, "expected a property condition, found the keyword '" + word + "'"
                        + " (a property with that name is written back-quoted: `" + word + "`)");
            }
        }
        if (word == null && (atEnd() || src.charAt(pos) != '`')) {
            throw error(pos, "expected a property condition (a property path followed by a comparison), found " + describeHere());
        }
        Path path = path();
        return Conditions.test(path, predicate(path));
    }

    private Window optionalWindow() {
        if (acceptKeyword("within")) return new Window.Within(duration());
        if (acceptKeyword("between")) {
            int fromPos = skipWsPos();
            TimeSpan from = duration();
            if (!acceptKeyword("ago")) throw error(pos, "expected 'ago' after the duration" + foundSuffix());
            if (!acceptKeyword("and")) throw error(pos, "expected 'and' (between 90d ago and 30d ago)" + foundSuffix());
            TimeSpan to = duration();
            if (!acceptKeyword("ago")) throw error(pos, "expected 'ago' after the duration" + foundSuffix());
            if (from.millis() <= to.millis()) {
                String fix = from.millis() < to.millis() ? " (write between " + to + " ago and " + from + " ago)" : ": the window would be empty";
                throw error(fromPos, "expected the first duration of between ... ago and ... ago to be longer than the second, found "
                        + from + " and " + to + fix);
            }
            return new Window.Ago(from, to);
        }
        if (acceptKeyword("from")) {
            int fromPos = skipWsPos();
            Instant from = instant();
            if (!acceptKeyword("to")) throw error(pos, "expected 'to' and an instant (from 2025-01-01 to 2025-07-01)" + foundSuffix());
            Instant to = instant();
            if (!from.isBefore(to)) {
                throw error(fromPos, "the window from " + Instants.format(from) + " to " + Instants.format(to)
                        + " is empty: expected 'from' before 'to'");
            }
            return new Window.Range(from, to);
        }
        return Window.ALL_TIME;
    }

    // ---- lexical pieces -----------------------------------------------------------------------

    private Path path() {
        skipWs();
        List<String> segments = new ArrayList<>();
        segments.add(identifier("a path"));
        while (!atEnd() && src.charAt(pos) == '.') {
            pos++;
            segments.add(identifier("a path segment after '.'"));
        }
        return new Path(segments);
    }

    private String identifier(String what) {
        if (atEnd()) throw error(pos, "expected " + what + ", found the end of the " + textName);
        char c = src.charAt(pos);
        if (c == '`') {
            int start = pos;
            int end = src.indexOf('`', pos + 1);
            int nl = src.indexOf('\n', pos + 1);
            if (end < 0 || (nl >= 0 && nl < end)) throw error(start, "unterminated back-quoted name: expected a closing `");
            if (end == pos + 1) throw error(start, "expected a name inside the back-quotes, found ``");
            pos = end + 1;
            return src.substring(start + 1, end);
        }
        if (!isIdentStart(c)) throw error(pos, "expected " + what + ", found " + describeHere());
        int start = pos;
        while (!atEnd() && isIdentPart(src.charAt(pos))) pos++;
        return src.substring(start, pos);
    }

    private Literal literal() {
        skipWs();
        if (atEnd()) throw error(pos, "expected a value (a number, a string, true or false), found the end of the definition");
        char c = src.charAt(pos);
        if (c == '"') return new Literal.Str(string());
        if (c == '-' || isDigit(c)) return new Literal.Num(number("a number"));
        if (acceptKeyword("true")) return new Literal.Bool(true);
        if (acceptKeyword("false")) return new Literal.Bool(false);
        String hint = isIdentStart(c) ? " (strings are written in double quotes: \"" + src.substring(pos, wordEnd(pos)) + "\")" : quoteHint();
        throw error(pos, "expected a value (a number, a string, true or false), found " + describeHere() + hint);
    }

    private String quoteHint() {
        return !atEnd() && src.charAt(pos) == '\'' ? " (strings are written in double quotes)" : "";
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) throw error(start, "unterminated string: expected a closing \" before the end of the definition");
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\n') throw error(start, "unterminated string: expected a closing \" before the end of the line");
            if (c == '\\') {
                if (pos + 1 >= src.length()) throw error(pos, "unterminated escape at the end of the definition");
                char e = src.charAt(pos + 1);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 6 > src.length()) throw error(pos, "expected four hex digits after \\u, found the end of the " + textName);
                        String hex = src.substring(pos + 2, pos + 6);
                        if (!hex.matches("[0-9A-Fa-f]{4}")) throw error(pos, "expected four hex digits after \\u, found '" + hex + "'");
                        sb.append((char) Integer.parseInt(hex, 16));
                        pos += 4;
                    }
                    default -> throw error(pos, "expected an escape \\\", \\\\, \\n, \\t or \\uXXXX, found \\" + e);
                }
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    private double number(String what) {
        return number(what, null);
    }

    /** A number; {@code unit}, when given, may follow it without a space ({@code 25km}). */
    private double number(String what, String unit) {
        skipWs();
        int start = pos;
        if (!atEnd() && src.charAt(pos) == '-') pos++;
        if (atEnd() || !isDigit(src.charAt(pos))) {
            pos = start;
            throw error(start, "expected " + what + ", found " + describeHere());
        }
        while (!atEnd() && isDigit(src.charAt(pos))) pos++;
        if (!atEnd() && src.charAt(pos) == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1))) {
            pos++;
            while (!atEnd() && isDigit(src.charAt(pos))) pos++;
        }
        if (!atEnd() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (!atEnd() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (atEnd() || !isDigit(src.charAt(pos))) {
                throw error(mark, "expected digits in the exponent of the number " + src.substring(start, pos) + ", found " + describeHere());
            }
            while (!atEnd() && isDigit(src.charAt(pos))) pos++;
        }
        if (!atEnd() && isIdentPart(src.charAt(pos)) && !(unit != null && src.substring(pos, wordEnd(pos)).equalsIgnoreCase(unit))) {
            throw error(start, "expected " + what + ", found '" + src.substring(start, wordEnd(pos)) + "'");
        }
        double d = Double.parseDouble(src.substring(start, pos));
        if (!Double.isFinite(d)) {
            throw error(start, "expected a number between -1.7976931348623157E308 and 1.7976931348623157E308, found " + src.substring(start, pos));
        }
        return d;
    }

    private long integer(String what) {
        skipWs();
        int start = pos;
        if (!atEnd() && src.charAt(pos) == '-') pos++;
        if (atEnd() || !isDigit(src.charAt(pos))) {
            pos = start;
            throw error(start, "expected " + what + ", found " + describeHere());
        }
        while (!atEnd() && isDigit(src.charAt(pos))) pos++;
        if (!atEnd() && (src.charAt(pos) == '.' || src.charAt(pos) == 'e' || src.charAt(pos) == 'E' || isIdentPart(src.charAt(pos)))) {
            throw error(start, "expected " + what + ", found '" + src.substring(start, numberTokenEnd(start)) + "'");
        }
        try {
            return Long.parseLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error(start, "expected " + what + " between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", found " + src.substring(start, pos));
        }
    }

    private TimeSpan duration() {
        skipWs();
        int start = pos;
        while (!atEnd() && isDigit(src.charAt(pos))) pos++;
        if (pos == start) {
            String hint = !atEnd() && src.charAt(pos) == '-' ? " (durations count back from T and are positive)" : "";
            throw error(start, "expected a duration such as 30d, 12h or 2w, found " + describeHere() + hint);
        }
        String digits = src.substring(start, pos);
        skipWs();
        String unit = peekBareWord();
        if (unit == null || unit.length() != 1 || "hdwHDW".indexOf(unit.charAt(0)) < 0) {
            throw error(pos, "expected a duration unit h, d or w after " + digits + foundSuffix());
        }
        pos++;
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            amount = Long.MAX_VALUE;
        }
        if (amount <= 0 || amount > TimeSpan.MAX_AMOUNT) {
            throw error(start, "expected a duration between 1 and " + TimeSpan.MAX_AMOUNT + " " + TimeSpan.Unit.fromSuffix(Character.toLowerCase(unit.charAt(0))).word()
                    + ", found " + digits + unit);
        }
        return new TimeSpan(amount, TimeSpan.Unit.fromSuffix(Character.toLowerCase(unit.charAt(0))));
    }

    private Instant instant() {
        skipWs();
        int start = pos;
        while (!atEnd() && !Character.isWhitespace(src.charAt(pos)) && src.charAt(pos) != ')') pos++;
        String text = src.substring(start, pos);
        if (text.isEmpty()) throw error(start, "expected an instant such as 2025-01-01 or 2025-01-01T12:00:00Z, found " + describeHere());
        if (text.charAt(0) == '"') {
            throw error(start, "expected an instant such as 2025-01-01 or 2025-01-01T12:00:00Z, found a string (instants are written without quotes)");
        }
        try {
            return Instants.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(start, e.getMessage());
        }
    }

    // ---- scanning helpers ----------------------------------------------------------------------

    private boolean atEnd() {
        return pos >= src.length();
    }

    private void skipWs() {
        while (!atEnd() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private int skipWsPos() {
        skipWs();
        return pos;
    }

    private boolean accept(char c) {
        skipWs();
        if (!atEnd() && src.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c, String what) {
        if (!accept(c)) throw error(pos, "expected " + what + foundSuffix());
    }

    /** A bare identifier at the cursor (after white space), or null. Does not consume it. */
    private String peekBareWord() {
        skipWs();
        if (atEnd() || !isIdentStart(src.charAt(pos))) return null;
        return src.substring(pos, wordEnd(pos));
    }

    private boolean acceptKeyword(String keyword) {
        String w = peekBareWord();
        if (w != null && w.equalsIgnoreCase(keyword)) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private Cmp acceptCmp() {
        skipWs();
        if (atEnd()) return null;
        char c = src.charAt(pos);
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        String pair = "" + c + n;
        String instead = switch (pair) {
            case "==" -> "=";
            case "<>" -> "!=";
            case "=<" -> "<=";
            case "=>" -> ">=";
            default -> null;
        };
        if (instead != null) {
            throw error(pos, "unknown operator '" + pair + "': expected =, !=, <, <=, >, >= (write " + instead + ")");
        }
        if (c == '=') {
            pos++;
            return Cmp.EQ;
        }
        if (c == '!' && n == '=') {
            pos += 2;
            return Cmp.NE;
        }
        if (c == '<') {
            pos += n == '=' ? 2 : 1;
            return n == '=' ? Cmp.LE : Cmp.LT;
        }
        if (c == '>') {
            pos += n == '=' ? 2 : 1;
            return n == '=' ? Cmp.GE : Cmp.GT;
        }
        return null;
    }

    private char nextNonWsAfter(int p) {
        while (p < src.length() && Character.isWhitespace(src.charAt(p))) p++;
        return p < src.length() ? src.charAt(p) : 0;
    }

    /** The end of a number-like token (sign, digits, fraction, exponent, trailing letters), for messages. */
    private int numberTokenEnd(int p) {
        if (p < src.length() && src.charAt(p) == '-') p++;
        while (p < src.length() && (isIdentPart(src.charAt(p)) || src.charAt(p) == '.'
                || ((src.charAt(p) == '+' || src.charAt(p) == '-') && (src.charAt(p - 1) == 'e' || src.charAt(p - 1) == 'E')))) {
            p++;
        }
        return p;
    }

    private int wordStartAfter(int p) {
        while (p < src.length() && Character.isWhitespace(src.charAt(p))) p++;
        return p;
    }

    private boolean isKeywordAt(int p, String keyword) {
        return p < src.length() && isIdentStart(src.charAt(p)) && src.substring(p, wordEnd(p)).equalsIgnoreCase(keyword);
    }

    private int wordEnd(int p) {
        while (p < src.length() && isIdentPart(src.charAt(p))) p++;
        return p;
    }

    private String foundSuffix() {
        return ", found " + describeHere();
    }

    private String describeHere() {
        skipWs();
        if (atEnd()) return "the end of the " + textName;
        char c = src.charAt(pos);
        if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) return "'" + src.substring(pos, numberTokenEnd(pos)) + "'";
        if (isIdentPart(c)) return "'" + src.substring(pos, wordEnd(pos)) + "'";
        if (c == '"') {
            int close = src.indexOf('"', pos + 1);
            int lineEnd = src.indexOf('\n', pos + 1);
            boolean shortOneLine = close > 0 && close - pos <= 40 && (lineEnd < 0 || close < lineEnd) && src.lastIndexOf('\\', close) < pos;
            return shortOneLine ? "the string " + src.substring(pos, close + 1) : "a string";
        }
        if (c == '\'') return "a single quote";
        return "'" + c + "'";
    }

    private SegmentSyntaxException error(int at, String reason) {
        int[] lc = lineAndColumn(endOfTextOr(at));
        return new SegmentSyntaxException(lc[0], lc[1], reason);
    }

    /**
     * An error found at the end of the text is reported just after its last character, not on
     * the empty line after a final line break.
     */
    private int endOfTextOr(int at) {
        int end = src.length();
        while (end > 0 && Character.isWhitespace(src.charAt(end - 1))) end--;
        return at > end ? end : at;
    }

    /** "line 2, column 7", for messages that point back at an earlier position. */
    private String position(int at) {
        int[] lc = lineAndColumn(at);
        return "line " + lc[0] + ", column " + lc[1];
    }

    /** 1-based line and column; columns count characters (code points), not UTF-16 units. */
    private int[] lineAndColumn(int at) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < at && i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(src.charAt(i - 1)))) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
