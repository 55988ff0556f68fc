/**
 * Outreach: what reaches the customer. Message templates per channel and language, the messages a
 * scan's new cases queue in a transactional outbox, the dispatcher that sends them through the
 * guardrails (consent, quiet hours, frequency cap) by email, SMS or webhook, remedies a tenant's
 * system performs first, and the action page on the public origin where the customer answers.
 */
package io.forestall.outreach;
