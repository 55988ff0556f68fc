/**
 * The demo seed: two tenants (acme, globex) and their customers, written at startup when {@code
 * FORESTALL_DEMO=true}. The only place demo data lives; it goes through the features' services like
 * any other client and is idempotent.
 */
package io.forestall.demo;
