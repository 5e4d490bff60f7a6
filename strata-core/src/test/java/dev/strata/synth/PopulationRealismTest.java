package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generated behaviour follows the distributions and guidelines the population promises. */
class PopulationRealismTest {

    private final GeneratedPopulation population = GeneratedPopulation.get();
    private final int profiles = GeneratedPopulation.PROFILES;

    @Test
    void meanEventsPerProfileIsNearTheTarget() throws java.io.IOException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(5_000);
        PopulationGenerator.Summary s = PopulationGenerator.write(options, java.io.OutputStream.nullOutputStream());
        assertThat(s.eventsPerProfile()).isCloseTo(options.eventsPerProfile(), within(5.0));
    }

    @Test
    void activityIsHeavyTailed() {
        List<Integer> counts = new ArrayList<>();
        for (List<JsonNode> messages : population.byProfile.values()) {
            counts.add((int) messages.stream().filter(m -> m.get("type").asString().equals("track")).count());
        }
        counts.sort(Comparator.reverseOrder());
        long total = counts.stream().mapToLong(Integer::longValue).sum();
        long topDecile = counts.subList(0, counts.size() / 10).stream().mapToLong(Integer::longValue).sum();
        double mean = (double) total / counts.size();
        assertThat((double) topDecile / total).as("share of events from the most active 10%").isGreaterThan(0.3);
        assertThat(counts.get(0)).as("most active profile").isGreaterThan((int) (10 * mean));
        assertThat(counts.get(counts.size() / 2)).as("median below mean").isLessThan((int) mean);
    }

    /** Age on a UTC instant's date, as the segment language computes age(birthday). */
    private static int age(LocalDate birthday, ZonedDateTime t) {
        int age = t.getYear() - birthday.getYear();
        boolean before = t.getMonthValue() < birthday.getMonthValue()
                || (t.getMonthValue() == birthday.getMonthValue() && t.getDayOfMonth() < birthday.getDayOfMonth());
        return before ? age - 1 : age;
    }

    @Test
    void screeningsFollowAgeAndSexGuidelines() {
        int screenings = 0;
        int mammographies = 0;
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            if (e.getKey().startsWith("anon-")) {
                continue;
            }
            JsonNode traits = population.firstTraits(e.getKey());
            LocalDate birthday = LocalDate.parse(traits.get("birthday").asString());
            String gender = traits.get("gender").asString();
            for (JsonNode m : e.getValue()) {
                if (!m.path("event").asString().equals("Screening Completed")) {
                    continue;
                }
                screenings++;
                String screening = m.path("properties").path("screening").asString();
                int age = age(birthday, GeneratedPopulation.timestamp(m).atZone(ZoneOffset.UTC));
                String where = e.getKey() + " " + screening + " at age " + age + " (" + gender + ")";
                switch (screening) {
                    case "mammography" -> {
                        mammographies++;
                        assertThat(gender).as(where).isEqualTo("female");
                        assertThat(age).as(where).isBetween(50, 74);
                    }
                    case "cervical_cytology" -> {
                        assertThat(gender).as(where).isEqualTo("female");
                        assertThat(age).as(where).isBetween(21, 64);
                    }
                    case "hpv" -> {
                        assertThat(gender).as(where).isEqualTo("female");
                        assertThat(age).as(where).isBetween(30, 64);
                    }
                    case "colonoscopy", "fit", "stool_dna" -> assertThat(age).as(where).isBetween(45, 75);
                    case "a1c" -> assertThat(traits.get("diabetes").booleanValue()).as(where).isTrue();
                    default -> { }
                }
            }
        }
        assertThat(screenings).isGreaterThan(profiles / 4);
        assertThat(mammographies).isGreaterThan(profiles / 60);
    }

    @Test
    void mammographyIsRepeatedAboutEveryTwoYears() {
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            ZonedDateTime previous = null;
            for (JsonNode m : e.getValue()) {
                if (m.path("properties").path("screening").asString().equals("mammography")) {
                    ZonedDateTime t = GeneratedPopulation.timestamp(m).atZone(ZoneOffset.UTC);
                    if (previous != null) {
                        assertThat(java.time.Duration.between(previous, t).toDays()).as(e.getKey()).isGreaterThan(600);
                    }
                    previous = t;
                }
            }
        }
    }

    @Test
    void peopleOver65AreMostlyOnMedicare() {
        LocalDate end = LocalDate.ofInstant(GeneratedPopulation.OPTIONS.end(), ZoneOffset.UTC);
        int seniors = 0;
        int medicare = 0;
        int younger = 0;
        int youngerMedicare = 0;
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            if (e.getKey().startsWith("anon-")) {
                continue;
            }
            LocalDate birthday = LocalDate.parse(population.firstTraits(e.getKey()).get("birthday").asString());
            String plan = latestPlan(e.getValue());
            boolean onMedicare = plan.equals("medicare") || plan.equals("medicare_advantage");
            if (age(birthday, end.atStartOfDay(ZoneOffset.UTC)) >= 66) {
                seniors++;
                medicare += onMedicare ? 1 : 0;
            } else if (age(birthday, end.atStartOfDay(ZoneOffset.UTC)) < 64) {
                younger++;
                youngerMedicare += onMedicare ? 1 : 0;
            }
        }
        assertThat(seniors).isGreaterThan(profiles / 20);
        assertThat((double) medicare / seniors).isGreaterThan(0.85);
        assertThat((double) youngerMedicare / younger).isLessThan(0.05);
    }

    private static String latestPlan(List<JsonNode> messages) {
        String plan = null;
        for (JsonNode m : messages) {
            JsonNode p = m.at("/traits/plan");
            if (p.isString()) {
                plan = p.asString();
            }
        }
        return plan;
    }

    @Test
    void aFewPercentLiveWithin25KmOfDowntownLosAngeles() {
        int near = 0;
        int withAddress = 0;
        for (String id : population.byProfile.keySet()) {
            JsonNode a = population.firstTraits(id).get("address");
            withAddress++;
            if (haversineKm(34.05, -118.24, a.get("latitude").doubleValue(), a.get("longitude").doubleValue()) <= 25) {
                near++;
            }
        }
        assertThat((double) near / withAddress).isBetween(0.01, 0.05);
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    @Test
    void edgeCasesAppearInTheAdvertisedShares() {
        int anonymous = 0;
        int changed = 0;
        int removed = 0;
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            anonymous += e.getKey().startsWith("anon-") ? 1 : 0;
            boolean change = false;
            boolean removal = false;
            for (JsonNode m : e.getValue().subList(1, e.getValue().size())) {
                if (m.get("type").asString().equals("identify")) {
                    JsonNode t = m.get("traits");
                    change |= t.path("address").isObject() || t.path("plan").isString();
                    for (String key : t.propertyNames()) {
                        removal |= t.get(key).isNull();
                    }
                }
            }
            changed += change ? 1 : 0;
            removed += removal ? 1 : 0;
        }
        long withoutContext = population.messages.stream().filter(m -> !m.has("context")).count();
        assertThat((double) population.summary.duplicates() / population.summary.messages()).isBetween(0.001, 0.0035);
        assertThat((double) anonymous / profiles).isBetween(0.004, 0.018);
        assertThat((double) changed / profiles).as("later identify moving or changing plan").isBetween(0.11, 0.19);
        assertThat((double) removed / profiles).as("later identify setting a key to null").isBetween(0.018, 0.045);
        assertThat((double) withoutContext / population.messages.size()).isBetween(0.1, 0.9);
    }

    @Test
    void fluShotsAreGivenInAutumn() {
        int flu = 0;
        for (int i = 0; i < population.messages.size(); i++) {
            JsonNode m = population.messages.get(i);
            if (m.path("properties").path("vaccine").asString().equals("influenza")) {
                flu++;
                int month = java.time.Instant.ofEpochSecond(population.seconds[i]).atZone(ZoneOffset.UTC).getMonthValue();
                GeneratedPopulation.check(month >= 9 && month <= 12, "flu shot outside autumn: %s", m);
            }
        }
        assertThat(flu).isGreaterThan(profiles / 4);
    }

    /** Per latent segment: profiles, events, flu shots, app-booked appointments, app opens. */
    private Map<LatentSegment, double[]> perSegment() {
        Map<LatentSegment, double[]> stats = new EnumMap<>(LatentSegment.class);
        for (Map.Entry<String, List<JsonNode>> e : population.byProfile.entrySet()) {
            LatentSegment segment = PopulationGenerator.latentSegment(GeneratedPopulation.OPTIONS,
                    GeneratedPopulation.number(e.getKey()) - 1);
            double[] s = stats.computeIfAbsent(segment, k -> new double[5]);
            s[0]++;
            for (JsonNode m : e.getValue()) {
                if (m.get("type").asString().equals("track")) {
                    s[1]++;
                    s[2] += m.path("properties").path("vaccine").asString().equals("influenza") ? 1 : 0;
                    s[3] += m.get("event").asString().equals("Appointment Booked")
                            && m.path("properties").path("channel").asString().equals("app") ? 1 : 0;
                    s[4] += m.get("event").asString().equals("App Open") ? 1 : 0;
                }
            }
        }
        return stats;
    }

    @Test
    void latentSegmentsShapeBehaviour() {
        Map<LatentSegment, double[]> s = perSegment();
        double[] casual = s.get(LatentSegment.CAUTIOUS_BUT_CASUAL);
        double[] savvy = s.get(LatentSegment.SICK_BUT_SAVVY);
        double[] online = s.get(LatentSegment.ONBOARD_AND_ONLINE);
        double[] content = s.get(LatentSegment.COMPLIANT_AND_CONTENT);
        // Cautious but casual: the fewest events of all segments.
        for (Map.Entry<LatentSegment, double[]> e : s.entrySet()) {
            if (e.getKey() != LatentSegment.CAUTIOUS_BUT_CASUAL) {
                assertThat(casual[1] / casual[0]).as("events vs " + e.getKey()).isLessThan(e.getValue()[1] / e.getValue()[0]);
            }
        }
        // Sick but savvy: flu shots far more often than cautious but casual.
        assertThat(savvy[2] / savvy[0]).isGreaterThan(2 * casual[2] / casual[0]);
        // Onboard and online: opens the app and books in it far more than compliant and content.
        assertThat(online[4] / online[0]).isGreaterThan(5 * content[4] / content[0]);
        assertThat(online[3] / online[0]).isGreaterThan(2 * content[3] / content[0]);
    }
}
