package dev.strata.synth;

import static dev.strata.synth.EventList.*;
import static dev.strata.synth.Vocabulary.*;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns a drawn {@link Profile} into two years of events. Two families of processes:
 * <ul>
 *   <li>engagement (app opens, step goals, surveys): Poisson counts proportional to the profile's
 *       heavy-tailed activity and to the calibrated scale, spread over bursty months;</li>
 *   <li>clinical (visits and their bookings, screenings, refills, immunizations): schedules driven
 *       by age, sex, conditions, plan and segment, following the guideline intervals.</li>
 * </ul>
 * One instance per thread; it keeps the profile being simulated in fields to keep signatures short.
 */
final class BehaviourSimulator {

    static final double YEAR_SEC = 365.2425 * Timeline.DAY;
    private static final long MONTH_SEC = 30 * Timeline.DAY;
    /** Bookings are made up to this long before the visit, so visits are planned past the end. */
    private static final long BOOKING_HORIZON_SEC = 60 * Timeline.DAY;
    private static final double POST_VISIT_SURVEY = 0.25;

    /** Local hour weights (0..23) for phone use: little at night, peaks at lunch and in the evening. */
    private static final double[] WAKING = Draw.cumulative(
            0.3, 0.15, 0.1, 0.08, 0.1, 0.3, 1.0, 2.0, 2.5, 2.5, 2.4, 2.4,
            2.8, 2.5, 2.3, 2.3, 2.4, 2.6, 2.8, 3.0, 3.2, 3.0, 2.0, 1.0);
    private static final double[] CLINIC = hours(8, 16);
    private static final double[] LAB = hours(7, 11);
    private static final double[] PHARMACY = hours(9, 19);
    private static final double[] URGENT = hours(8, 20);
    private static final double[] EVENING = hours(17, 22);

    private static final double[] SICK_SPECIALTY = Draw.cumulative(0.60, 0.05, 0.03, 0, 0.15, 0.12, 0.05, 0);
    private static final double[] COLORECTAL = Draw.cumulative(0.60, 0.28, 0.12);

    private final Timeline timeline;
    private final long end;
    private double[] monthCumulative = new double[32];
    private long monthsFrom;
    private int months;
    private final double[] screens = new double[SCREENS.length];

    private Profile p;
    private SegmentBehaviour b;
    private SplittableRandom rng;
    private EventList ev;
    private double clinicalKeep;
    private int tz;

    BehaviourSimulator(Timeline timeline) {
        this.timeline = timeline;
        this.end = timeline.endSec();
    }

    /** Engagement events per year of app use at activity 1 and scale 1; mirrors {@link #engagement}. */
    static double engagementRate(Profile p) {
        if (!p.digital()) {
            return 0;
        }
        SegmentBehaviour b = p.behaviour;
        return b.appOpensPerYear() + (p.stepTracker ? b.stepGoalsPerYear() : 0) + b.surveysPerYear();
    }

    /** Expected engagement events at scale 1 (the activity multiplier has mean 1 and is left out). */
    static double expectedEngagement(Profile p) {
        return engagementRate(p) * (p.appEndSec - p.startSec) / YEAR_SEC;
    }

    /** Fills {@code events} with the profile's messages: identifies first, then behaviour. */
    void simulate(Profile profile, SplittableRandom random, EventList events, ActivityScale scale, boolean withEngagement) {
        p = profile;
        b = profile.behaviour;
        rng = random;
        ev = events;
        clinicalKeep = scale.clinicalKeep();
        tz = UsPlaces.INSTANCE.get(p.place).utcOffsetHours();

        ev.clear(timeline.windowStartSec());
        ev.add(p.startSec, IDENTIFY, 0, 0, 0);
        if (p.planChangeSec != Profile.NEVER) {
            ev.add(p.planChangeSec, IDENTIFY_PLAN, p.newPlan, 0, 0);
        }
        if (p.moveSec != Profile.NEVER) {
            ev.add(p.moveSec, IDENTIFY_MOVE, 0, 0, 0);
        }
        if (p.removeSec != Profile.NEVER) {
            ev.add(p.removeSec, IDENTIFY_REMOVE, p.removedKey, 0, 0);
        }
        if (withEngagement) {
            engagement(scale.engagement());
        }
        if (!p.anonymous) {
            visits();
            screenings();
            refills();
            immunizations();
        }
        p = null;
        rng = null;
        ev = null;
    }

    // ---------------------------------------------------------------- engagement

    private void engagement(double scale) {
        if (!p.digital() || p.appEndSec - p.startSec < 3600) {
            return;
        }
        long from = p.startSec;
        long to = p.appEndSec;
        double mean = p.activity * scale * (to - from) / YEAR_SEC;
        int opens = Draw.poisson(rng, b.appOpensPerYear() * mean);
        int steps = p.stepTracker ? Draw.poisson(rng, b.stepGoalsPerYear() * mean) : 0;
        int surveys = Draw.poisson(rng, b.surveysPerYear() * mean);
        if (opens + steps > 0) {
            buildMonths(from, to);
        }
        if (opens > 0) {
            screens[0] = 4.0;
            screens[1] = 1.5;
            screens[2] = p.drugCount > 0 ? 2.0 : 0.3;
            screens[3] = p.prefersOnline ? 1.5 : 0.8;
            screens[4] = p.chronicConditions > 0 ? 1.2 : 0.2;
            double[] cumulative = Draw.cumulative(screens);
            for (int i = 0; i < opens; i++) {
                ev.add(burstyTime(from, to, WAKING), APP_OPEN, Draw.fromCumulative(rng, cumulative), 0, 0);
            }
        }
        if (steps > 0) {
            int goal = Draw.chance(rng, 0.6) ? 10_000 : 7_500;
            for (int i = 0; i < steps; i++) {
                int count = goal + (int) (Math.abs(Draw.gaussian(rng)) * 2_200) + rng.nextInt(100);
                ev.add(burstyTime(from, to, EVENING), STEP_GOAL, count, 0, 0);
            }
        }
        for (int i = 0; i < surveys; i++) {
            long t = localTimeWithin(Math.floorDiv(from + rng.nextLong(to - from), Timeline.DAY), WAKING, from, to);
            int survey = Draw.weighted(rng, new double[] {0.45, 0.35, p.depression ? 0.35 : 0.20});
            ev.add(t, SURVEY, survey, surveyScore(survey), 0);
        }
    }

    private int surveyScore(int survey) {
        if (survey == NPS) {
            return Draw.roundedGaussian(rng, 2.0 * p.satisfaction - 0.3, 1.6, 0, 10);
        }
        if (survey == SATISFACTION) {
            return Draw.roundedGaussian(rng, 1.2 * p.satisfaction + 0.8 * p.trust - 0.5, 1.4, 0, 10);
        }
        // PHQ-2 sums two 0..3 items, so it never exceeds 6.
        return p.depression ? Draw.roundedGaussian(rng, 3.2, 1.3, 0, 6) : Draw.roundedGaussian(rng, 0.6, 0.9, 0, 6);
    }

    /** Per 30-day bucket, an activity weight (Gamma(2) mean 1): people use the app in spells. */
    private void buildMonths(long from, long to) {
        months = (int) ((to - from + MONTH_SEC - 1) / MONTH_SEC);
        if (monthCumulative.length < months) {
            monthCumulative = new double[months];
        }
        monthsFrom = from;
        double run = 0;
        for (int i = 0; i < months; i++) {
            long len = Math.min(MONTH_SEC, to - from - (long) i * MONTH_SEC);
            double w = (Draw.exponential(rng, 1) + Draw.exponential(rng, 1)) / 2;
            run += w * len / MONTH_SEC;
            monthCumulative[i] = run;
        }
    }

    private long burstyTime(long from, long to, double[] hours) {
        double u = rng.nextDouble() * monthCumulative[months - 1];
        int i = Arrays.binarySearch(monthCumulative, 0, months, u);
        i = Math.min(months - 1, i >= 0 ? i + 1 : -i - 1);
        long bucketStart = monthsFrom + (long) i * MONTH_SEC;
        long bucketEnd = Math.min(to, bucketStart + MONTH_SEC);
        long t0 = bucketStart + rng.nextLong(bucketEnd - bucketStart);
        long t = localTime(Math.floorDiv(t0, Timeline.DAY), hours);
        return t >= from && t < to ? t : t0;
    }

    // ---------------------------------------------------------------- visits and appointments

    private void visits() {
        long from = p.startSec;
        long horizon = end + BOOKING_HORIZON_SEC;
        double years = (horizon - from) / YEAR_SEC;
        int age = p.ageOn(timeline.endDay());
        double access = p.plan == UNINSURED ? 0.5 : 1.0;

        double wellness = Math.min(0.95, (b.wellnessVisit() + (age >= 65 ? 0.1 : 0)) * access);
        long yearSec = 365 * Timeline.DAY;
        for (long cycle = from; cycle < horizon; cycle += yearSec) {
            if (Draw.chance(rng, wellness)) {
                long day = Math.floorDiv(cycle + rng.nextLong(yearSec), Timeline.DAY);
                visit(day, PRIMARY_CARE, WELLNESS, 7 + rng.nextInt(54));
            }
        }
        double followUps = 1.8 * access * (b.chronicFactor() >= 2 ? 1.3 : 1.0) * years;
        if (p.diabetes) {
            followUps(followUps, ENDOCRINOLOGY, 0.5);
        }
        if (p.hypertension) {
            followUps(followUps, CARDIOLOGY, 0.3);
        }
        if (p.copd) {
            followUps(followUps, PRIMARY_CARE, 1.0);
        }
        if (p.asthma) {
            followUps(followUps * 0.5, PRIMARY_CARE, 1.0);
        }
        if (p.depression) {
            followUps(followUps, BEHAVIORAL_HEALTH, 0.8);
        }
        if (p.oncology) {
            followUps(4 * years * access, ONCOLOGY, 1.0);
        }
        int sick = Draw.poisson(rng, b.sickVisitsPerYear() * years * StrictMath.pow(p.activity, 0.25));
        for (int i = 0; i < sick; i++) {
            long day = Math.floorDiv(from + rng.nextLong(horizon - from), Timeline.DAY);
            int specialty = Draw.chance(rng, b.urgentCareShare()) ? URGENT_CARE : Draw.fromCumulative(rng, SICK_SPECIALTY);
            visit(day, specialty, SICK, Draw.chance(rng, 0.5) ? 0 : 1 + rng.nextInt(4));
        }
    }

    private void followUps(double mean, int specialty, double specialtyShare) {
        int n = Draw.poisson(rng, mean);
        long from = p.startSec;
        long horizon = end + BOOKING_HORIZON_SEC;
        for (int i = 0; i < n; i++) {
            long day = Math.floorDiv(from + rng.nextLong(horizon - from), Timeline.DAY);
            visit(day, Draw.chance(rng, specialtyShare) ? specialty : PRIMARY_CARE, FOLLOW_UP, 3 + rng.nextInt(43));
        }
    }

    /** A visit on {@code day} (moved to a weekday unless urgent care), its booking and maybe a no-show. */
    private void visit(long day, int specialty, int visitType, int daysAhead) {
        if (specialty == URGENT_CARE) {
            long t = localTime(day, URGENT);
            if (t >= p.startSec && t < end) {
                addClinical(t, DOCTOR_VISIT, URGENT_CARE, visitType, 0);
                postVisitSurvey(t);
            }
            return;
        }
        day = weekday(day);
        long t = localTime(day, CLINIC);
        long booked = localTime(day - daysAhead, WAKING);
        int channel = PHONE;
        if (p.usesAppAt(booked) && Draw.chance(rng, b.appBooking())) {
            channel = p.os == WEB ? WEB_BOOKING : APP;
        } else {
            booked = localTime(day - daysAhead, CLINIC);
        }
        if (booked >= t) {
            booked = t - 1800 - rng.nextInt(7200);
        }
        if (booked >= p.startSec && booked < end) {
            addClinical(booked, BOOKED, specialty, channel, daysAhead);
        }
        if (t < p.startSec || t >= end) {
            return;
        }
        if (Draw.chance(rng, b.noShow())) {
            addClinical(t, NO_SHOW, specialty, 0, 0);
        } else {
            addClinical(t, DOCTOR_VISIT, specialty, visitType, 0);
            postVisitSurvey(t);
        }
    }

    /** Practices ask app users about the visit within a few days; about a quarter answer. */
    private void postVisitSurvey(long visit) {
        long t = visit + 2 * 3600 + rng.nextLong(3 * Timeline.DAY);
        if (t < end && p.usesAppAt(t) && Draw.chance(rng, POST_VISIT_SURVEY)) {
            int survey = Draw.chance(rng, 0.6) ? NPS : SATISFACTION;
            addClinical(t, SURVEY, survey, surveyScore(survey), 0);
        }
    }

    // ---------------------------------------------------------------- screenings

    private void screenings() {
        boolean uninsured = p.plan == UNINSURED;
        double upToDate = Math.min(0.98, Math.max(0.02, b.screening() + 0.15 * Draw.gaussian(rng))) * (uninsured ? 0.5 : 1);
        int age = p.ageOn(timeline.endDay());
        if (p.gender == FEMALE) {
            if (Draw.chance(rng, upToDate)) {
                periodic(MAMMOGRAPHY, 730, 50, 74);
            } else if (Draw.chance(rng, 0.3)) {
                periodic(MAMMOGRAPHY, 1100, 50, 74);
            }
            if (Draw.chance(rng, upToDate)) {
                if (age >= 30 && Draw.chance(rng, 0.5)) {
                    periodic(HPV, 1826, 30, 64);
                } else {
                    periodic(CERVICAL_CYTOLOGY, 1096, 21, 64);
                }
            }
        }
        if (Draw.chance(rng, upToDate)) {
            int modality = Draw.fromCumulative(rng, COLORECTAL);
            periodic(modality == 0 ? COLONOSCOPY : modality == 1 ? FIT : STOOL_DNA,
                    modality == 0 ? 3652 : modality == 1 ? 365 : 1096, 45, 75);
        }
        if (p.diabetes) {
            periodic(A1C, Draw.chance(rng, upToDate) ? 120 : 240, 0, 200);
        }
        if (p.hypertension || p.diabetes || p.takes(STATIN)) {
            periodic(LIPID_PANEL, Draw.chance(rng, upToDate) ? 365 : 730, 0, 200);
        } else if (age >= 40 && Draw.chance(rng, 0.3)) {
            periodic(LIPID_PANEL, 1826, 20, 200);
        }
    }

    /**
     * A screening repeated every {@code intervalDays} (+-10-15%), the last one before the window
     * at a random point of the previous interval; kept only on days the person is within
     * [minAge, maxAge] (age as the segment language computes it, in UTC).
     */
    private void periodic(int screening, int intervalDays, int minAge, int maxAge) {
        double interval = intervalDays * (double) Timeline.DAY;
        long next = p.startSec - (long) (rng.nextDouble() * interval) + (long) (interval * Draw.uniform(rng, 0.9, 1.15));
        while (next < end) {
            if (next >= p.startSec) {
                long t = localTime(weekday(Math.floorDiv(next, Timeline.DAY)), LAB);
                if (t >= p.startSec && t < end) {
                    int age = p.ageOn(Math.floorDiv(t, Timeline.DAY));
                    if (age >= minAge && age <= maxAge) {
                        addClinical(t, SCREENING, screening, 0, 0);
                    }
                }
            }
            next += (long) (interval * Draw.uniform(rng, 0.9, 1.15));
        }
    }

    // ---------------------------------------------------------------- refills

    private void refills() {
        int age = p.ageOn(timeline.endDay());
        boolean uninsured = p.plan == UNINSURED;
        for (int i = 0; i < p.drugCount; i++) {
            int drug = p.drugs[i];
            int supply = Draw.chance(rng, b.ninetyDay() + (age >= 65 ? 0.1 : 0)) ? 90 : 30;
            int channel = Draw.chance(rng, supply == 90 ? 0.55 : 0.07) ? MAIL : RETAIL;
            double adherence = Math.min(0.99, Math.max(0.3, b.adherence() + 0.1 * Draw.gaussian(rng) - (uninsured ? 0.15 : 0)));
            // Adherent people sometimes refill a few days early; the rest refill late by an
            // exponential gap sized so that supply / mean interval equals their adherence.
            double early = Math.max(0, (adherence - 0.75) * 2);
            double gapMean = Math.max(0, (supply / adherence - early * (supply - 4)) / (1 - early) - supply);
            long t = Draw.chance(rng, 0.85)
                    ? p.startSec + (long) (rng.nextDouble() * supply * Timeline.DAY)
                    : p.startSec + (long) (rng.nextDouble() * (end - p.startSec));
            while (t < end) {
                long at = localTime(Math.floorDiv(t, Timeline.DAY), channel == MAIL ? WAKING : PHARMACY);
                if (at < p.startSec) {
                    at = t;
                }
                if (at < end) {
                    addClinical(at, REFILL, drug, supply, channel);
                }
                if (Draw.chance(rng, b.discontinue())) {
                    break;
                }
                double days = Draw.chance(rng, early) ? supply - 1 - rng.nextInt(7) : supply + Draw.exponential(rng, gapMean);
                t += (long) (days * Timeline.DAY);
            }
        }
    }

    // ---------------------------------------------------------------- immunizations

    private void immunizations() {
        int age = p.ageOn(timeline.endDay());
        boolean uninsured = p.plan == UNINSURED;
        double fluHabit = Math.min(0.97, Math.max(0.02,
                b.fluShot() + (age >= 65 ? 0.15 : 0) + (p.chronicConditions >= 2 ? 0.05 : 0) - (uninsured ? 0.1 : 0)));
        boolean habitual = Draw.chance(rng, fluHabit);
        int firstYear = CivilDate.year(Math.floorDiv(timeline.windowStartSec(), Timeline.DAY));
        int lastYear = CivilDate.year(timeline.endDay());
        for (int year = firstYear; year <= lastYear; year++) {
            long september1 = CivilDate.epochDay(year, 9, 1);
            if (Draw.chance(rng, habitual ? 0.9 : 0.08)) {
                // Flu shots run September to mid-December and peak in October.
                long day = september1 + (long) triangular(0, 105, 35);
                addWithin(localTime(day, PHARMACY), IMMUNIZATION, INFLUENZA);
            }
            if (Draw.chance(rng, habitual ? (age >= 65 ? 0.55 : 0.35) : 0.02)) {
                long day = september1 + (long) triangular(0, 105, 45);
                addWithin(localTime(day, PHARMACY), IMMUNIZATION, COVID19);
            }
        }
        if (age >= 65 && Draw.chance(rng, 0.15)) {
            long t = localTime(Math.floorDiv(p.startSec + (long) (rng.nextDouble() * (end - p.startSec)), Timeline.DAY), PHARMACY);
            if (p.ageOn(Math.floorDiv(t, Timeline.DAY)) >= 65) {
                addWithin(t, IMMUNIZATION, PNEUMOCOCCAL);
            }
        }
        if (age >= 50 && Draw.chance(rng, 0.08)) {
            long t = localTime(Math.floorDiv(p.startSec + (long) (rng.nextDouble() * (end - p.startSec)), Timeline.DAY), PHARMACY);
            if (p.ageOn(Math.floorDiv(t, Timeline.DAY)) >= 50) {
                addWithin(t, IMMUNIZATION, SHINGLES);
            }
        }
    }

    private double triangular(double lo, double hi, double mode) {
        double u = rng.nextDouble();
        double f = (mode - lo) / (hi - lo);
        return u < f
                ? lo + StrictMath.sqrt(u * (hi - lo) * (mode - lo))
                : hi - StrictMath.sqrt((1 - u) * (hi - lo) * (hi - mode));
    }

    // ---------------------------------------------------------------- time and emission helpers

    private void addWithin(long t, int kind, int a) {
        if (t >= p.startSec && t < end) {
            addClinical(t, kind, a, 0, 0);
        }
    }

    private void addClinical(long t, int kind, int a, int b, int c) {
        if (clinicalKeep >= 1 || rng.nextDouble() < clinicalKeep) {
            ev.add(t, kind, a, b, c);
        }
    }

    /** A second on {@code day} at a local hour drawn from {@code hours}, in the person's time zone. */
    private long localTime(long day, double[] hours) {
        int hour = Draw.fromCumulative(rng, hours);
        return day * Timeline.DAY + (hour - tz) * 3600L + rng.nextInt(3600);
    }

    private long localTimeWithin(long day, double[] hours, long from, long to) {
        long t = localTime(day, hours);
        return t >= from && t < to ? t : from + rng.nextLong(to - from);
    }

    /** Saturday and Sunday move to the next Monday: clinics and labs schedule on weekdays. */
    private static long weekday(long day) {
        int dow = CivilDate.dayOfWeek(day);
        return dow == 5 ? day + 2 : dow == 6 ? day + 1 : day;
    }

    private static double[] hours(int first, int last) {
        double[] w = new double[24];
        for (int h = first; h <= last; h++) {
            w[h] = 1;
        }
        return Draw.cumulative(w);
    }
}
