/**
 * The demo seed: three tenants (acme, globex, brightwheel) with customers, event histories, message
 * templates and playbooks that fire on them, written at startup when {@code FORESTALL_DEMO=true}.
 * The only place demo data lives; it goes through the features' services like any other client and
 * is idempotent.
 */
package io.forestall.demo;
