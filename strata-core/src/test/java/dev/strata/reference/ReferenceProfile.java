package dev.strata.reference;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;

/**
 * One known profile at the evaluation instant, recomputed from scratch.
 *
 * @param traits  the folded traits: every key's latest non-null value
 * @param context the context of the latest message that carried one, or null
 * @param events  the user's kept track messages, in read order
 */
record ReferenceProfile(String userId, Json.Obj traits, Json.Obj context, List<Message> events) {
}
