package dev.strata.synth;

/**
 * How much behaviour to generate so that the population averages the requested events per
 * profile (see {@link ActivityCalibration}).
 *
 * @param engagement   multiplier on the engagement rates (app opens, step goals, surveys)
 * @param clinicalKeep share of clinical events kept; below 1 only for very small targets
 */
record ActivityScale(double engagement, double clinicalKeep) {
}
