package dev.strata.live;

import dev.strata.json.Json;
import java.util.Map;

/**
 * A profile as the engine sees it now.
 *
 * @param traits      folded traits (every key's latest value)
 * @param context     context of the latest message that carried one, or null
 * @param eventCounts per event name, the number of events kept
 */
public record ProfileView(String userKey, Json.Obj traits, Json.Obj context, Map<String, Long> eventCounts) {
}
