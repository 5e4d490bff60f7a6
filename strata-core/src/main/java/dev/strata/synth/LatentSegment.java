package dev.strata.synth;

import java.util.List;

/**
 * The six US healthcare consumer segments (a 2012 consumer survey) with the population shares
 * the generator draws them with. The segment is latent: it is never written into the data, only
 * its effects on demographics, attitudes and behaviour are, so a persona classifier can be scored
 * against it.
 */
public enum LatentSegment {
    //                                 age      inc   edu   chron unins switch  trust sat  cost onl  alt
    //                                 digital churn opens step stepsY surv  well sick urg  appBk noShow
    //                                 screen flu  adher disc  90d
    COMPLIANT_AND_CONTENT("Compliant and content", 0.22, new SegmentBehaviour(
            60, 16, 0.3, 0.1, 1.1, 0.04, 0.03, 4.4, 4.4, 2.6, 0.15, 0.08,
            0.50, 0.30, 14, 0.15, 40, 3.0, 0.75, 1.2, 0.10, 0.25, 0.03,
            0.80, 0.65, 0.90, 0.01, 0.45)),
    SICK_BUT_SAVVY("Sick but savvy", 0.14, new SegmentBehaviour(
            63, 13, 0.5, 0.3, 2.2, 0.02, 0.04, 4.0, 3.8, 2.8, 0.45, 0.10,
            0.75, 0.15, 50, 0.20, 30, 4.0, 0.85, 3.0, 0.08, 0.50, 0.03,
            0.88, 0.82, 0.92, 0.01, 0.55)),
    ONBOARD_AND_ONLINE("Onboard and online", 0.17, new SegmentBehaviour(
            43, 15, 0.3, 0.5, 0.8, 0.05, 0.05, 3.8, 4.0, 3.0, 0.90, 0.15,
            0.97, 0.12, 130, 0.55, 70, 5.0, 0.60, 1.3, 0.15, 0.80, 0.04,
            0.70, 0.50, 0.83, 0.02, 0.50)),
    SHOP_WHILE_SAVING("Shop while saving", 0.04, new SegmentBehaviour(
            48, 15, 0.0, 0.2, 0.9, 0.03, 0.35, 3.2, 3.3, 4.6, 0.60, 0.15,
            0.85, 0.20, 45, 0.30, 40, 3.0, 0.55, 1.0, 0.20, 0.50, 0.05,
            0.65, 0.45, 0.80, 0.03, 0.75)),
    OUT_AND_ABOUT("Out and about", 0.09, new SegmentBehaviour(
            40, 15, 0.1, 0.2, 0.7, 0.08, 0.05, 2.7, 3.2, 3.2, 0.80, 0.65,
            0.90, 0.20, 90, 0.60, 80, 2.5, 0.35, 1.1, 0.40, 0.65, 0.07,
            0.50, 0.35, 0.72, 0.05, 0.40)),
    CAUTIOUS_BUT_CASUAL("Cautious but casual", 0.34, new SegmentBehaviour(
            34, 13, -0.5, -0.4, 0.6, 0.18, 0.07, 3.0, 3.0, 3.8, 0.35, 0.10,
            0.55, 0.45, 12, 0.15, 25, 0.8, 0.25, 0.7, 0.35, 0.35, 0.12,
            0.35, 0.22, 0.60, 0.08, 0.25));

    private static final List<LatentSegment> ALL = List.of(values());
    private static final double[] CUMULATIVE;

    static {
        double[] shares = new double[ALL.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = ALL.get(i).share;
        }
        CUMULATIVE = Draw.cumulative(shares);
    }

    private final String displayName;
    private final double share;
    private final SegmentBehaviour behaviour;

    LatentSegment(String displayName, double share, SegmentBehaviour behaviour) {
        this.displayName = displayName;
        this.share = share;
        this.behaviour = behaviour;
    }

    /** The segment's name as the survey published it, e.g. "Sick but savvy". */
    public String displayName() {
        return displayName;
    }

    /** The share of the population drawn into this segment. */
    public double share() {
        return share;
    }

    SegmentBehaviour behaviour() {
        return behaviour;
    }

    static LatentSegment draw(java.util.SplittableRandom rng) {
        return ALL.get(Draw.fromCumulative(rng, CUMULATIVE));
    }
}
