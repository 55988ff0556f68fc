package io.forestall.events;

import io.forestall.kernel.TenantKey;
import java.util.Set;

/**
 * Fired in the ingest transaction when events were accepted; observers that act after the commit
 * (prompt scans) learn which tenant got which event types.
 */
public record EventsArrived(TenantKey tenant, Set<String> types) {}
