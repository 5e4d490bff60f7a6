package dev.strata.live;

import dev.strata.model.Message;
import java.util.List;

/** Where the live engine reads one user's full history when it first needs it: the store. */
@FunctionalInterface
public interface History {
    /** Every stored message of the user, in the order they were accepted. */
    List<Message> messagesOf(String userKey);
}
