/**
 * Outbound webhooks: a tenant's subscriptions to integration events, the deliveries queued for them
 * in the transaction that fired the event (a transactional outbox), sent signed per Standard
 * Webhooks, retried for about three days, logged attempt by attempt and replayable. Other features
 * reach it only by firing {@link io.forestall.kernel.IntegrationEvent}.
 */
package io.forestall.webhooks;
