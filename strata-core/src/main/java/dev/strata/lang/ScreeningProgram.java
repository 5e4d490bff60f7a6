package dev.strata.lang;

import java.util.List;
import java.util.Locale;

/**
 * The HEDIS-like screening programs of {@code screening_due("…")}. Each is written in the language
 * itself: due = eligible by age and sex, and no qualifying {@code Screening Completed} event in its
 * modality's lookback. Every interpreter evaluates {@link #expansion()}, so the rules and their
 * time triggers (a lookback running out, a birthday) are exactly those of the conditions it holds.
 */
public enum ScreeningProgram {
    /** Ages 45-75: FIT/FOBT within 1 year, stool DNA within 3, CT colonography or flexible sigmoidoscopy within 5, colonoscopy within 10. */
    COLORECTAL,
    /** Women 50-74: a mammogram within 27 months (821 days). */
    BREAST,
    /** Women 21-64: cervical cytology within 3 years, or, from 30, an HPV test or co-test within 5. */
    CERVICAL;

    public static final String EVENT = "Screening Completed";
    public static final Path SCREENING = Path.of("screening");
    public static final Path BIRTHDAY = Path.of("birthday");
    public static final Path GENDER = Path.of("gender");

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The program named by {@code word} (case-sensitive, lower case), or null. */
    public static ScreeningProgram fromWord(String word) {
        for (ScreeningProgram p : values()) if (p.word().equals(word)) return p;
        return null;
    }

    /** The names as the language writes them, for messages. */
    public static String names() {
        return "\"colorectal\", \"breast\" or \"cervical\"";
    }

    /**
     * Built once per program: interpreters ask for it per profile, and each fresh tree would be hashed
     * again in the engine's leaf cache. (Not in the constructor: the paths above are not set yet then.)
     * A race builds equal immutable trees, so no lock is needed.
     */
    private volatile Condition expansion;
    private volatile Condition eligibility;

    /** The definition this program stands for: eligible and not screened within the lookbacks. */
    public Condition expansion() {
        Condition e = expansion;
        if (e == null) expansion = e = Conditions.and(eligibility(), Conditions.not(screened()));
        return e;
    }

    /** Who the program applies to, by age and sex: the denominator of a screening-gap rate. */
    public Condition eligibility() {
        Condition e = eligibility;
        if (e == null) eligibility = e = buildEligibility();
        return e;
    }

    private Condition buildEligibility() {
        return switch (this) {
            case COLORECTAL -> ages(45, 75);
            case BREAST -> Conditions.and(female(), ages(50, 74));
            case CERVICAL -> Conditions.and(female(), ages(21, 64));
        };
    }

    /** A qualifying screening within its modality's lookback. */
    private Condition screened() {
        return switch (this) {
            case COLORECTAL -> Conditions.or(
                    screened(365, "fit", "fobt"),
                    screened(3 * 365, "stool_dna"),
                    screened(5 * 365, "ct_colonography", "flexible_sigmoidoscopy"),
                    screened(10 * 365, "colonoscopy"));
            case BREAST -> screened(821, "mammography");
            case CERVICAL -> Conditions.or(
                    screened(3 * 365, "cervical_cytology"),
                    Conditions.and(age(Cmp.GE, 30), screened(5 * 365, "hpv", "cotest")));
        };
    }

    private static Condition female() {
        return Conditions.test(GENDER, new ValuePredicate.Compare(Cmp.EQ, new Literal.Str("female")));
    }

    private static Condition ages(int from, int to) {
        return Conditions.and(age(Cmp.GE, from), age(Cmp.LE, to));
    }

    private static Condition age(Cmp op, int years) {
        return Conditions.test(BIRTHDAY, new ValuePredicate.Age(op, years));
    }

    private static Condition screened(long days, String... modalities) {
        List<Literal> values = java.util.Arrays.stream(modalities).map(m -> (Literal) new Literal.Str(m)).toList();
        Condition where = values.size() == 1
                ? Conditions.test(SCREENING, new ValuePredicate.Compare(Cmp.EQ, values.get(0)))
                : Conditions.test(SCREENING, new ValuePredicate.In(values, false));
        return Conditions.did(EVENT, where, new Window.Within(new TimeSpan(days, TimeSpan.Unit.DAYS)));
    }
}
