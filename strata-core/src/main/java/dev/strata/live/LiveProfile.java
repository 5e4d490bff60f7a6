package dev.strata.live;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One profile held in full, as the data rules fold it: per trait key the value of the latest
 * identify (ties to the later arrival; a null removes the key), the context of the latest message
 * that carried one, and every event by name in time order. Mutable; owned by the live engine.
 */
final class LiveProfile {
    private final String userKey;
    private final Map<String, Json> traits = new LinkedHashMap<>();
    private final Map<String, Long> traitTimes = new HashMap<>();
    private Json.Obj context;
    private long contextTime = Long.MIN_VALUE;
    private final Map<String, EventSeries> events = new HashMap<>();
    /** messageIds applied since the profile went live: a second apply of one is ignored. */
    private final Set<String> messageIds = new HashSet<>();
    private Json.Obj traitsView;

    LiveProfile(String userKey) {
        this.userKey = userKey;
    }

    String userKey() {
        return userKey;
    }

    /** Folds one message in; false when a message with the same messageId was applied before. */
    boolean apply(Message m) {
        if (m.messageId() != null && !messageIds.add(m.messageId())) return false;
        long t = m.timestamp();
        if (m.context() != null && t >= contextTime) {
            contextTime = t;
            context = m.context();
        }
        if (m.type() == MessageType.IDENTIFY) {
            for (Map.Entry<String, Json> e : m.traits().fields().entrySet()) {
                Long held = traitTimes.get(e.getKey());
                if (held != null && t < held) continue;
                traitTimes.put(e.getKey(), t);
                if (e.getValue() instanceof Json.Null) traits.remove(e.getKey());
                else traits.put(e.getKey(), e.getValue());
                traitsView = null;
            }
        } else {
            events.computeIfAbsent(m.event(), k -> new EventSeries()).add(t, m.properties());
        }
        return true;
    }

    /** A trait as the snapshot holds it, with the timestamp it was set at ({@link Json#NULL}: removed then). */
    void seedTrait(String key, Json value, long time) {
        traitTimes.put(key, time);
        if (!(value instanceof Json.Null)) traits.put(key, value);
        traitsView = null;
    }

    void seedContext(Json.Obj ctx, long time) {
        context = ctx;
        contextTime = time;
    }

    /** Events must be seeded in time order, ties in arrival order. */
    void seedEvent(String name, long time, Json.Obj properties) {
        events.computeIfAbsent(name, k -> new EventSeries()).add(time, properties);
    }

    Json.Obj traits() {
        Json.Obj v = traitsView;
        if (v == null) {
            v = new Json.Obj(traits);
            traitsView = v;
        }
        return v;
    }

    /** The context of the latest message that carried one, or null. */
    Json.Obj context() {
        return context;
    }

    /** The user's events of that name, or null when there are none. */
    EventSeries events(String name) {
        return events.get(name);
    }

    Map<String, Long> eventCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        events.forEach((name, series) -> counts.put(name, (long) series.size()));
        return counts;
    }
}
