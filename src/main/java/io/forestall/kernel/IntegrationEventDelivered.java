package io.forestall.kernel;

/**
 * Fired after a tenant's system answered an outbound webhook with a 2xx status, in the transaction
 * that records the delivery; a PRE_EMPT case waiting for its remedy may take this as confirmation.
 */
public record IntegrationEventDelivered(long tenantId, String type, String subject, int status) {}
