package dev.strata.testing;

import static dev.strata.testing.Vocabulary.DAY;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random small populations as message lists in read order: 1 to 40 users, 0 to 200 messages,
 * with repeated messageIds (exact copies and same id with other content), messages without an
 * id, identify updates and null removals, nested objects, values of the wrong type, messages
 * after T, timestamp ties, timestamps exactly on and next to window bounds, and context on some
 * messages.
 *
 * <p>Every value is drawn from a finite pool computed up front (per instant, for dates), so that
 * a message costs a handful of plain draws: branching arbitraries cost a generator lookup per
 * draw, and a case draws hundreds of values.
 */
public final class PopulationArbitraries {
    private PopulationArbitraries() {
    }

    public static final int MAX_USERS = 40;
    public static final int MAX_MESSAGES = 200;

    /**
     * Evaluation instants: the workload's default, a leap day at noon, the last millisecond of
     * February in a common year, the first of March, and instants off the whole second and hour.
     * A fixed list rather than any instant, so that the arbitraries built for each are reused
     * from try to try.
     */
    public static final List<Long> INSTANTS = List.of(
            ms("2026-11-01T00:00:00Z"), ms("2028-02-29T12:00:00Z"), ms("2026-02-28T23:59:59.999Z"),
            ms("2026-03-01T00:00:00Z"), ms("2025-06-15T08:30:00.250Z"), ms("2027-12-31T23:59:59.999Z"),
            ms("2024-01-01T00:00:00.001Z"), ms("2029-07-04T17:45:12.345Z"));

    public static Arbitrary<Long> instants() {
        return Arbitraries.of(INSTANTS);
    }

    public static Arbitrary<List<Message>> messages(long asOf) {
        Arbitrary<Integer> userCount = Arbitraries.integers().between(1, MAX_USERS).withDistribution(RandomDistribution.uniform());
        Arbitrary<List<Draft>> drafts = drafts(asOf).list().ofMaxSize(MAX_MESSAGES).withSizeDistribution(RandomDistribution.uniform());
        // Refill histories on top: a few users with fills days apart, so that pdc and mpr have
        // people with two fills or more in their windows, with fills on and either side of midnight.
        Arbitrary<List<Draft>> refills = refills(asOf).list().ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
        // Screenings on and either side of each program's lookback, for screening_due.
        Arbitrary<List<Draft>> screenings = screenings(asOf).list().ofMaxSize(16);
        // Appointments booked, missed and cancelled, for no_show_rate.
        Arbitrary<List<Draft>> appointments = appointments().list().ofMaxSize(16);
        return Combinators.combine(userCount, drafts, refills, screenings, appointments).as((users, ds, refs, scs, aps) -> {
            List<Draft> all = new ArrayList<>(ds);
            List<Draft> rs = new ArrayList<>(refs);
            rs.addAll(scs);
            rs.addAll(aps);
            for (int i = 0; i < rs.size(); i++) all.add(Math.min(all.size(), (int) ((long) i * 7919 % (all.size() + 1))), rs.get(i));
            return assemble(users, all, asOf);
        });
    }

    private static Arbitrary<Draft> appointments() {
        Arbitrary<String> events = Arbitraries.frequency(
                Tuple.of(4, "Appointment Booked"), Tuple.of(2, "Appointment No Show"), Tuple.of(1, "Appointment Cancelled"));
        return Combinators.combine(Arbitraries.integers().between(0, 4), offsets(), events).as((u, o, e) ->
                new Draft(u, o, e, obj("specialty", Json.str("primary_care")), null, IdMode.FRESH, 0));
    }

    private static Arbitrary<Draft> screenings(long asOf) {
        Arbitrary<Integer> users = Arbitraries.integers().between(0, 7);
        Arbitrary<Long> lookbacks = Arbitraries.of(365L, 821L, 1095L, 1825L, 3650L).map(d -> d * DAY);
        Arbitrary<Long> offsets = Choices.frequencyOf(
                Tuple.of(3, Combinators.combine(lookbacks, Arbitraries.of(-1L, 0L, 1L)).as(Long::sum)),
                Tuple.of(1, Arbitraries.longs().between(-DAY, 4000 * DAY)));
        Arbitrary<Json.Obj> payload = Arbitraries.of(strings("fit", "fobt", "stool_dna", "ct_colonography", "flexible_sigmoidoscopy",
                "colonoscopy", "mammography", "cervical_cytology", "hpv", "cotest", "a1c")).map(s -> obj("screening", s));
        // and who they are: a sex and a birthday, often on an age bound of a program
        List<Json> birthdays = new ArrayList<>();
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(asOf), ZoneOffset.UTC);
        for (int years : List.of(20, 21, 29, 30, 44, 45, 49, 50, 64, 65, 74, 75, 76)) {
            for (int days : List.of(-1, 0, 1)) birthdays.add(Json.str(t.minusYears(years).plusDays(days).toLocalDate().toString()));
        }
        Arbitrary<Json.Obj> person = Combinators.combine(Arbitraries.of(strings("female", "female", "male")), Arbitraries.of(birthdays))
                .as((g, b) -> obj("gender", g, "birthday", b));
        Arbitrary<Draft> screening = Combinators.combine(users, offsets, payload).as((u, o, p) ->
                new Draft(u, o, "Screening Completed", p, null, IdMode.FRESH, 0));
        Arbitrary<Draft> identify = Combinators.combine(users, person, Arbitraries.longs().between(0, 30 * DAY)).as((u, p, o) ->
                new Draft(u, o, null, p, null, IdMode.FRESH, 0));
        return Choices.frequencyOf(Tuple.of(2, screening), Tuple.of(1, identify));
    }

    private static Arbitrary<Draft> refills(long asOf) {
        long midnight = Math.floorDiv(asOf, DAY) * DAY;
        Arbitrary<Integer> users = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> daysBack = Arbitraries.integers().between(-1, 40);
        Arbitrary<Long> withinDay = Arbitraries.frequency(
                Tuple.of(3, 0L), Tuple.of(2, -1L), Tuple.of(1, 1L), Tuple.of(3, 9 * 3_600_000L), Tuple.of(1, DAY - 1));
        Arbitrary<Json.Obj> payload = Combinators.combine(
                        Arbitraries.of(numbers(1, 2, 3, 5, 7, 10, 30, 2.5, 0.5)), Arbitraries.of(strings("mail", "retail")))
                .as((supply, channel) -> obj("days_supply", supply, "channel", channel));
        return Combinators.combine(users, daysBack, withinDay, payload).as((u, d, w, p) ->
                new Draft(u, asOf - (midnight - d * DAY + w), "Medication Refill", p, null, IdMode.FRESH, 0));
    }

    // ---- drafts -------------------------------------------------------------------------------

    enum IdMode { FRESH, NONE, REUSE, EXACT_COPY }

    /**
     * One message before ids and users are resolved: {@code earlier} picks the message an id is
     * reused from or copied, modulo the number of messages so far.
     */
    record Draft(int user, long offset, String event, Json.Obj payload, Json.Obj context, IdMode idMode, int earlier) {
    }

    private static Arbitrary<Draft> drafts(long asOf) {
        Arbitrary<Integer> users = Arbitraries.integers().between(0, MAX_USERS - 1);
        Arbitrary<IdMode> idModes = Arbitraries.frequency(
                Tuple.of(85, IdMode.FRESH), Tuple.of(4, IdMode.NONE), Tuple.of(5, IdMode.REUSE), Tuple.of(6, IdMode.EXACT_COPY));
        Arbitrary<Integer> earlier = Arbitraries.integers().between(0, 1000);
        Arbitrary<Tuple.Tuple2<IdMode, Integer>> ids = Combinators.combine(idModes, earlier).as(Tuple::of);
        Arbitrary<Boolean> isIdentify = Arbitraries.frequency(Tuple.of(2, true), Tuple.of(3, false));
        return Combinators.combine(users, offsets(), isIdentify, Arbitraries.of(Vocabulary.EVENTS), traits(asOf), properties(asOf), contexts(), ids)
                .as((u, o, identify, ev, t, p, c, id) -> identify
                        ? new Draft(u, o, null, t, c, id.get1(), id.get2())
                        : new Draft(u, o, ev, p, c, id.get1(), id.get2()));
    }

    /** Milliseconds back from T: on window bounds, whole days (ties across users), or anywhere. */
    static Arbitrary<Long> offsets() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(3, 1), Tuple.of(2, 2));
        return Combinators.combine(kind, Arbitraries.of(Vocabulary.BOUNDARY_OFFSETS), Arbitraries.longs().between(0, 400),
                        Arbitraries.longs().between(-2 * DAY, 800 * DAY))
                .as((k, boundary, days, any) -> k == 0 ? boundary : k == 1 ? days * DAY : any);
    }

    static List<Message> assemble(int userCount, List<Draft> drafts, long asOf) {
        List<Message> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.idMode() == IdMode.EXACT_COPY && i > 0) {
                out.add(out.get(d.earlier() % i));
                continue;
            }
            String messageId;
            if (d.idMode() == IdMode.NONE) messageId = null;
            else if (d.idMode() == IdMode.REUSE && i > 0) messageId = out.get(d.earlier() % i).messageId();
            else messageId = "m-" + i;
            String user = userId(d.user() % userCount);
            long ts = asOf - d.offset();
            out.add(d.event() == null
                    ? Message.identify(user, messageId, ts, d.payload(), d.context())
                    : Message.track(user, messageId, ts, d.event(), d.payload(), d.context()));
        }
        return out;
    }

    /** Ids as the synthetic population spells them; every eighth profile is anonymous. */
    static String userId(int index) {
        return index % 8 == 7
                ? String.format("%s%07d", MessageNdjson.ANONYMOUS_PREFIX, index + 1)
                : String.format("p-%07d", index + 1);
    }

    // ---- payloads -----------------------------------------------------------------------------

    static Arbitrary<Json.Obj> traits(long asOf) {
        Map<String, List<Json>> pools = new LinkedHashMap<>();
        pools.put("plan", strings("medicare", "medicaid", "commercial", "Medicare", "medicare_advantage"));
        pools.put("gender", strings("female", "male", "nonbinary"));
        pools.put("income_band", numbers(1, 2, 3, 4, 5, 2.5));
        pools.put("diabetes", List.of(Json.TRUE, Json.FALSE));
        pools.put("birthday", dates(asOf));
        pools.put("address", addresses());
        pools.put("name", Vocabulary.TEXTS.stream().map(Json::str).map(Json.class::cast).toList());
        pools.put("score", Vocabulary.NUMBERS.stream().map(Json::num).map(Json.class::cast).toList());
        pools.put("tags", Vocabulary.ODD_VALUES);
        pools.put("context", List.of(obj("os", obj("name", Json.str("iOS")))));
        return objects(pools, Map.of(), 5);
    }

    static Arbitrary<Json.Obj> properties(long asOf) {
        Map<String, List<Json>> pools = new LinkedHashMap<>();
        pools.put("screen", strings("home", "appointments", "Home"));
        pools.put("specialty", strings("cardiology", "oncology", "primary_care"));
        pools.put("score", numbers(0, 3, 9, 10, 9.5));
        pools.put("steps", numbers(0, 1, 5000, 0.1, 0.2, 1e16, -1e16, 12000));
        pools.put("days_supply", numbers(30, 90, 1, 2, 3, 7, 0.5, 2.5, 0));
        pools.put("channel", strings("app", "mail", "retail"));
        pools.put("meta", List.of(obj("source", Json.str("ehr")), obj("source", Json.str("app"))));
        pools.put("since", dates(asOf));
        pools.put("context", List.of(obj("os", obj("name", Json.str("iOS"))), obj("os", obj("name", Json.str("web")))));
        // numeric properties more often, so that aggregates have something to add up
        return objects(pools, Map.of("score", 3, "steps", 3, "days_supply", 3), 4);
    }

    /**
     * Objects of up to {@code maxKeys} keys, each key as likely as its weight (1 unless given); a
     * key's value is one of its own pool 82% of the time, a value of some other type 10%, and JSON
     * null (a removal) 8%.
     */
    private static Arbitrary<Json.Obj> objects(Map<String, List<Json>> pools, Map<String, Integer> keyWeights, int maxKeys) {
        List<Tuple.Tuple2<Integer, Map.Entry<String, Json>>> weighted = new ArrayList<>();
        for (Map.Entry<String, List<Json>> e : pools.entrySet()) {
            String key = e.getKey();
            int perKey = 100_000 * keyWeights.getOrDefault(key, 1);
            for (Json v : e.getValue()) weighted.add(Tuple.of(Math.max(1, perKey * 82 / 100 / e.getValue().size()), Map.entry(key, v)));
            for (Json v : Vocabulary.ODD_VALUES) weighted.add(Tuple.of(perKey * 10 / 100 / Vocabulary.ODD_VALUES.size(), Map.entry(key, v)));
            weighted.add(Tuple.of(perKey * 8 / 100, Map.entry(key, Json.NULL)));
        }
        return Arbitraries.frequency(weighted).list().ofMaxSize(maxKeys).map(PopulationArbitraries::toObject);
    }

    private static Json.Obj toObject(List<Map.Entry<String, Json>> entries) {
        Map<String, Json> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : entries) fields.put(e.getKey(), e.getValue());
        return new Json.Obj(fields);
    }

    private static List<Json> strings(String... values) {
        List<Json> out = new ArrayList<>();
        for (String v : values) out.add(Json.str(v));
        return out;
    }

    private static List<Json> numbers(double... values) {
        List<Json> out = new ArrayList<>();
        for (double v : values) out.add(Json.num(v));
        return out;
    }

    /** Addresses at the vocabulary's places, some with a broken coordinate or a null state. */
    static List<Json> addresses() {
        List<Json> out = new ArrayList<>();
        for (Vocabulary.Place p : Vocabulary.PLACES) {
            for (String state : List.of("CA", "OR", "TX", "")) {
                for (Json zip : List.of(Json.str("97201"), Json.str("90012"), Json.num(97201))) {
                    Map<String, Json> f = new LinkedHashMap<>();
                    f.put("state", Json.str(state));
                    f.put("zip", zip);
                    f.put("latitude", Json.num(p.latitude()));
                    f.put("longitude", Json.num(p.longitude()));
                    out.add(new Json.Obj(f));
                }
            }
            Map<String, Json> stringLatitude = new LinkedHashMap<>();
            stringLatitude.put("latitude", Json.str(Double.toString(p.latitude())));
            stringLatitude.put("longitude", Json.num(p.longitude()));
            out.add(new Json.Obj(stringLatitude));
            out.add(obj("latitude", Json.num(p.latitude())));
            Map<String, Json> nulls = new LinkedHashMap<>();
            nulls.put("state", Json.NULL);
            nulls.put("latitude", Json.num(p.latitude()));
            nulls.put("longitude", Json.NULL);
            out.add(new Json.Obj(nulls));
        }
        return out;
    }

    /**
     * Date strings around T's month and day some whole years back, in every accepted form (date,
     * date-time with Z or an offset, local date-time), a millisecond, an hour or a day either
     * side; leap days; and strings that are not dates.
     */
    static List<Json> dates(long asOf) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(asOf), ZoneOffset.UTC);
        List<Json> out = new ArrayList<>();
        for (int years : List.of(0, 1, 17, 18, 21, 30, 40, 45, 50, 64, 65, 66, 75, 76, 100, -1)) {
            for (int days : List.of(-1, 0, 1)) {
                for (long millis : List.of(-1L, 0L, 1L, 3_600_000L)) {
                    LocalDateTime b = t.minusYears(years).plusDays(days).plusNanos(millis * 1_000_000L);
                    out.add(Json.str(b.toLocalDate().toString()));
                    out.add(Json.str(b.atOffset(ZoneOffset.UTC).toString()));
                    out.add(Json.str(b.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(2)).toString()));
                    out.add(Json.str(b.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(-5)).toString()));
                    out.add(Json.str(b.toString()));
                }
            }
        }
        List<Json> fixed = List.of(
                Json.str("2000-02-29"), Json.str("1964-02-29T00:00:00Z"), Json.str("1961-11-01"), Json.str("1990-02-30"),
                Json.str("1990-1-1"), Json.str("yesterday"), Json.str("2000-02-29T23:30:00-01:00"), Json.num(19900101));
        // about one draw in five from the fixed oddities
        for (int i = 0; i < out.size() / fixed.size() / 4; i++) out.addAll(fixed);
        return out;
    }

    /** About 60% of messages carry no context, 2% an empty one, the rest some of os, app, device. */
    static Arbitrary<Json.Obj> contexts() {
        List<Json> oses = new ArrayList<>();
        oses.add(null);
        for (Json name : List.of(Json.str("iOS"), Json.str("Android"), Json.str("web"), Json.num(1))) {
            for (String version : List.of("17.1", "14")) oses.add(obj("name", name, "version", Json.str(version)));
        }
        oses.add(Json.str("iOS"));
        List<Json.Obj> pool = new ArrayList<>();
        for (Json os : oses) {
            for (String app : new String[] {null, "4.2.0", "4.10.0"}) {
                for (String device : new String[] {null, "mobile", "desktop"}) {
                    Map<String, Json> f = new LinkedHashMap<>();
                    if (os != null) f.put("os", os);
                    if (app != null) f.put("app", obj("version", Json.str(app)));
                    if (device != null) f.put("device", obj("type", Json.str(device)));
                    pool.add(new Json.Obj(f));
                }
            }
        }
        for (int i = 0; i < 4; i++) pool.add(Json.Obj.EMPTY);
        return Arbitraries.of(pool).injectNull(0.6);
    }

    private static Json.Obj obj(String key, Json value) {
        return new Json.Obj(Map.of(key, value));
    }

    private static Json.Obj obj(String k1, Json v1, String k2, Json v2) {
        Map<String, Json> f = new LinkedHashMap<>();
        f.put(k1, v1);
        f.put(k2, v2);
        return new Json.Obj(f);
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
