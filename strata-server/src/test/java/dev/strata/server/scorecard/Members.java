package dev.strata.server.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * People with contact points, consents, app use, statin fills and mammograms, kept on the side so
 * the scorecard tests compute every expected figure without the engine.
 */
final class Members {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One person; null consents are absent, {@code adherent} null means no fills. */
    record Person(String id, String plan, boolean female, int age, String email, Boolean emailConsent, String phone,
                  Boolean smsConsent, Boolean pushConsent, boolean appThisMonth, String zip, Boolean adherent, boolean mammogram) {
        boolean reachableByEmail() {
            return email != null && Boolean.TRUE.equals(emailConsent);
        }

        boolean reachableBySms() {
            return phone != null && Boolean.TRUE.equals(smsConsent);
        }

        boolean reachableByPush() {
            return Boolean.TRUE.equals(pushConsent) && appThisMonth;
        }

        boolean reachableByMail() {
            return zip != null;
        }

        boolean reachable() {
            return reachableByEmail() || reachableBySms() || reachableByPush() || reachableByMail();
        }

        boolean breastEligible() {
            return female && age >= 50 && age <= 74;
        }
    }

    final Instant now = Instant.now();
    final List<Person> people = new ArrayList<>();

    Members(int size, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            String plan = r.nextInt(3) == 0 ? "medicare" : "commercial";
            int age = "medicare".equals(plan) ? 66 + r.nextInt(8) : 25 + r.nextInt(35);
            people.add(new Person("sc-" + i, plan, r.nextBoolean(), age,
                    r.nextInt(10) < 7 ? "sc" + i + "@example.org" : null, tri(r),
                    r.nextInt(10) < 8 ? "+1555010" + String.format("%04d", i) : null, tri(r), tri(r),
                    r.nextInt(5) < 2, r.nextInt(10) == 0 ? null : "9" + String.format("%04d", i),
                    r.nextInt(3) == 0 ? null : r.nextBoolean(), r.nextInt(4) == 0));
        }
    }

    /** People of one plan, all reachable by mail, the first {@code emails} of them by email too. */
    void addGroup(String plan, int n, int emails) {
        for (int i = 0; i < n; i++) {
            people.add(new Person(plan + "-" + i, plan, false, 40, i < emails ? plan + i + "@example.org" : null, true, null, null,
                    null, false, "10001", null, false));
        }
    }

    private static Boolean tri(Random r) {
        int k = r.nextInt(3);
        return k == 0 ? null : k == 1;
    }

    long count(Predicate<Person> p) {
        return people.stream().filter(p).count();
    }

    /** Every person's messages as one /v1/batch body. */
    String batch() {
        List<String> messages = new ArrayList<>();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (Person p : people) {
            ObjectNode identify = JSON.createObjectNode();
            identify.put("type", "identify").put("userId", p.id()).put("messageId", p.id() + "-i")
                    .put("timestamp", now.minus(400, ChronoUnit.DAYS).toString());
            ObjectNode traits = identify.putObject("traits");
            traits.put("plan", p.plan()).put("gender", p.female() ? "female" : "male")
                    // Half a year past a birthday: no age boundary is near.
                    .put("birthday", today.minusYears(p.age()).minusDays(180).toString());
            if (p.email() != null) traits.put("email", p.email());
            if (p.phone() != null) traits.put("phone", p.phone());
            if (p.zip() != null) traits.putObject("address").put("zip", p.zip());
            ObjectNode consent = traits.putObject("consent");
            if (p.emailConsent() != null) consent.put("email", p.emailConsent());
            if (p.smsConsent() != null) consent.put("sms", p.smsConsent());
            if (p.pushConsent() != null) consent.put("push", p.pushConsent());
            messages.add(identify.toString());
            if (p.appThisMonth()) messages.add(track(p, "App Open", "o", now.minus(3, ChronoUnit.DAYS), null));
            if (p.adherent() != null) {
                // Fills 100 and 10 days ago: 90 days each cover the whole period, 30 days cover 41 of its 101 days.
                int supply = p.adherent() ? 90 : 30;
                for (int days : new int[] {100, 10}) {
                    ObjectNode props = JSON.createObjectNode().put("drug_class", "statin").put("days_supply", supply);
                    messages.add(track(p, "Medication Refill", "r" + days, now.minus(days, ChronoUnit.DAYS), props));
                }
            }
            if (p.mammogram()) {
                messages.add(track(p, "Screening Completed", "m", now.minus(200, ChronoUnit.DAYS),
                        JSON.createObjectNode().put("screening", "mammography")));
            }
        }
        return "{\"batch\":[" + String.join(",", messages) + "]}";
    }

    private static String track(Person p, String event, String suffix, Instant t, ObjectNode properties) {
        ObjectNode track = JSON.createObjectNode();
        track.put("type", "track").put("userId", p.id()).put("event", event).put("messageId", p.id() + "-" + suffix)
                .put("timestamp", t.toString());
        if (properties != null) track.set("properties", properties);
        return track.toString();
    }
}
