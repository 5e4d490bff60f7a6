package dev.strata.synth;

/**
 * A real US city a synthetic person can live in.
 *
 * @param utcOffsetHours the state's main time zone in standard time, used to put events at
 *                       plausible local hours
 * @param cityJson       the city name already quoted and escaped for JSON
 */
record Place(String city, String state, String zip, double latitude, double longitude, int utcOffsetHours,
             byte[] cityJson, byte[] stateJson, byte[] zipJson) {
}
