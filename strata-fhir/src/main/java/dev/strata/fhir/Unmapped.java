package dev.strata.fhir;

/** A resource the mapping leaves out on purpose (no table entry, a status that is not an event…). */
final class Unmapped extends Exception {
    private static final long serialVersionUID = 1L;

    Unmapped(String reason) {
        super(reason, null, false, false);
    }
}
