package dev.strata.reference;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's data rules, applied the slow and literal way: one pass for deduplication and the
 * instant, then each profile rebuilt from its own kept messages.
 */
final class ReferenceProfiles {
    private ReferenceProfiles() {
    }

    /**
     * For each message in read order, whether it is kept. Deduplication comes first and sees every
     * message, so a first copy stamped after T still hides a later copy stamped before T. A message
     * without a messageId is never a duplicate.
     */
    static List<Boolean> kept(List<Message> messages, long asOf) {
        Set<String> seenIds = new HashSet<>();
        List<Boolean> kept = new ArrayList<>(messages.size());
        for (Message m : messages) {
            boolean duplicate = m.messageId() != null && !seenIds.add(m.messageId());
            kept.add(!duplicate && m.timestamp() <= asOf);
        }
        return kept;
    }

    /** Every known profile, in order of the user's first kept message. */
    static Map<String, ReferenceProfile> profiles(List<Message> messages, long asOf) {
        List<Boolean> kept = kept(messages, asOf);
        Set<String> users = new LinkedHashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            if (kept.get(i)) users.add(messages.get(i).userId());
        }
        Map<String, ReferenceProfile> out = new LinkedHashMap<>();
        for (String user : users) {
            List<Message> own = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (kept.get(i) && messages.get(i).userId().equals(user)) own.add(messages.get(i));
            }
            out.put(user, profile(user, own));
        }
        return out;
    }

    /** {@code own}: the user's kept messages in read order. */
    private static ReferenceProfile profile(String user, List<Message> own) {
        // A stable sort by timestamp puts ties in read order, so "apply in this order, later
        // overwrites" is exactly "latest wins, ties to the later read".
        List<Message> byTime = new ArrayList<>(own);
        byTime.sort(Comparator.comparingLong(Message::timestamp));

        Map<String, Json> traits = new LinkedHashMap<>();
        Json.Obj context = null;
        for (Message m : byTime) {
            if (m.type() == MessageType.IDENTIFY) {
                for (Map.Entry<String, Json> e : m.traits().fields().entrySet()) {
                    if (e.getValue() instanceof Json.Null) traits.remove(e.getKey());
                    else traits.put(e.getKey(), e.getValue());
                }
            }
            if (m.context() != null) context = m.context();
        }

        List<Message> events = new ArrayList<>();
        for (Message m : own) {
            if (m.type() == MessageType.TRACK) events.add(m);
        }
        return new ReferenceProfile(user, new Json.Obj(traits), context, events);
    }
}
