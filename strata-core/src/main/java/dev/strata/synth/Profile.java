package dev.strata.synth;

/**
 * Everything drawn about one synthetic person before their behaviour is simulated. A plain
 * mutable holder: one is filled per profile on a worker thread and dropped after it is written.
 */
final class Profile {

    static final int NO_OS = -1;
    static final long NEVER = Long.MIN_VALUE;

    /** 1-based number shown in ids: p-0000001, anon-0000001, m-0000001-17. */
    long number;
    boolean anonymous;
    LatentSegment segment;
    SegmentBehaviour behaviour;
    /** Heavy-tailed activity multiplier (lognormal, mean 1). */
    double activity;

    long startSec;
    long birthDay;
    int gender;
    int incomeBand;
    int education;
    int place;
    double latitude;
    double longitude;
    int plan;

    boolean diabetes;
    boolean hypertension;
    boolean copd;
    boolean asthma;
    boolean depression;
    boolean oncology;
    int chronicConditions;
    int[] drugs = new int[Vocabulary.DRUG_CLASSES.length];
    int drugCount;

    int trust;
    int satisfaction;
    int costConscious;
    boolean prefersOnline;
    boolean alternativeCare;

    int os = NO_OS;
    int osVersion;
    long appEndSec;
    int appLagDays;
    boolean identifyFromApp;
    boolean stepTracker;

    boolean hasEmail;
    boolean hasPhone;
    int phoneArea;
    int phoneLine;
    /** {@link ContactSampler#UNKNOWN}, {@code OPTED_IN} or {@code OPTED_OUT}. */
    byte consentEmail;
    byte consentSms;
    byte consentPush;
    byte consentMail;

    long moveSec = NEVER;
    int movePlace;
    double moveLatitude;
    double moveLongitude;
    long planChangeSec = NEVER;
    int newPlan;
    long removeSec = NEVER;
    int removedKey;

    boolean digital() {
        return os != NO_OS;
    }

    boolean usesAppAt(long sec) {
        return os != NO_OS && sec >= startSec && sec < appEndSec;
    }

    boolean takes(int drugClass) {
        for (int i = 0; i < drugCount; i++) {
            if (drugs[i] == drugClass) {
                return true;
            }
        }
        return false;
    }

    int ageOn(long epochDay) {
        return CivilDate.ageOn(birthDay, epochDay);
    }
}
