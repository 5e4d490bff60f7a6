package dev.strata.server.analytics;

import dev.strata.server.TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded population with its data kept on the side, so tests compute what the analytics should
 * answer independently of the server. Half of it is stored before a restart (the engine reads it
 * from the snapshot's columns), half after (live profiles).
 */
final class Cohort {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] GENDERS = {"female", "male", "female", "male", "other"};
    static final String[] PLANS = {"medicare", "medicaid", "commercial", "commercial", "uninsured"};
    static final String[] STATES = {"CA", "TX", "NY", "FL", "CA", "TX"};
    static final String[] DEVICES = {"ios", "android", "web"};
    static final String[] SCREENS = {"home", "settings", "messages"};

    /** One generated person. Null fields are absent from the profile. */
    record Person(String id, String gender, String birthday, String plan, Integer incomeBand, Boolean diabetes, String state,
                  double latitude, double longitude, String device, List<Instant> appOpens, List<Instant> refills) {
    }

    final List<Person> people = new ArrayList<>();
    final Instant now = Instant.now();

    Cohort(int size, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            String gender = i % 40 == 7 ? "nonbinary" : GENDERS[r.nextInt(GENDERS.length)];
            String birthday = LocalDate.of(1935 + r.nextInt(80), 1 + r.nextInt(12), 1 + r.nextInt(28)).toString();
            String plan = i % 9 == 0 ? null : PLANS[r.nextInt(PLANS.length)];
            Integer income = i % 11 == 0 ? null : 1 + r.nextInt(5);
            Boolean diabetes = i % 5 == 0 ? null : r.nextInt(4) == 0;
            String state = i % 50 == 3 ? "WY" : STATES[r.nextInt(STATES.length)];
            List<Instant> opens = new ArrayList<>();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) opens.add(now.minus(r.nextInt(40 * 24 * 60), ChronoUnit.MINUTES));
            List<Instant> refills = new ArrayList<>();
            if (r.nextInt(3) == 0) refills.add(now.minus(r.nextInt(200), ChronoUnit.DAYS));
            people.add(new Person("co-" + i, gender, birthday, plan, income, diabetes, state, 30 + r.nextDouble() * 15,
                    -120 + r.nextDouble() * 40, DEVICES[r.nextInt(DEVICES.length)], opens, refills));
        }
    }

    /** The messages of people [from, to), as one batch body. */
    String batch(int from, int to) {
        List<String> messages = new ArrayList<>();
        for (Person p : people.subList(from, to)) {
            ObjectNode identify = JSON.createObjectNode();
            identify.put("type", "identify").put("userId", p.id()).put("messageId", p.id() + "-i")
                    .put("timestamp", now.minus(400, ChronoUnit.DAYS).toString());
            ObjectNode traits = identify.putObject("traits");
            traits.put("gender", p.gender()).put("birthday", p.birthday());
            if (p.plan() != null) traits.put("plan", p.plan());
            if (p.incomeBand() != null) traits.put("income_band", p.incomeBand());
            if (p.diabetes() != null) traits.put("diabetes", p.diabetes());
            traits.putObject("address").put("state", p.state()).put("latitude", p.latitude()).put("longitude", p.longitude());
            identify.putObject("context").putObject("device").put("type", p.device());
            messages.add(identify.toString());
            int k = 0;
            for (Instant t : p.appOpens()) {
                ObjectNode track = track(p, "App Open", p.id() + "-o" + k, t);
                track.putObject("properties").put("screen", SCREENS[k++ % SCREENS.length]);
                messages.add(track.toString());
            }
            for (Instant t : p.refills()) {
                ObjectNode track = track(p, "Medication Refill", p.id() + "-r" + k++, t);
                track.putObject("properties").put("drug_class", "statin").put("days_supply", 30);
                messages.add(track.toString());
            }
        }
        return "{\"batch\":[" + String.join(",", messages) + "]}";
    }

    private static ObjectNode track(Person p, String event, String messageId, Instant t) {
        ObjectNode track = JSON.createObjectNode();
        track.put("type", "track").put("userId", p.id()).put("event", event).put("messageId", messageId).put("timestamp", t.toString());
        track.putObject("context").putObject("device").put("type", p.device());
        return track;
    }

    /** Stores the first half, restarts so it is read from the snapshot, stores the rest live. */
    static TestServer serve(java.nio.file.Path dir, Cohort cohort) {
        int half = cohort.people.size() / 2;
        try (TestServer first = TestServer.start(dir)) {
            send(first, cohort, 0, half);
        }
        TestServer s = TestServer.start(dir);
        send(s, cohort, half, cohort.people.size());
        return s;
    }

    /** People [from, to) in order, in batches under the 500 KB limit. */
    private static void send(TestServer s, Cohort cohort, int from, int to) {
        for (int i = from; i < to; i += 100) {
            TestServer.Response r = s.ingest("batch", cohort.batch(i, Math.min(to, i + 100)));
            if (r.status() != 200) throw new IllegalStateException("ingest failed: " + r);
        }
    }

    /** Counts of a string per person, in first-seen order. */
    static <T> Map<T, Long> counts(List<T> values) {
        Map<T, Long> out = new LinkedHashMap<>();
        for (T v : values) if (v != null) out.merge(v, 1L, Long::sum);
        return out;
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
