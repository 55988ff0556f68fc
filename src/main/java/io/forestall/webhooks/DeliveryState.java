package io.forestall.webhooks;

/** Where a delivery stands: waiting for its next attempt, being sent, answered 2xx, or given up. */
public enum DeliveryState {
  PENDING,
  SENDING,
  DELIVERED,
  FAILED
}
