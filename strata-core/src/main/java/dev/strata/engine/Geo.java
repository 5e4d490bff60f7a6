package dev.strata.engine;

/** Great-circle distance as the spec defines it: haversine on a sphere of radius 6371.0088 km. */
public final class Geo {
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    /**
     * Point 1 is the profile's, point 2 the condition's centre. The expression and its order of
     * operations are fixed (docs/conformance.md) so that every evaluator rounds identically: a
     * profile exactly on the radius is in or out the same way everywhere.
     */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double s1 = Math.sin((phi2 - phi1) / 2);
        double s2 = Math.sin((Math.toRadians(lon2) - Math.toRadians(lon1)) / 2);
        double a = s1 * s1 + Math.cos(phi1) * Math.cos(phi2) * s2 * s2;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }

    /**
     * Whether two latitudes are too far apart for the points to be within {@code radiusKm}: the
     * distance is at least R·|Δφ|, so this never rejects a true match (a small margin absorbs
     * rounding).
     */
    static boolean latitudeRulesOut(double lat1, double lat2, double radiusKm) {
        return EARTH_RADIUS_KM * Math.abs(Math.toRadians(lat2 - lat1)) > radiusKm * (1 + 1e-9) + 1e-9;
    }
}
