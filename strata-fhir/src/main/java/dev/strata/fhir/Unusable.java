package dev.strata.fhir;

/** A resource that should map but cannot: no subject, no time, no id. Reported as malformed with its position. */
final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String reason) {
        super(reason, null, false, false);
    }
}
