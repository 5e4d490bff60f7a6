package dev.strata.synth;

/**
 * The fixed values the generator writes, indexed by small integer codes so events can be kept in
 * primitive arrays. Each table has a twin of pre-quoted JSON bytes.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] GENDERS = {"female", "male", "nonbinary"};
    static final int FEMALE = 0;

    static final String[] EDUCATION = {"less_than_high_school", "high_school", "some_college", "bachelors", "graduate"};

    static final String[] PLANS = {"medicare", "medicare_advantage", "medicaid", "commercial", "marketplace", "uninsured"};
    static final int MEDICARE = 0;
    static final int MEDICARE_ADVANTAGE = 1;
    static final int MEDICAID = 2;
    static final int COMMERCIAL = 3;
    static final int MARKETPLACE = 4;
    static final int UNINSURED = 5;

    static final String[] OS_NAMES = {"iOS", "Android", "web"};
    static final int IOS = 0;
    static final int ANDROID = 1;
    static final int WEB = 2;
    static final String[][] OS_VERSIONS = {
            {"17.7", "18.6", "26.1"},
            {"13", "14", "15", "16"},
            {"Windows 11", "Windows 10", "macOS 15"}};
    static final double[][] OS_VERSION_WEIGHTS = {
            Draw.cumulative(0.15, 0.45, 0.40),
            Draw.cumulative(0.15, 0.30, 0.35, 0.20),
            Draw.cumulative(0.50, 0.25, 0.25)};

    /** App releases, newest last, with how many days before the end instant each shipped. */
    static final String[] APP_VERSIONS = {"3.9.2", "4.0.1", "4.1.0", "4.2.0"};
    static final int[] APP_RELEASED_DAYS_BEFORE_END = {100_000, 560, 330, 120};

    static final String[] SCREENS = {"home", "appointments", "medications", "messages", "care_plan"};

    static final String[] SPECIALTIES = {"primary_care", "cardiology", "endocrinology", "oncology", "orthopedics",
            "dermatology", "behavioral_health", "urgent_care"};
    static final int PRIMARY_CARE = 0;
    static final int CARDIOLOGY = 1;
    static final int ENDOCRINOLOGY = 2;
    static final int ONCOLOGY = 3;
    static final int ORTHOPEDICS = 4;
    static final int DERMATOLOGY = 5;
    static final int BEHAVIORAL_HEALTH = 6;
    static final int URGENT_CARE = 7;

    static final String[] VISIT_TYPES = {"wellness", "sick", "follow_up"};
    static final int WELLNESS = 0;
    static final int SICK = 1;
    static final int FOLLOW_UP = 2;

    static final String[] SCREENINGS = {"mammography", "colonoscopy", "fit", "stool_dna", "cervical_cytology", "hpv",
            "a1c", "lipid_panel"};
    static final int MAMMOGRAPHY = 0;
    static final int COLONOSCOPY = 1;
    static final int FIT = 2;
    static final int STOOL_DNA = 3;
    static final int CERVICAL_CYTOLOGY = 4;
    static final int HPV = 5;
    static final int A1C = 6;
    static final int LIPID_PANEL = 7;

    static final String[] DRUG_CLASSES = {"statin", "metformin", "ras_antagonist", "insulin", "ssri", "beta_blocker"};
    static final int STATIN = 0;
    static final int METFORMIN = 1;
    static final int RAS_ANTAGONIST = 2;
    static final int INSULIN = 3;
    static final int SSRI = 4;
    static final int BETA_BLOCKER = 5;

    static final String[] REFILL_CHANNELS = {"retail", "mail"};
    static final int RETAIL = 0;
    static final int MAIL = 1;

    static final String[] BOOKING_CHANNELS = {"app", "phone", "web"};
    static final int APP = 0;
    static final int PHONE = 1;
    static final int WEB_BOOKING = 2;

    static final String[] SURVEYS = {"nps", "satisfaction", "phq2"};
    static final int NPS = 0;
    static final int SATISFACTION = 1;
    static final int PHQ2 = 2;

    static final String[] VACCINES = {"influenza", "covid19", "pneumococcal", "shingles"};
    static final int INFLUENZA = 0;
    static final int COVID19 = 1;
    static final int PNEUMOCOCCAL = 2;
    static final int SHINGLES = 3;

    /** Trait keys a later identify may set to null. */
    static final String[] REMOVABLE_KEYS = {"education", "income_band", "attitudes", "address"};
    static final int REMOVE_ADDRESS = 3;

    static byte[][] quotedAll(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = NdjsonBuffer.quoted(values[i]);
        }
        return out;
    }
}
