package dev.strata.server.live;

import dev.strata.live.MembershipChange;
import java.util.List;

/** Something told of membership changes after they are recorded: the SSE streams, the webhooks. */
public interface ChangeListener {
    /** Called on the dispatcher's thread, in the order the engine produced the changes. */
    void onChanges(List<MembershipChange> changes);
}
