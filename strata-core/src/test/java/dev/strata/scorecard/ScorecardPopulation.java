package dev.strata.scorecard;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random profiles carrying what the default scorecard rules read: contact points, consents, refills, screenings, engagement events. */
final class ScorecardPopulation {
    static final long DAY = 86_400_000L;
    static final long T = Instant.parse("2026-11-01T12:00:00Z").toEpochMilli();
    private static final String[] DRUGS = {"statin", "ras_antagonist", "metformin", "glp1", "ssri"};
    private static final String[] SCREENINGS = {"mammography", "colonoscopy", "fit", "cervical_cytology", "hpv"};
    private static final String[] EVENTS = {"App Open", "Doctor Visit", "Appointment Booked", "Appointment No Show", "Survey Answered", "Step Goal Met"};

    private final Random r;
    private int ids;

    ScorecardPopulation(long seed) {
        r = new Random(seed);
    }

    List<Message> profiles(int n) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.addAll(person("u" + i));
        return out;
    }

    private List<Message> person(String user) {
        List<Message> out = new ArrayList<>();
        Json.Obj.Builder traits = new Json.Obj.Builder();
        traits.put("gender", new Json.Str(r.nextBoolean() ? "female" : "male"));
        traits.put("birthday", new Json.Str(String.format("%04d-%02d-%02d", 1935 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28))));
        traits.put("plan", new Json.Str(r.nextBoolean() ? "medicare" : "commercial"));
        if (r.nextInt(4) != 0) traits.put("email", new Json.Str(user + "@example.org"));
        if (r.nextInt(3) != 0) traits.put("phone", new Json.Str("+1555010" + r.nextInt(10) + r.nextInt(10)));
        Json.Obj.Builder consent = new Json.Obj.Builder();
        for (String channel : List.of("email", "sms", "push", "mail")) {
            int k = r.nextInt(3);
            if (k < 2) consent.put(channel, k == 0 ? Json.TRUE : Json.FALSE);
        }
        traits.put("consent", consent.build());
        if (r.nextInt(5) != 0) traits.put("address", new Json.Obj(Map.of("zip", new Json.Str("9" + (1000 + r.nextInt(9000))))));
        out.add(Message.identify(user, "m" + ids++, T - 900 * DAY, traits.build(), null));
        for (int k = r.nextInt(8); k > 0; k--) {
            out.add(track(user, EVENTS[r.nextInt(EVENTS.length)], T - (long) (r.nextDouble() * 400 * DAY), Map.of()));
        }
        if (r.nextInt(4) == 0) {
            for (int k = 3 + r.nextInt(3); k > 0; k--) out.add(track(user, "Step Goal Met", T - (long) (r.nextDouble() * 35 * DAY), Map.of()));
        }
        if (r.nextBoolean()) {
            String drug = DRUGS[r.nextInt(DRUGS.length)];
            for (int k = r.nextInt(6); k > 0; k--) {
                out.add(track(user, "Medication Refill", T - (long) (r.nextDouble() * 380 * DAY),
                        Map.of("drug_class", new Json.Str(drug), "days_supply", new Json.Num(30 + 60 * r.nextInt(2)))));
            }
        }
        for (int k = r.nextInt(3); k > 0; k--) {
            out.add(track(user, "Screening Completed", T - (long) (r.nextDouble() * 2000 * DAY),
                    Map.of("screening", new Json.Str(SCREENINGS[r.nextInt(SCREENINGS.length)]))));
        }
        return out;
    }

    private Message track(String user, String event, long t, Map<String, Json> properties) {
        return Message.track(user, "m" + ids++, t, event, new Json.Obj(properties), null);
    }
}
