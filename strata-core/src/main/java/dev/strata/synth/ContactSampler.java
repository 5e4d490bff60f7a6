package dev.strata.synth;

import java.util.SplittableRandom;

/**
 * Draws an identified person's contact points and channel consents. It has a random stream of its
 * own ({@link PopulationGenerator#contactRandomFor}) so that adding these traits left every other
 * draw, and so every figure measured on the population before them, unchanged.
 */
final class ContactSampler {

    static final byte UNKNOWN = 0;
    static final byte OPTED_IN = 1;
    static final byte OPTED_OUT = 2;

    /** Per segment (LatentSegment order): opt-in, then explicit opt-out, for email, sms and push. */
    private static final double[][] EMAIL = {{0.62, 0.10}, {0.70, 0.08}, {0.86, 0.05}, {0.66, 0.12}, {0.55, 0.15}, {0.38, 0.18}};
    private static final double[][] SMS = {{0.40, 0.10}, {0.52, 0.08}, {0.58, 0.08}, {0.45, 0.12}, {0.50, 0.12}, {0.26, 0.16}};
    private static final double[][] PUSH = {{0.45, 0.25}, {0.60, 0.20}, {0.78, 0.12}, {0.55, 0.22}, {0.62, 0.20}, {0.35, 0.30}};

    private final Timeline timeline;

    ContactSampler(Timeline timeline) {
        this.timeline = timeline;
    }

    void draw(Profile p, SplittableRandom rng) {
        int age = p.ageOn(timeline.endDay());
        int segment = p.segment.ordinal();
        // Older people give a phone more often than an email; people without the app give fewer emails.
        double email = (age < 35 ? 0.92 : age < 50 ? 0.88 : age < 65 ? 0.78 : age < 75 ? 0.62 : 0.42) * (p.digital() ? 1.05 : 0.80);
        double phone = age < 35 ? 0.80 : age < 65 ? 0.86 : age < 75 ? 0.92 : 0.95;
        p.hasEmail = Draw.chance(rng, Math.min(0.98, email));
        p.hasPhone = Draw.chance(rng, phone);
        // Reserved fictional numbers: 555-0100..555-0199 behind a spread of area codes.
        p.phoneArea = 201 + rng.nextInt(789);
        p.phoneLine = rng.nextInt(100);
        p.consentEmail = p.hasEmail ? consent(rng, EMAIL[segment][0], EMAIL[segment][1]) : UNKNOWN;
        p.consentSms = p.hasPhone ? consent(rng, SMS[segment][0] * (age >= 75 ? 0.7 : 1.0), SMS[segment][1]) : UNKNOWN;
        boolean appUser = p.digital() && p.os != Vocabulary.WEB;
        p.consentPush = appUser ? consent(rng, PUSH[segment][0], PUSH[segment][1]) : UNKNOWN;
        // Postal mail is allowed unless refused; a few confirm it, people who prefer online refuse it more.
        p.consentMail = consent(rng, 0.12, p.prefersOnline ? 0.14 : 0.04);
    }

    private static byte consent(SplittableRandom rng, double in, double out) {
        double u = rng.nextDouble();
        return u < in ? OPTED_IN : u < in + out ? OPTED_OUT : UNKNOWN;
    }
}
