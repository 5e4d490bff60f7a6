package dev.strata.synth;

import static dev.strata.synth.EventList.*;
import static dev.strata.synth.NdjsonBuffer.ascii;
import static dev.strata.synth.NdjsonBuffer.quoted;

import java.util.SplittableRandom;

/**
 * Writes one profile's sorted events as Segment-spec NDJSON lines. Every constant fragment is
 * pre-encoded; per message only numbers, timestamps and pre-quoted vocabulary are appended.
 */
final class MessageWriter {

    /** Share of lines written twice, byte for byte, to exercise messageId deduplication. */
    static final double DUPLICATE_SHARE = 0.002;

    private static final byte[] IDENTIFY_OPEN = ascii("{\"type\":\"identify\",");
    private static final byte[] TRACK_OPEN = ascii("{\"type\":\"track\",");
    private static final byte[] USER_ID = ascii("\"userId\":\"p-");
    private static final byte[] ANONYMOUS_ID = ascii("\"anonymousId\":\"anon-");
    private static final byte[] TRAITS = ascii(",\"traits\":{");
    private static final byte[] EVENT = ascii(",\"event\":");
    private static final byte[] PROPERTIES = ascii(",\"properties\":{");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] MESSAGE_ID = ascii(",\"messageId\":\"m-");
    private static final byte[] LINE_END = ascii("\"}\n");

    private static final byte[] BIRTHDAY = ascii("\"birthday\":");
    private static final byte[] GENDER = ascii(",\"gender\":");
    private static final byte[] INCOME_BAND = ascii(",\"income_band\":");
    private static final byte[] EDUCATION = ascii(",\"education\":");
    private static final byte[] ADDRESS_FIRST = ascii("\"address\":{\"city\":");
    private static final byte[] ADDRESS = ascii(",\"address\":{\"city\":");
    private static final byte[] STATE = ascii(",\"state\":");
    private static final byte[] ZIP = ascii(",\"zip\":");
    private static final byte[] LATITUDE = ascii(",\"latitude\":");
    private static final byte[] LONGITUDE = ascii(",\"longitude\":");
    private static final byte[] PLAN_FIRST = ascii("\"plan\":");
    private static final byte[] PLAN = ascii(",\"plan\":");
    private static final byte[] CHRONIC = ascii(",\"chronic_conditions\":");
    private static final byte[] DIABETES = ascii(",\"diabetes\":");
    private static final byte[] HYPERTENSION = ascii(",\"hypertension\":");
    private static final byte[] COPD = ascii(",\"copd\":");
    private static final byte[] ASTHMA = ascii(",\"asthma\":");
    private static final byte[] DEPRESSION = ascii(",\"depression\":");
    private static final byte[] ATTITUDES = ascii(",\"attitudes\":{\"trust\":");
    private static final byte[] SATISFACTION = ascii(",\"satisfaction\":");
    private static final byte[] PREFERS_ONLINE = ascii(",\"prefers_online\":");
    private static final byte[] COST_CONSCIOUS = ascii(",\"cost_conscious\":");
    private static final byte[] ALTERNATIVE_CARE = ascii(",\"alternative_care\":");
    private static final byte[] EMAIL_OPEN = ascii(",\"email\":\"person");
    private static final byte[] EMAIL_DOMAIN = ascii("@example.org\"");
    private static final byte[] PHONE_OPEN = ascii(",\"phone\":\"+1");
    private static final byte[] PHONE_EXCHANGE = ascii("55501");
    private static final byte[] CONSENT_OPEN = ascii(",\"consent\":{");
    private static final byte[][] CONSENT_KEYS = {ascii("\"email\":"), ascii("\"sms\":"), ascii("\"push\":"), ascii("\"mail\":")};
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL_VALUE = ascii(":null");

    private static final byte[] APP_OPEN_NAME = quoted("App Open");
    private static final byte[] DOCTOR_VISIT_NAME = quoted("Doctor Visit");
    private static final byte[] SCREENING_NAME = quoted("Screening Completed");
    private static final byte[] REFILL_NAME = quoted("Medication Refill");
    private static final byte[] BOOKED_NAME = quoted("Appointment Booked");
    private static final byte[] NO_SHOW_NAME = quoted("Appointment No Show");
    private static final byte[] SURVEY_NAME = quoted("Survey Answered");
    private static final byte[] STEP_GOAL_NAME = quoted("Step Goal Met");
    private static final byte[] IMMUNIZATION_NAME = quoted("Immunization");

    private static final byte[] SCREEN = ascii("\"screen\":");
    private static final byte[] SPECIALTY = ascii("\"specialty\":");
    private static final byte[] VISIT_TYPE = ascii(",\"visit_type\":");
    private static final byte[] SCREENING_KEY = ascii("\"screening\":");
    private static final byte[] DRUG_CLASS = ascii("\"drug_class\":");
    private static final byte[] DAYS_SUPPLY = ascii(",\"days_supply\":");
    private static final byte[] CHANNEL = ascii(",\"channel\":");
    private static final byte[] DAYS_AHEAD = ascii(",\"days_ahead\":");
    private static final byte[] SURVEY_KEY = ascii("\"survey\":");
    private static final byte[] SCORE = ascii(",\"score\":");
    private static final byte[] STEPS = ascii("\"steps\":");
    private static final byte[] VACCINE = ascii("\"vaccine\":");

    private static final byte[][] GENDERS = Vocabulary.quotedAll(Vocabulary.GENDERS);
    private static final byte[][] EDUCATIONS = Vocabulary.quotedAll(Vocabulary.EDUCATION);
    private static final byte[][] PLANS = Vocabulary.quotedAll(Vocabulary.PLANS);
    private static final byte[][] SCREENS = Vocabulary.quotedAll(Vocabulary.SCREENS);
    private static final byte[][] SPECIALTIES = Vocabulary.quotedAll(Vocabulary.SPECIALTIES);
    private static final byte[][] VISIT_TYPES = Vocabulary.quotedAll(Vocabulary.VISIT_TYPES);
    private static final byte[][] SCREENINGS = Vocabulary.quotedAll(Vocabulary.SCREENINGS);
    private static final byte[][] DRUG_CLASSES = Vocabulary.quotedAll(Vocabulary.DRUG_CLASSES);
    private static final byte[][] REFILL_CHANNELS = Vocabulary.quotedAll(Vocabulary.REFILL_CHANNELS);
    private static final byte[][] BOOKING_CHANNELS = Vocabulary.quotedAll(Vocabulary.BOOKING_CHANNELS);
    private static final byte[][] SURVEYS = Vocabulary.quotedAll(Vocabulary.SURVEYS);
    private static final byte[][] VACCINES = Vocabulary.quotedAll(Vocabulary.VACCINES);
    private static final byte[][] REMOVABLE_KEYS = Vocabulary.quotedAll(Vocabulary.REMOVABLE_KEYS);
    private static final byte[][] APP_VERSIONS = Vocabulary.quotedAll(Vocabulary.APP_VERSIONS);
    /** {@code ,"context":{"os":{"name":..,"version":..},"app":{"version":} by os and os version. */
    private static final byte[][][] CONTEXT_OPEN = new byte[Vocabulary.OS_NAMES.length][][];
    private static final byte[][] CONTEXT_CLOSE = new byte[Vocabulary.OS_NAMES.length][];

    static {
        for (int os = 0; os < Vocabulary.OS_NAMES.length; os++) {
            String[] versions = Vocabulary.OS_VERSIONS[os];
            CONTEXT_OPEN[os] = new byte[versions.length][];
            for (int v = 0; v < versions.length; v++) {
                String open = ",\"context\":{\"os\":{\"name\":" + new String(quoted(Vocabulary.OS_NAMES[os]), java.nio.charset.StandardCharsets.UTF_8)
                        + ",\"version\":" + new String(quoted(versions[v]), java.nio.charset.StandardCharsets.UTF_8)
                        + "},\"app\":{\"version\":";
                CONTEXT_OPEN[os][v] = ascii(open);
            }
            CONTEXT_CLOSE[os] = ascii("},\"device\":{\"type\":\"" + (os == Vocabulary.WEB ? "desktop" : "mobile") + "\"}}");
        }
    }

    private final Timeline timeline;
    private final UsPlaces places = UsPlaces.INSTANCE;

    private Profile p;
    private NdjsonBuffer out;
    private long sequence;
    /** The profile number, zero-padded: written twice per message (identity and messageId). */
    private final NdjsonBuffer number = new NdjsonBuffer(16);
    private byte[] numberDigits;

    MessageWriter(Timeline timeline) {
        this.timeline = timeline;
    }

    /** What one profile added to the output. */
    static final class Counts {
        long messages;
        long events;
        long duplicates;
    }

    /** Writes the profile's events (already sorted) and adds what it wrote to {@code counts}. */
    void write(Profile profile, EventList events, SplittableRandom rng, NdjsonBuffer buffer, Counts counts) {
        p = profile;
        out = buffer;
        sequence = 0;
        number.clear();
        numberDigits = number.putPadded(profile.number, 7).toByteArray();
        for (int i = 0; i < events.size(); i++) {
            int e = events.at(i);
            int lineStart = out.length();
            int kind = events.kind(e);
            long t = events.time(e);
            if (kind <= IDENTIFY_REMOVE) {
                identify(kind, t, events.a(e));
            } else {
                track(kind, t, events.a(e), events.b(e), events.c(e));
                counts.events++;
            }
            counts.messages++;
            if (rng.nextDouble() < DUPLICATE_SHARE) {
                out.repeat(lineStart, out.length());
                counts.messages++;
                counts.duplicates++;
            }
        }
        p = null;
        out = null;
    }

    private void identify(int kind, long t, int a) {
        out.put(IDENTIFY_OPEN);
        identity();
        out.put(TRAITS);
        if (kind == IDENTIFY) {
            if (p.anonymous) {
                address(ADDRESS_FIRST, p.place, p.latitude, p.longitude);
            } else {
                fullTraits();
            }
        } else if (kind == IDENTIFY_MOVE) {
            address(ADDRESS_FIRST, p.movePlace, p.moveLatitude, p.moveLongitude);
        } else if (kind == IDENTIFY_PLAN) {
            out.put(PLAN_FIRST).put(PLANS[a]);
        } else {
            out.put(REMOVABLE_KEYS[a]).put(NULL_VALUE);
        }
        out.put('}');
        boolean fromApp = kind == IDENTIFY ? p.identifyFromApp : p.identifyFromApp && p.usesAppAt(t);
        if (fromApp) {
            context(t);
        }
        close(t);
    }

    private void fullTraits() {
        out.put(BIRTHDAY).putDate(p.birthDay);
        out.put(GENDER).put(GENDERS[p.gender]);
        out.put(INCOME_BAND).putLong(p.incomeBand);
        out.put(EDUCATION).put(EDUCATIONS[p.education]);
        address(ADDRESS, p.place, p.latitude, p.longitude);
        out.put(PLAN).put(PLANS[p.plan]);
        out.put(CHRONIC).putLong(p.chronicConditions);
        out.put(DIABETES).put(p.diabetes ? TRUE : FALSE);
        out.put(HYPERTENSION).put(p.hypertension ? TRUE : FALSE);
        out.put(COPD).put(p.copd ? TRUE : FALSE);
        out.put(ASTHMA).put(p.asthma ? TRUE : FALSE);
        out.put(DEPRESSION).put(p.depression ? TRUE : FALSE);
        out.put(ATTITUDES).putLong(p.trust);
        out.put(SATISFACTION).putLong(p.satisfaction);
        out.put(PREFERS_ONLINE).put(p.prefersOnline ? TRUE : FALSE);
        out.put(COST_CONSCIOUS).putLong(p.costConscious);
        out.put(ALTERNATIVE_CARE).put(p.alternativeCare ? TRUE : FALSE);
        out.put('}');
        contactTraits();
    }

    private void contactTraits() {
        if (p.hasEmail) {
            out.put(EMAIL_OPEN).put(numberDigits).put(EMAIL_DOMAIN);
        }
        if (p.hasPhone) {
            out.put(PHONE_OPEN).putLong(p.phoneArea).put(PHONE_EXCHANGE).putPadded(p.phoneLine, 2).put('"');
        }
        boolean open = consent(0, p.consentEmail, false);
        open = consent(1, p.consentSms, open);
        open = consent(2, p.consentPush, open);
        open = consent(3, p.consentMail, open);
        if (open) {
            out.put('}');
        }
    }

    /** Writes one known consent inside {@code "consent":{...}}, opening the object first; true once it is open. */
    private boolean consent(int key, byte value, boolean open) {
        if (value == ContactSampler.UNKNOWN) {
            return open;
        }
        if (open) {
            out.put(',');
        } else {
            out.put(CONSENT_OPEN);
        }
        out.put(CONSENT_KEYS[key]).put(value == ContactSampler.OPTED_IN ? TRUE : FALSE);
        return true;
    }

    private void address(byte[] key, int placeIndex, double latitude, double longitude) {
        Place place = places.get(placeIndex);
        out.put(key).put(place.cityJson());
        out.put(STATE).put(place.stateJson());
        out.put(ZIP).put(place.zipJson());
        out.put(LATITUDE).putFixed4(latitude);
        out.put(LONGITUDE).putFixed4(longitude);
        out.put('}');
    }

    private void track(int kind, long t, int a, int b, int c) {
        out.put(TRACK_OPEN);
        identity();
        boolean fromApp;
        switch (kind) {
            case APP_OPEN -> {
                out.put(EVENT).put(APP_OPEN_NAME).put(PROPERTIES).put(SCREEN).put(SCREENS[a]);
                fromApp = true;
            }
            case DOCTOR_VISIT -> {
                out.put(EVENT).put(DOCTOR_VISIT_NAME).put(PROPERTIES).put(SPECIALTY).put(SPECIALTIES[a])
                        .put(VISIT_TYPE).put(VISIT_TYPES[b]);
                fromApp = false;
            }
            case SCREENING -> {
                out.put(EVENT).put(SCREENING_NAME).put(PROPERTIES).put(SCREENING_KEY).put(SCREENINGS[a]);
                fromApp = false;
            }
            case REFILL -> {
                out.put(EVENT).put(REFILL_NAME).put(PROPERTIES).put(DRUG_CLASS).put(DRUG_CLASSES[a])
                        .put(DAYS_SUPPLY).putLong(b).put(CHANNEL).put(REFILL_CHANNELS[c]);
                fromApp = false;
            }
            case BOOKED -> {
                out.put(EVENT).put(BOOKED_NAME).put(PROPERTIES).put(SPECIALTY).put(SPECIALTIES[a])
                        .put(CHANNEL).put(BOOKING_CHANNELS[b]).put(DAYS_AHEAD).putLong(c);
                fromApp = b == Vocabulary.APP;
            }
            case NO_SHOW -> {
                out.put(EVENT).put(NO_SHOW_NAME).put(PROPERTIES).put(SPECIALTY).put(SPECIALTIES[a]);
                fromApp = false;
            }
            case SURVEY -> {
                out.put(EVENT).put(SURVEY_NAME).put(PROPERTIES).put(SURVEY_KEY).put(SURVEYS[a]).put(SCORE).putLong(b);
                fromApp = true;
            }
            case STEP_GOAL -> {
                out.put(EVENT).put(STEP_GOAL_NAME).put(PROPERTIES).put(STEPS).putLong(a);
                fromApp = true;
            }
            case IMMUNIZATION -> {
                out.put(EVENT).put(IMMUNIZATION_NAME).put(PROPERTIES).put(VACCINE).put(VACCINES[a]);
                fromApp = false;
            }
            default -> throw new IllegalStateException("unknown event kind " + kind + " for profile " + p.number);
        }
        out.put('}');
        if (fromApp) {
            context(t);
        }
        close(t);
    }

    private void identity() {
        if (p.anonymous) {
            out.put(ANONYMOUS_ID);
        } else {
            out.put(USER_ID);
        }
        out.put(numberDigits).put('"');
    }

    /** The device context; the app version is the newest release the person had installed by then. */
    private void context(long t) {
        out.put(CONTEXT_OPEN[p.os][p.osVersion]);
        int version = 0;
        for (int v = Vocabulary.APP_VERSIONS.length - 1; v > 0; v--) {
            long installed = timeline.endSec() - (Vocabulary.APP_RELEASED_DAYS_BEFORE_END[v] - (long) p.appLagDays) * Timeline.DAY;
            if (t >= installed) {
                version = v;
                break;
            }
        }
        out.put(APP_VERSIONS[version]).put(CONTEXT_CLOSE[p.os]);
    }

    private void close(long t) {
        out.put(TIMESTAMP).putTimestamp(t);
        out.put(MESSAGE_ID).put(numberDigits).put('-').putLong(++sequence);
        out.put(LINE_END);
    }
}
