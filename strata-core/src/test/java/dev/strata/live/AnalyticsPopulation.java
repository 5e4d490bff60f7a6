package dev.strata.live;

import dev.strata.engine.PopulationBuilder;
import dev.strata.json.Json;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded population for the analytics tests: profiles in a snapshot, and messages to apply live afterwards. */
final class AnalyticsPopulation {
    static final long DAY = 86_400_000L;
    static final long T = Instant.parse("2026-11-01T12:00:00Z").toEpochMilli();
    static final String[] GENDERS = {"female", "male", "female", "male", "other"};
    static final String[] STATES = {"CA", "TX", "NY", "FL", "WA", "OR"};
    static final String[] PLANS = {"medicare", "medicaid", "commercial", "uninsured"};

    final long[] clock = {T};
    final List<Message> snapshot = new ArrayList<>();
    private final Random r;
    private int ids;

    AnalyticsPopulation(int size, long seed) {
        r = new Random(seed);
        for (int i = 0; i < size; i++) snapshot.addAll(person("u" + i));
    }

    LiveEngine engine() {
        PopulationBuilder b = new PopulationBuilder(Long.MAX_VALUE);
        for (Message m : snapshot) b.accept(m);
        return new LiveEngine(b.build(), () -> clock[0]);
    }

    /** A profile's messages: traits, context and events over the last 120 days. */
    List<Message> person(String user) {
        List<Message> out = new ArrayList<>();
        Json.Obj.Builder traits = new Json.Obj.Builder();
        traits.put("gender", new Json.Str(GENDERS[r.nextInt(GENDERS.length)]));
        traits.put("birthday", new Json.Str(String.format("%04d-%02d-%02d", 1930 + r.nextInt(85), 1 + r.nextInt(12), 1 + r.nextInt(28))));
        if (r.nextInt(8) != 0) traits.put("plan", new Json.Str(PLANS[r.nextInt(PLANS.length)]));
        if (r.nextInt(6) != 0) traits.put("income_band", new Json.Num(1 + r.nextInt(5)));
        if (r.nextInt(3) == 0) traits.put("steps", new Json.Num(r.nextInt(20_000)));
        traits.put("diabetes", r.nextInt(4) == 0 ? Json.TRUE : Json.FALSE);
        traits.put("address", new Json.Obj(Map.of("state", new Json.Str(STATES[r.nextInt(STATES.length)]))));
        Json.Obj context = new Json.Obj(Map.of("device", new Json.Obj(Map.of("type", new Json.Str(r.nextBoolean() ? "ios" : "android")))));
        out.add(Message.identify(user, "m" + ids++, T - 200 * DAY, traits.build(), context));
        int opens = r.nextInt(12);
        for (int k = 0; k < opens; k++) out.add(track(user, "App Open", T - (long) (r.nextDouble() * 120 * DAY)));
        if (r.nextInt(3) == 0) out.add(track(user, "Doctor Visit", T - (long) (r.nextDouble() * 120 * DAY)));
        return out;
    }

    Message track(String user, String event, long t) {
        return Message.track(user, "m" + ids++, t, event, new Json.Obj(Map.of("screen", new Json.Str(r.nextBoolean() ? "home" : "care")))
                , null);
    }

    Message identify(String user, String key, Json value) {
        return Message.identify(user, "m" + ids++, clock[0], new Json.Obj(Map.of(key, value)), null);
    }
}
