/**
 * The cluster's key: a read-only key store that WildFly's JGroups stacks take their encryption key
 * from, derived from {@code FORESTALL_CLUSTER_KEY}. It runs in the server as its own module ({@code
 * io.forestall.cluster}, built from this package), not in the application.
 */
package io.forestall.platform.cluster;
