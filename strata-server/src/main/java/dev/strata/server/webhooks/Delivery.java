package dev.strata.server.webhooks;

import dev.strata.store.WebhookRepository.Webhook;

/**
 * One body to deliver to one webhook, signed once: retries send the same bytes and signature.
 *
 * @param changes how many membership changes the body carries
 */
record Delivery(String id, Webhook webhook, byte[] body, String signature, int changes) {
}
