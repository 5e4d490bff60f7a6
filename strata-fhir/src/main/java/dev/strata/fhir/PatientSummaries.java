package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traits that need several resources of one patient at once: the count of distinct active
 * chronic conditions ({@code chronic_conditions}), the channel consents ({@code consent}) and the
 * latest answer per questionnaire item ({@code survey}). A top-level trait is replaced whole by
 * every identify, so one resource cannot set {@code consent.sms} without erasing
 * {@code consent.email}: the mappers record facts here, and at the end of an import each
 * patient's facts are folded in time order into identifies carrying the whole object as it stood
 * at each moment. Message ids hash the patient, trait, time and value, so a re-import of the same
 * resources stores nothing new. Not thread-safe: one per file, merged in file order.
 */
final class PatientSummaries {
    static final String CHRONIC = "chronic_conditions";
    static final String CONSENT = "consent";
    static final String SURVEY = "survey";

    /** One dated fact: under {@code trait}, the value at {@code path} (one or two keys) became {@code value}. */
    private record Fact(long time, String trait, List<String> path, Json value) {
    }

    private final Map<String, List<Fact>> byPatient = new LinkedHashMap<>();

    /** A chronic condition {@code name} active from {@code onset} until {@code end} (exclusive; null while it lasts). */
    void condition(String patient, String name, long onset, Long end) {
        add(patient, new Fact(onset, CHRONIC, List.of(name), Json.TRUE));
        if (end != null) add(patient, new Fact(Math.max(end, onset), CHRONIC, List.of(name), Json.FALSE));
    }

    /** From {@code time} on, consent for {@code channel} is {@code value}: true, false, or null (no longer known). */
    void consent(String patient, String channel, long time, Json value) {
        add(patient, new Fact(time, CONSENT, List.of(channel), value));
    }

    /** An answer to item {@code linkId} of questionnaire {@code survey} given at {@code time}. */
    void answer(String patient, String survey, String linkId, long time, Json value) {
        add(patient, new Fact(time, SURVEY, List.of(survey, linkId), value));
    }

    private void add(String patient, Fact fact) {
        byPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(fact);
    }

    /** Appends another file's facts after this one's: later files win ties, as later reads do. */
    void merge(PatientSummaries other) {
        other.byPatient.forEach((patient, facts) -> byPatient.computeIfAbsent(patient, k -> new ArrayList<>()).addAll(facts));
    }

    boolean isEmpty() {
        return byPatient.isEmpty();
    }

    /** The summary identifies, patient by patient (in first-seen order), each trait's in time order. */
    List<Message> messages() {
        List<Message> out = new ArrayList<>();
        byPatient.forEach((patient, facts) -> {
            for (String trait : List.of(CHRONIC, CONSENT, SURVEY)) {
                List<Fact> mine = new ArrayList<>();
                for (Fact f : facts) if (f.trait().equals(trait)) mine.add(f);
                if (mine.isEmpty()) continue;
                mine.sort(Comparator.comparingLong(Fact::time)); // stable: ties keep read order
                if (trait.equals(CHRONIC)) chronic(patient, mine, out);
                else nested(patient, trait, mine, out);
            }
        });
        return out;
    }

    /** The count of conditions active at each moment it changes; one condition recorded twice counts once. */
    private static void chronic(String patient, List<Fact> facts, List<Message> out) {
        Map<String, Integer> open = new TreeMap<>();
        Integer last = null;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            open.merge(f.path().get(0), f.value() == Json.TRUE ? 1 : -1, Integer::sum);
            if (i + 1 < facts.size() && facts.get(i + 1).time() == f.time()) continue;
            int count = 0;
            for (int n : open.values()) if (n > 0) count++;
            if (last == null || last != count) {
                out.add(identify(patient, CHRONIC, f.time(), new Json.Num(count)));
                last = count;
            }
        }
    }

    /** The whole object ({@code consent} or {@code survey}) after the facts of each moment, when it changed. */
    private static void nested(String patient, String trait, List<Fact> facts, List<Message> out) {
        Map<String, Object> state = new TreeMap<>();
        Json last = null;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            set(state, f.path(), f.value());
            if (i + 1 < facts.size() && facts.get(i + 1).time() == f.time()) continue;
            Json value = state.isEmpty() ? Json.NULL : toJson(state);
            if (last == null ? value != Json.NULL : !value.equals(last)) {
                out.add(identify(patient, trait, f.time(), value));
                last = value;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> state, List<String> path, Json value) {
        if (path.size() == 1) {
            if (value == Json.NULL) state.remove(path.get(0));
            else state.put(path.get(0), value);
            return;
        }
        Map<String, Object> inner = (Map<String, Object>) state.computeIfAbsent(path.get(0), k -> new TreeMap<String, Object>());
        set(inner, path.subList(1, path.size()), value);
        if (inner.isEmpty()) state.remove(path.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Json toJson(Map<String, Object> state) {
        Json.Obj.Builder b = new Json.Obj.Builder();
        state.forEach((k, v) -> b.put(k, v instanceof Map<?, ?> m ? toJson((Map<String, Object>) m) : (Json) v));
        return b.build();
    }

    private static Message identify(String patient, String trait, long time, Json value) {
        Json.Obj traits = new Json.Obj.Builder().put(trait, value).build();
        StringBuilder text = new StringBuilder();
        MessageJson.value(text, traits);
        String id = "fhir-Patient-" + patient + "-" + trait + "-" + time + "-" + hash(text.toString());
        return Message.identify(patient, id, time, traits, null);
    }

    /** 12 hex digits of SHA-256: tells apart two summaries of one patient, trait and time. */
    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
