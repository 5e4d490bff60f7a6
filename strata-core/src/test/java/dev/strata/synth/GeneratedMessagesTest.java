package dev.strata.synth;

import static dev.strata.synth.GeneratedPopulation.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every generated line is a valid Segment-spec message in the fixed vocabulary. */
class GeneratedMessagesTest {

    private static final Pattern USER_ID = Pattern.compile("p-\\d{7}");
    private static final Pattern ANONYMOUS_ID = Pattern.compile("anon-\\d{7}");
    private static final Pattern MESSAGE_ID = Pattern.compile("m-(\\d{7})-\\d+");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private static final Set<String> SPECIALTIES = Set.of("primary_care", "cardiology", "endocrinology", "oncology",
            "orthopedics", "dermatology", "behavioral_health", "urgent_care");
    private static final Map<String, Set<String>> PROPERTY_KEYS = Map.of(
            "App Open", Set.of("screen"),
            "Doctor Visit", Set.of("specialty", "visit_type"),
            "Screening Completed", Set.of("screening"),
            "Medication Refill", Set.of("drug_class", "days_supply", "channel"),
            "Appointment Booked", Set.of("specialty", "channel", "days_ahead"),
            "Appointment No Show", Set.of("specialty"),
            "Survey Answered", Set.of("survey", "score"),
            "Step Goal Met", Set.of("steps"),
            "Immunization", Set.of("vaccine"));
    private static final Set<String> FULL_TRAITS = Set.of("birthday", "gender", "income_band", "education", "address",
            "plan", "chronic_conditions", "diabetes", "hypertension", "copd", "asthma", "depression", "attitudes");

    private static final Set<String> CONTACT_TRAITS = Set.of("email", "phone", "consent");

    private final GeneratedPopulation population = GeneratedPopulation.get();

    @Test
    void everyLineIsAMessageWithIdentityTimestampAndMessageId() {
        Instant end = GeneratedPopulation.OPTIONS.end();
        long endSec = end.getEpochSecond();
        long startSec = end.minus(Duration.ofDays(730)).getEpochSecond();
        for (int i = 0; i < population.messages.size(); i++) {
            JsonNode m = population.messages.get(i);
            check(m.isObject(), "not an object: %s", m);
            String type = m.path("type").asString();
            check(type.equals("identify") || type.equals("track"), "type of %s", m);
            check(m.has("userId") ^ m.has("anonymousId"), "exactly one identity in %s", m);
            String id = GeneratedPopulation.id(m);
            check((m.has("userId") ? USER_ID : ANONYMOUS_ID).matcher(id).matches(), "id format in %s", m);
            check(TIMESTAMP.matcher(m.path("timestamp").asString()).matches(), "timestamp format in %s", m);
            long t = population.seconds[i];
            check(t >= startSec && t < endSec, "timestamp outside [end-730d, end) in %s", m);
            Matcher mid = MESSAGE_ID.matcher(m.path("messageId").asString());
            check(mid.matches() && Integer.parseInt(mid.group(1)) == GeneratedPopulation.number(id), "messageId in %s", m);
            if (type.equals("track")) {
                check(!m.has("traits"), "track with traits: %s", m);
                checkTrack(m);
            } else {
                check(m.path("traits").isObject() && !m.has("event") && !m.has("properties"), "identify shape: %s", m);
            }
            if (m.has("context")) {
                checkContext(m);
            }
        }
        assertThat(population.messages).hasSizeGreaterThan(GeneratedPopulation.PROFILES * 20);
    }

    private static void checkTrack(JsonNode m) {
        String event = m.path("event").asString();
        check(PROPERTY_KEYS.containsKey(event), "unknown event in %s", m);
        JsonNode p = m.get("properties");
        check(Set.copyOf(p.propertyNames()).equals(PROPERTY_KEYS.get(event)), "property keys of %s", m);
        boolean ok;
        switch (event) {
            case "App Open" -> ok = Set.of("home", "appointments", "medications", "messages", "care_plan").contains(p.get("screen").asString());
            case "Doctor Visit" -> ok = SPECIALTIES.contains(p.get("specialty").asString())
                    && Set.of("wellness", "sick", "follow_up").contains(p.get("visit_type").asString());
            case "Screening Completed" -> ok = Set.of("mammography", "colonoscopy", "fit", "stool_dna", "cervical_cytology",
                    "hpv", "a1c", "lipid_panel").contains(p.get("screening").asString());
            case "Medication Refill" -> ok = Set.of("statin", "metformin", "ras_antagonist", "insulin", "ssri", "beta_blocker")
                    .contains(p.get("drug_class").asString())
                    && p.get("days_supply").isInt() && (p.get("days_supply").intValue() == 30 || p.get("days_supply").intValue() == 90)
                    && Set.of("retail", "mail").contains(p.get("channel").asString());
            case "Appointment Booked" -> ok = SPECIALTIES.contains(p.get("specialty").asString())
                    && !p.get("specialty").asString().equals("urgent_care")
                    && Set.of("app", "phone", "web").contains(p.get("channel").asString())
                    && p.get("days_ahead").isInt() && p.get("days_ahead").intValue() >= 0 && p.get("days_ahead").intValue() <= 60;
            case "Appointment No Show" -> ok = SPECIALTIES.contains(p.get("specialty").asString());
            case "Survey Answered" -> ok = Set.of("nps", "satisfaction", "phq2").contains(p.get("survey").asString())
                    && p.get("score").isInt() && p.get("score").intValue() >= 0
                    && p.get("score").intValue() <= (p.get("survey").asString().equals("phq2") ? 6 : 10);
            case "Step Goal Met" -> ok = p.get("steps").isInt() && p.get("steps").intValue() >= 7_500 && p.get("steps").intValue() <= 40_000;
            case "Immunization" -> ok = Set.of("influenza", "covid19", "pneumococcal", "shingles").contains(p.get("vaccine").asString());
            default -> ok = false;
        }
        check(ok, "property values of %s", m);
        boolean appOriginated = switch (event) {
            case "App Open", "Survey Answered", "Step Goal Met" -> true;
            case "Appointment Booked" -> p.get("channel").asString().equals("app");
            default -> false;
        };
        check(m.has("context") == appOriginated, "context only on app-originated messages: %s", m);
    }

    private static void checkContext(JsonNode m) {
        JsonNode c = m.get("context");
        String os = c.at("/os/name").asString();
        check(Set.copyOf(c.propertyNames()).equals(Set.of("os", "app", "device"))
                && Set.of("iOS", "Android", "web").contains(os)
                && c.at("/os/version").isString()
                && VERSION.matcher(c.at("/app/version").asString()).matches()
                && c.at("/device/type").asString().equals(os.equals("web") ? "desktop" : "mobile"), "context of %s", m);
    }

    @Test
    void firstIdentifyCarriesTheFullTraitVocabulary() {
        int identified = 0;
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            JsonNode first = e.getValue().get(0);
            assertThat(first.path("type").asString()).as(e.getKey()).isEqualTo("identify");
            JsonNode t = first.get("traits");
            if (e.getKey().startsWith("anon-")) {
                assertAddress(t.get("address"));
                continue;
            }
            identified++;
            Set<String> keys = new HashSet<>(t.propertyNames());
            assertThat(keys).containsAll(FULL_TRAITS);
            keys.removeAll(FULL_TRAITS);
            assertThat(CONTACT_TRAITS).as("optional contact traits").containsAll(keys);
            assertThat(t.get("birthday").asString()).matches(DATE);
            assertThat(t.get("gender").asString()).isIn("female", "male", "nonbinary");
            assertThat(t.get("income_band").isInt()).isTrue();
            assertThat(t.get("income_band").intValue()).isBetween(1, 5);
            assertThat(t.get("education").asString()).isIn("less_than_high_school", "high_school", "some_college", "bachelors", "graduate");
            assertThat(t.get("plan").asString()).isIn("medicare", "medicare_advantage", "medicaid", "commercial", "marketplace", "uninsured");
            int flags = 0;
            for (String flag : List.of("diabetes", "hypertension", "copd", "asthma", "depression")) {
                assertThat(t.get(flag).isBoolean()).isTrue();
                flags += t.get(flag).booleanValue() ? 1 : 0;
            }
            assertThat(t.get("chronic_conditions").intValue()).as("count covers the flags").isGreaterThanOrEqualTo(flags);
            assertAddress(t.get("address"));
            JsonNode a = t.get("attitudes");
            assertThat(Set.copyOf(a.propertyNames())).containsExactlyInAnyOrder("trust", "satisfaction", "prefers_online",
                    "cost_conscious", "alternative_care");
            assertThat(a.get("trust").intValue()).isBetween(1, 5);
            assertThat(a.get("satisfaction").intValue()).isBetween(1, 5);
            assertThat(a.get("cost_conscious").intValue()).isBetween(1, 5);
            assertThat(a.get("prefers_online").isBoolean()).isTrue();
            assertThat(a.get("alternative_care").isBoolean()).isTrue();
        }
        assertThat(identified).isGreaterThan(GeneratedPopulation.PROFILES * 9 / 10);
    }

    private static void assertAddress(JsonNode a) {
        assertThat(Set.copyOf(a.propertyNames())).isEqualTo(Set.of("city", "state", "zip", "latitude", "longitude"));
        assertThat(a.get("state").asString()).matches("[A-Z]{2}");
        assertThat(a.get("zip").asString()).matches("\\d{5}");
        // Inside the US including Alaska and Hawaii.
        assertThat(a.get("latitude").doubleValue()).isBetween(18.0, 72.0);
        assertThat(a.get("longitude").doubleValue()).isBetween(-170.0, -66.0);
    }

    @Test
    void profilesComeInIndexOrderEachInTimeOrderAfterItsFirstIdentify() {
        int previousNumber = 0;
        String current = null;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < population.messages.size(); i++) {
            JsonNode m = population.messages.get(i);
            String id = GeneratedPopulation.id(m);
            if (!id.equals(current)) {
                int number = GeneratedPopulation.number(id);
                check(number == previousNumber + 1, "profile %s after number %d", id, previousNumber);
                check(m.path("type").asString().equals("identify"), "first message of %s: %s", id, m);
                previousNumber = number;
                current = id;
            } else {
                check(population.seconds[i] >= last, "time order within %s at %s", id, m);
            }
            last = population.seconds[i];
        }
        assertThat(previousNumber).isEqualTo(GeneratedPopulation.PROFILES);
    }

    @Test
    void aRepeatedMessageIdIsAnExactCopyOfTheLineBeforeIt() {
        Map<String, Integer> firstLine = new HashMap<>();
        int duplicates = 0;
        for (int i = 0; i < population.messages.size(); i++) {
            String mid = population.messages.get(i).get("messageId").asString();
            Integer seen = firstLine.putIfAbsent(mid, i);
            if (seen != null) {
                duplicates++;
                check(seen == i - 1, "duplicate of %s does not follow its original", mid);
                check(population.lines.get(i).equals(population.lines.get(seen)), "duplicate line %d differs", i + 1);
            }
        }
        assertThat(duplicates).isEqualTo(population.summary.duplicates()).isPositive();
    }

    @Test
    void summaryCountsWhatWasWritten() {
        PopulationGenerator.Summary s = population.summary;
        assertThat(s.profiles()).isEqualTo(GeneratedPopulation.PROFILES);
        assertThat(s.messages()).isEqualTo(population.lines.size());
        Set<String> ids = new HashSet<>();
        long tracks = 0;
        for (JsonNode m : population.messages) {
            if (ids.add(m.get("messageId").asString()) && m.get("type").asString().equals("track")) {
                tracks++;
            }
        }
        assertThat(s.events()).isEqualTo(tracks);
        assertThat(s.messages() - s.duplicates()).isEqualTo(ids.size());
        assertThat(population.byProfile).hasSize(GeneratedPopulation.PROFILES);
        assertThat(s.latentSegmentCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.profiles());
    }
}
