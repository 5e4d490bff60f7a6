package dev.strata.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered webhooks and the deliveries that failed for good (the dead-letter list). */
public interface WebhookRepository {

    /** @param segmentId the segment whose changes are sent, or null for every segment */
    record Webhook(String id, String url, String secret, String segmentId, Instant createdAt) {
    }

    record DeadLetter(long id, String webhookId, String body, int attempts, String lastError, Instant failedAt) {
    }

    Webhook insert(Webhook webhook);

    Optional<Webhook> get(String id);

    List<Webhook> list();

    boolean delete(String id);

    /** Stores the letter; its id is assigned here (the argument's is ignored). */
    void addDeadLetter(DeadLetter letter);

    /** Newest first. */
    List<DeadLetter> deadLetters(int limit);
}
