package dev.strata.scorecard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a ranking weighs, computed from a segment's counts. Each is null when a count it is
 * computed from is unknown (withheld) or its denominator is zero, so a withheld count can never be
 * worked back out of a shown metric.
 */
public final class ScorecardMetrics {
    /** Members now. Ranked on a log scale: a segment ten times larger gains a fixed step. */
    public static final String SIZE = "size";
    /** Relative change of the size over 30 days: (now − then) / then. */
    public static final String GROWTH = "growth";
    /** Share of members reachable on at least one channel. */
    public static final String REACH = "reach";
    /** Mean engagement score of the members, 0 to 100. */
    public static final String ENGAGEMENT = "engagement";
    /** Share of the eligible (member, measure) pairs that are not adherent, pooled over the adherence measures. */
    public static final String ADHERENCE_GAP = "adherence_gap";
    /** Share of the eligible (member, program) pairs that are due for a screening, pooled over the programs. */
    public static final String SCREENING_GAP = "screening_gap";
    /** Prefix of the share reachable on one channel: {@code reach.email}. */
    public static final String REACH_PREFIX = "reach.";
    /** Prefix of one rate: {@code rate.statins} (adherent share), {@code rate.breast} (due share). */
    public static final String RATE_PREFIX = "rate.";

    /** The weights used when the user sets none. */
    public static final Map<String, Double> DEFAULT_WEIGHTS = defaults();

    private ScorecardMetrics() {
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(SIZE, 1.0);
        w.put(GROWTH, 0.5);
        w.put(REACH, 1.0);
        w.put(ENGAGEMENT, 0.5);
        w.put(ADHERENCE_GAP, 1.0);
        w.put(SCREENING_GAP, 1.0);
        return java.util.Collections.unmodifiableMap(w);
    }

    /** Whether {@code name} is a metric of these rules. */
    public static boolean isMetric(ScorecardRules rules, String name) {
        return names(rules).contains(name);
    }

    /** Every metric of these rules, in display order. */
    public static List<String> names(ScorecardRules rules) {
        List<String> out = new java.util.ArrayList<>(List.of(SIZE, GROWTH, REACH, ENGAGEMENT, ADHERENCE_GAP, SCREENING_GAP));
        for (ScorecardRules.Channel c : rules.channels()) out.add(REACH_PREFIX + c.name());
        for (ScorecardRules.Rate r : rules.rates()) out.add(RATE_PREFIX + r.name());
        return out;
    }

    /**
     * How many members of the population's own shares a ranking adds to a segment's: a share
     * measured on 30 members moves halfway from the population's share to the segment's own.
     */
    public static final double CREDIBILITY = 30;

    /**
     * The metrics of one segment, as measured.
     *
     * @param sizeThen the size 30 days ago, null when unknown
     */
    public static Map<String, Double> of(ScorecardRules rules, SegmentFigures f, Long sizeThen) {
        return compute(rules, f, sizeThen, null, 0);
    }

    /**
     * The metrics a ranking weighs: as {@link #of}, but every share, rate, score and gap is
     * credibility-weighted towards the population's, (count + k × population share) / (n + k) with
     * k = {@link #CREDIBILITY}, and growth is (now − then) / (then + k). Four members all reachable
     * do not outrank four hundred of whom 97% are; at hundreds of members the two forms agree.
     *
     * @param population the figures of every profile, the prior of each share
     */
    public static Map<String, Double> forRanking(ScorecardRules rules, SegmentFigures f, Long sizeThen, SegmentFigures population) {
        return compute(rules, f, sizeThen, of(rules, population, null), CREDIBILITY);
    }

    private static Map<String, Double> compute(ScorecardRules rules, SegmentFigures f, Long sizeThen, Map<String, Double> prior, double k) {
        Shares shares = new Shares(prior, k);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(SIZE, f.size() == null ? null : (double) f.size());
        m.put(GROWTH, f.size() == null || sizeThen == null || sizeThen == 0 ? null : (f.size() - sizeThen) / (sizeThen + k));
        m.put(REACH, shares.of(REACH, f.reachAny(), f.size()));
        Double engagementSum = engagementSum(rules, f);
        m.put(ENGAGEMENT, engagementSum == null ? null : shares.of(ENGAGEMENT, engagementSum, f.size()));
        m.put(ADHERENCE_GAP, pooled(rules, f, ScorecardRules.RateKind.ADHERENCE, shares, ADHERENCE_GAP, true));
        m.put(SCREENING_GAP, pooled(rules, f, ScorecardRules.RateKind.SCREENING, shares, SCREENING_GAP, false));
        for (int i = 0; i < rules.channels().size(); i++) {
            String name = REACH_PREFIX + rules.channels().get(i).name();
            m.put(name, shares.of(name, f.reach().get(i), f.size()));
        }
        for (int i = 0; i < rules.rates().size(); i++) {
            String name = RATE_PREFIX + rules.rates().get(i).name();
            m.put(name, shares.of(name, f.counted().get(i), f.eligible().get(i)));
        }
        return m;
    }

    /**
     * The mean engagement score: each member scores the weights of the signals they meet, out of
     * 100 for all of them; the mean over members is the weighted sum of the signals' shares.
     */
    public static Double engagement(ScorecardRules rules, SegmentFigures f) {
        Double sum = engagementSum(rules, f);
        return sum == null || f.size() == 0 ? null : sum / f.size();
    }

    /** The members' scores added up (0 to 100 each), or null when a signal count is unknown. */
    private static Double engagementSum(ScorecardRules rules, SegmentFigures f) {
        if (f.size() == null || rules.engagement().isEmpty()) return null;
        double sum = 0;
        for (int i = 0; i < rules.engagement().size(); i++) {
            Long n = f.signals().get(i);
            if (n == null) return null;
            sum += rules.engagement().get(i).weight() * n;
        }
        return 100 * sum / rules.engagementWeight();
    }

    private static Double pooled(ScorecardRules rules, SegmentFigures f, ScorecardRules.RateKind kind, Shares shares, String name,
                                 boolean complement) {
        long eligible = 0;
        long counted = 0;
        boolean any = false;
        for (int i = 0; i < rules.rates().size(); i++) {
            if (rules.rates().get(i).kind() != kind) continue;
            any = true;
            Long e = f.eligible().get(i);
            Long c = f.counted().get(i);
            if (e == null || c == null) return null;
            eligible += e;
            counted += c;
        }
        if (!any) return null;
        // The gap of adherence is 1 - the adherent share; credibility works on the share counted.
        return shares.of(name, complement ? eligible - counted : counted, eligible);
    }

    /** part / whole, or, with a prior, (part + k × prior) / (whole + k); null without a whole. */
    private record Shares(Map<String, Double> prior, double k) {
        Double of(String name, Number part, Long whole) {
            if (part == null || whole == null || whole == 0) return null;
            Double p = prior == null ? null : prior.get(name);
            if (p == null) return part.doubleValue() / whole;
            return (part.doubleValue() + k * p) / (whole + k);
        }
    }
}
