package dev.strata.synth;

/**
 * How a latent consumer segment shapes a synthetic person. Rates are per year of membership;
 * engagement rates (app opens, step goals, surveys) are relative: the generator scales them so
 * the population averages the requested events per profile.
 *
 * @param ageMean          mean age at the end instant (normal, kept to 18..97)
 * @param incomeShift      shift of the latent income score (standard normal units)
 * @param educationShift   shift of the latent education score
 * @param chronicFactor    multiplier on age-specific chronic condition prevalence
 * @param uninsured        share uninsured among people under 65
 * @param planSwitch       chance of changing plan during the two years (besides turning 65)
 * @param trust            mean answer 1..5 to "I trust my doctor and plan"
 * @param satisfaction     mean answer 1..5 on satisfaction with care
 * @param costConscious    mean answer 1..5 on weighing cost when choosing care
 * @param prefersOnline    chance of preferring online channels
 * @param alternativeCare  chance of seeking alternative care
 * @param digital          chance of using the app or the web portal at all
 * @param churn            chance that a digital user stops using it during the two years
 * @param appOpensPerYear  relative app opens per year of use
 * @param stepGoalUser     chance a mobile user tracks a step goal
 * @param stepGoalsPerYear relative step goals met per year, for those who track them
 * @param surveysPerYear   relative survey answers per year of use
 * @param wellnessVisit    chance of an annual wellness visit each year
 * @param sickVisitsPerYear visits for acute problems per year
 * @param urgentCareShare  share of acute visits that go to urgent care (walk-in, never booked)
 * @param appBooking       share of a mobile user's bookings made in the app
 * @param noShow           chance of missing a booked appointment
 * @param screening        chance of being up to date with each guideline screening
 * @param fluShot          chance of being someone who gets the flu shot each autumn
 * @param adherence        mean proportion of days covered aimed at by refills
 * @param discontinue      chance of stopping a medication after each fill
 * @param ninetyDay        chance a medication is filled for 90 days rather than 30
 */
record SegmentBehaviour(
        double ageMean, double ageSd, double incomeShift, double educationShift, double chronicFactor,
        double uninsured, double planSwitch,
        double trust, double satisfaction, double costConscious, double prefersOnline, double alternativeCare,
        double digital, double churn, double appOpensPerYear, double stepGoalUser, double stepGoalsPerYear,
        double surveysPerYear,
        double wellnessVisit, double sickVisitsPerYear, double urgentCareShare, double appBooking, double noShow,
        double screening, double fluShot,
        double adherence, double discontinue, double ninetyDay) {
}
