/**
 * Events: what tenants tell Forestall about their customers (bills, usage, logins, tickets,
 * flights...), taken in through the API and signed webhooks, idempotent by the sender's event id,
 * and read back by the timeline, the explorer and the scans that come after.
 */
package io.forestall.events;
