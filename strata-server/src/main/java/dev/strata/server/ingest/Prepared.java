package dev.strata.server.ingest;

import dev.strata.model.Message;
import dev.strata.store.MessageLog;

/**
 * A message ready to store.
 *
 * @param message what the engine applies once stored; null for a call it does not evaluate (page, alias, ...)
 */
record Prepared(int index, MessageLog.Pending pending, Message message) {
}
