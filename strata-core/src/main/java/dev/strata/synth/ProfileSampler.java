package dev.strata.synth;

import static dev.strata.synth.Vocabulary.*;

import java.util.SplittableRandom;

/** Draws who a synthetic person is: segment, demographics, place, health, attitudes and device. */
final class ProfileSampler {

    static final double ANONYMOUS_SHARE = 0.01;
    /** Share of profiles that already exist when the two years start; the rest join during them. */
    static final double EXISTING_SHARE = 0.78;
    static final double ACTIVITY_SIGMA = 1.1;
    static final double MOVE_CHANCE = 0.07;
    static final double REMOVE_CHANCE = 0.03;
    static final double MEDICARE_AT_65_CHANCE = 0.9;
    static final double JITTER_KM = 3.0;

    private static final double[] INCOME_CUTS = {-0.9, -0.25, 0.35, 1.0};
    private static final double[] EDUCATION_CUTS = {-1.28, -0.39, 0.34, 1.13};
    private static final double[] GENDER = Draw.cumulative(0.51, 0.48, 0.01);
    private static final double[] REMOVED_KEY = Draw.cumulative(0.35, 0.30, 0.25, 0.10);

    private final Timeline timeline;
    private final UsPlaces places = UsPlaces.INSTANCE;
    private final double[] point = new double[2];

    ProfileSampler(Timeline timeline) {
        this.timeline = timeline;
    }

    Profile sample(long index, SplittableRandom rng) {
        Profile p = new Profile();
        p.number = index + 1;
        // The segment is the first draw so that it can be recovered cheaply (PopulationGenerator.latentSegment).
        p.segment = LatentSegment.draw(rng);
        SegmentBehaviour b = p.segment.behaviour();
        p.behaviour = b;
        p.anonymous = Draw.chance(rng, ANONYMOUS_SHARE);
        p.activity = Draw.lognormalMeanOne(rng, ACTIVITY_SIGMA);

        long span = timeline.endSec() - timeline.windowStartSec();
        p.startSec = Draw.chance(rng, EXISTING_SHARE)
                ? timeline.windowStartSec() + rng.nextLong(3 * Timeline.DAY)
                : timeline.windowStartSec() + rng.nextLong(span - Timeline.DAY);
        long startDay = Math.floorDiv(p.startSec, Timeline.DAY);

        double age = b.ageMean() + b.ageSd() * Draw.gaussian(rng);
        while (age < 18 || age >= 98) {
            age = b.ageMean() + b.ageSd() * Draw.gaussian(rng);
        }
        p.birthDay = timeline.endDay() - (long) StrictMath.floor(age * 365.2425);
        int ageAtEnd = p.ageOn(timeline.endDay());
        p.gender = Draw.fromCumulative(rng, GENDER);

        double incomeScore = b.incomeShift() + Draw.gaussian(rng);
        p.incomeBand = 1 + band(incomeScore, INCOME_CUTS);
        p.education = band(0.6 * incomeScore + 0.8 * Draw.gaussian(rng) + b.educationShift(), EDUCATION_CUTS);

        p.place = places.sample(rng);
        UsPlaces.jitter(places.get(p.place), JITTER_KM, rng, point);
        p.latitude = point[0];
        p.longitude = point[1];

        drawConditions(p, ageAtEnd, rng);
        int ageAtStart = p.ageOn(startDay);
        p.plan = drawPlan(ageAtStart, p, rng);
        drawDrugs(p, ageAtEnd, rng);

        p.trust = Draw.roundedGaussian(rng, b.trust(), 0.8, 1, 5);
        p.satisfaction = Draw.roundedGaussian(rng, b.satisfaction(), 0.8, 1, 5);
        p.costConscious = Draw.roundedGaussian(rng, b.costConscious() + (p.incomeBand <= 2 ? 0.4 : 0), 0.8, 1, 5);
        p.prefersOnline = Draw.chance(rng, b.prefersOnline());
        p.alternativeCare = Draw.chance(rng, b.alternativeCare());

        drawDevice(p, ageAtEnd, rng);
        if (!p.anonymous) {
            drawLaterIdentifies(p, ageAtStart, startDay, rng);
        }
        return p;
    }

    private static int band(double score, double[] cuts) {
        int band = 0;
        while (band < cuts.length && score > cuts[band]) {
            band++;
        }
        return band;
    }

    private void drawConditions(Profile p, int age, SplittableRandom rng) {
        double f = p.behaviour.chronicFactor() * (p.incomeBand == 1 ? 1.25 : 1.0);
        p.hypertension = Draw.chance(rng, prevalence(f, age < 35 ? 0.06 : age < 45 ? 0.14 : age < 55 ? 0.28 : age < 65 ? 0.42 : 0.60));
        p.diabetes = Draw.chance(rng, prevalence(f, age < 35 ? 0.03 : age < 45 ? 0.07 : age < 55 ? 0.13 : age < 65 ? 0.19 : 0.25));
        p.copd = Draw.chance(rng, prevalence(f, age < 45 ? 0.01 : age < 65 ? 0.05 : 0.10));
        p.asthma = Draw.chance(rng, prevalence(f, 0.08));
        p.depression = Draw.chance(rng, prevalence(f, age < 45 ? 0.16 : 0.12));
        p.oncology = age >= 50 && Draw.chance(rng, prevalence(f, 0.03));
        int n = (p.hypertension ? 1 : 0) + (p.diabetes ? 1 : 0) + (p.copd ? 1 : 0) + (p.asthma ? 1 : 0)
                + (p.depression ? 1 : 0) + (p.oncology ? 1 : 0);
        // Other conditions (arthritis, kidney disease, ...) that count but carry no flag of their own.
        p.chronicConditions = n + Draw.poisson(rng, 0.4 * p.behaviour.chronicFactor() * age / 50.0);
    }

    private static double prevalence(double factor, double base) {
        return Math.min(0.95, base * factor);
    }

    private static int drawPlan(int age, Profile p, SplittableRandom rng) {
        if (age >= 65) {
            return Draw.weighted(rng, new double[] {0.46, 0.47, 0.04, 0.03, 0, 0});
        }
        SegmentBehaviour b = p.behaviour;
        int band = p.incomeBand;
        double uninsured = b.uninsured() * (band == 1 ? 1.6 : band == 2 ? 1.2 : band >= 4 ? 0.5 : 1.0);
        double medicaid = band == 1 ? 0.45 : band == 2 ? 0.15 : 0.03;
        double marketplace = b.planSwitch() > 0.2 ? 0.20 : 0.07;
        double disability = p.chronicConditions >= 3 ? 0.05 : 0.005;
        double commercial = Math.max(0.05, 1 - uninsured - medicaid - marketplace - disability);
        return Draw.weighted(rng, new double[] {disability, 0, medicaid, commercial, marketplace, uninsured});
    }

    private static void drawDrugs(Profile p, int age, SplittableRandom rng) {
        p.drugCount = 0;
        if (p.diabetes) {
            addDrug(p, METFORMIN, 0.85, rng);
            addDrug(p, INSULIN, 0.25, rng);
            addDrug(p, STATIN, 0.70, rng);
        }
        if (p.hypertension) {
            addDrug(p, RAS_ANTAGONIST, 0.70, rng);
            addDrug(p, BETA_BLOCKER, p.takes(RAS_ANTAGONIST) ? 0.20 : 0.80, rng);
            addDrug(p, STATIN, 0.40, rng);
        }
        if (p.depression) {
            addDrug(p, SSRI, 0.60, rng);
        }
        if (age >= 50) {
            addDrug(p, STATIN, 0.12, rng);
        }
        if (p.plan == UNINSURED) {
            // Cost keeps some uninsured people off medication they were prescribed.
            int kept = 0;
            for (int i = 0; i < p.drugCount; i++) {
                if (Draw.chance(rng, 0.6)) {
                    p.drugs[kept++] = p.drugs[i];
                }
            }
            p.drugCount = kept;
        }
    }

    private static void addDrug(Profile p, int drug, double chance, SplittableRandom rng) {
        if (!p.takes(drug) && Draw.chance(rng, chance)) {
            p.drugs[p.drugCount++] = drug;
        }
    }

    private void drawDevice(Profile p, int age, SplittableRandom rng) {
        SegmentBehaviour b = p.behaviour;
        double ageFactor = age >= 75 ? 0.55 : age >= 65 ? 0.8 : 1.0;
        if (!p.anonymous && !Draw.chance(rng, b.digital() * ageFactor)) {
            p.os = Profile.NO_OS;
            p.appEndSec = p.startSec;
            return;
        }
        double web = age >= 65 ? 0.25 : 0.10;
        p.os = Draw.chance(rng, web) ? WEB : Draw.chance(rng, 0.57) ? IOS : ANDROID;
        p.osVersion = Draw.fromCumulative(rng, OS_VERSION_WEIGHTS[p.os]);
        p.appEndSec = Draw.chance(rng, b.churn())
                ? p.startSec + 1 + rng.nextLong(timeline.endSec() - p.startSec)
                : timeline.endSec();
        p.appLagDays = (int) Draw.exponential(rng, 40);
        p.identifyFromApp = p.anonymous || Draw.chance(rng, 0.6);
        p.stepTracker = p.os != WEB && Draw.chance(rng, b.stepGoalUser());
    }

    private void drawLaterIdentifies(Profile p, int ageAtStart, long startDay, SplittableRandom rng) {
        long end = timeline.endSec();
        long day65 = CivilDate.dayTurning(p.birthDay, 65);
        boolean turns65 = ageAtStart < 65 && day65 > startDay && day65 * Timeline.DAY < end;
        boolean switchPlan = Draw.chance(rng, p.behaviour.planSwitch());
        if (turns65 && Draw.chance(rng, MEDICARE_AT_65_CHANCE)) {
            // Medicare coverage starts on the first day of the month one turns 65; enrolment shows up then.
            long ymd = CivilDate.ymd(day65);
            long firstOfMonth = CivilDate.epochDay(ymd / 10_000, (int) (ymd / 100 % 100), 1);
            long at = Math.max(p.startSec + 1, firstOfMonth * Timeline.DAY + rng.nextLong(5 * Timeline.DAY));
            p.newPlan = Draw.chance(rng, 0.5) ? MEDICARE : MEDICARE_ADVANTAGE;
            p.planChangeSec = at < end ? at : Profile.NEVER;
        } else if (switchPlan) {
            if (p.plan == MEDICARE || p.plan == MEDICARE_ADVANTAGE) {
                // Medicare switches take effect on 1 January after open enrolment.
                int year = CivilDate.year(startDay) + 1;
                long jan1 = CivilDate.epochDay(year, 1, 1) * Timeline.DAY + rng.nextLong(Timeline.DAY);
                if (jan1 < end) {
                    p.planChangeSec = jan1;
                    p.newPlan = p.plan == MEDICARE ? MEDICARE_ADVANTAGE : MEDICARE;
                }
            } else {
                p.planChangeSec = between(p.startSec, end, rng);
                double[] w = {0, 0, 0.15, 0.45, 0.30, 0.10};
                w[p.plan] = 0;
                p.newPlan = Draw.weighted(rng, w);
            }
        }
        if (Draw.chance(rng, MOVE_CHANCE)) {
            p.moveSec = between(p.startSec, end, rng);
            p.movePlace = Draw.chance(rng, 0.6) ? places.sampleInState(p.place, rng) : places.sample(rng);
            UsPlaces.jitter(places.get(p.movePlace), JITTER_KM, rng, point);
            p.moveLatitude = point[0];
            p.moveLongitude = point[1];
        }
        if (Draw.chance(rng, REMOVE_CHANCE)) {
            p.removeSec = between(p.startSec, end, rng);
            p.removedKey = Draw.fromCumulative(rng, REMOVED_KEY);
        }
    }

    /** A second strictly after {@code from} and before {@code to}. */
    private static long between(long from, long to, SplittableRandom rng) {
        return from + 1 + rng.nextLong(Math.max(1, to - from - 1));
    }
}
