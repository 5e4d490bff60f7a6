package dev.strata.synth;

import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the scale at which the population averages the requested events per profile.
 *
 * <p>Clinical events (visits, screenings, refills, immunizations) follow schedules that do not
 * scale with a volume knob: a 30-day statin is refilled about monthly whatever the target.
 * Engagement events (app opens, step goals, surveys) are Poisson processes whose mean is linear in
 * one multiplier. So the generator runs a fixed pilot population once, measuring the mean clinical
 * count C and the expected engagement count E at multiplier 1, and solves
 * {@code keep * C + scale * E = target}. Normally {@code keep = 1}; for targets below twice C,
 * clinical events are thinned uniformly ({@code keep = target / 2C}) so engagement still gets half.
 *
 * <p>The pilot uses its own seed, so the scale depends only on the end instant and the target,
 * never on the population's seed or size.
 */
final class ActivityCalibration {

    static final long PILOT_SEED = 0x5EED_CA1B_2026L;
    static final int PILOT_PROFILES = 10_000;

    private record Key(Instant end, double eventsPerProfile) {
    }

    /** Mean clinical events and expected engagement events (at scale 1) per profile of the pilot. */
    record Pilot(double clinicalMean, double engagementMean) {
    }

    private static final Map<Instant, Pilot> PILOTS = new ConcurrentHashMap<>();
    private static final Map<Key, ActivityScale> SCALES = new ConcurrentHashMap<>();

    private ActivityCalibration() {
    }

    static ActivityScale scaleFor(Instant end, double eventsPerProfile) {
        return SCALES.computeIfAbsent(new Key(end, eventsPerProfile), k -> solve(pilot(end), eventsPerProfile));
    }

    static ActivityScale solve(Pilot pilot, double target) {
        double clinical = pilot.clinicalMean();
        double keep = target >= 2 * clinical ? 1.0 : target / (2 * clinical);
        double scale = (target - keep * clinical) / pilot.engagementMean();
        return new ActivityScale(scale, keep);
    }

    static Pilot pilot(Instant end) {
        return PILOTS.computeIfAbsent(end, ActivityCalibration::runPilot);
    }

    private static Pilot runPilot(Instant end) {
        Timeline timeline = Timeline.ending(end);
        ProfileSampler sampler = new ProfileSampler(timeline);
        BehaviourSimulator simulator = new BehaviourSimulator(timeline);
        EventList events = new EventList();
        ActivityScale clinicalOnly = new ActivityScale(0, 1);
        double clinical = 0;
        double engagement = 0;
        for (int i = 0; i < PILOT_PROFILES; i++) {
            SplittableRandom rng = PopulationGenerator.randomFor(PILOT_SEED, i);
            Profile p = sampler.sample(i, rng);
            simulator.simulate(p, rng, events, clinicalOnly, false);
            for (int e = 0; e < events.size(); e++) {
                if (events.kind(e) > EventList.IDENTIFY_REMOVE) {
                    clinical++;
                }
            }
            engagement += BehaviourSimulator.expectedEngagement(p);
        }
        return new Pilot(clinical / PILOT_PROFILES, engagement / PILOT_PROFILES);
    }
}
