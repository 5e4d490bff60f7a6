package dev.strata.scorecard;

import dev.strata.lang.Condition;
import java.util.List;

/**
 * What a segment scorecard measures, each part a condition in the segment language so that every
 * figure is an exact count of members and can be explained like any segment:
 *
 * @param channels   who can be reached on each channel (contact point and consent)
 * @param engagement the signals averaged into the engagement score, with their weights
 * @param rates      care-gap rates: among the eligible members, how many meet the condition
 */
public record ScorecardRules(List<Channel> channels, List<Signal> engagement, List<Rate> rates) {

    public ScorecardRules {
        channels = List.copyOf(channels);
        engagement = List.copyOf(engagement);
        rates = List.copyOf(rates);
    }

    /** A channel and who is reachable on it. */
    public record Channel(String name, Condition reachable) {
    }

    /** One engagement signal: a profile scores {@code weight} when it meets the condition. */
    public record Signal(String name, double weight, Condition condition) {
    }

    /**
     * A rate among the eligible: the share of {@code eligible} members who also meet {@code counted}.
     * For adherence, counted = adherent; for screening, counted = due (a gap).
     */
    public record Rate(String name, RateKind kind, Condition eligible, Condition counted) {
    }

    /** The families of rates the ranking pools. */
    public enum RateKind {
        /** Counted = adherent (e.g. PDC at least 0.8); the gap is the share not adherent. */
        ADHERENCE,
        /** Counted = due for a screening; the gap is the counted share. */
        SCREENING;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The sum of the signal weights: a profile meeting every signal scores 100. */
    public double engagementWeight() {
        double sum = 0;
        for (Signal s : engagement) sum += s.weight();
        return sum;
    }
}
