package dev.strata.server.live;

import dev.strata.ingest.InvalidMessageException;
import dev.strata.ingest.MessageParser;
import dev.strata.model.Message;
import dev.strata.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored messages back into the engine's model. Everything stored was validated on the way
 * in, so a message that no longer parses means the parser changed under stored data: it is
 * reported, not silently dropped.
 */
public final class StoredMessages {
    private StoredMessages() {
    }

    /** The message, or null for a call the engine ignores (page, alias, ...). */
    public static Message parse(StoredMessage stored) {
        try {
            return MessageParser.parse(stored.json(), stored.timestamp());
        } catch (MessageParser.IgnoredTypeException e) {
            return null;
        } catch (InvalidMessageException e) {
            throw new IllegalStateException("stored message seq " + stored.seq() + " of user '" + stored.userKey()
                    + "' no longer parses: " + e.getMessage(), e);
        }
    }

    /** The evaluated messages among {@code stored}, in the same order. */
    public static List<Message> parseAll(List<StoredMessage> stored) {
        List<Message> out = new ArrayList<>(stored.size());
        for (StoredMessage s : stored) {
            Message m = parse(s);
            if (m != null) out.add(m);
        }
        return out;
    }
}
