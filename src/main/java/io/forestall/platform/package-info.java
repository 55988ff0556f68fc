/**
 * Infrastructure every feature stands on: turning the OIDC principal into a caller and tenant, the
 * split between the admin and the public origin, the egress guard for calls to tenants' addresses,
 * persistence and migrations, the Quartz scheduler, REST and Faces plumbing with its rate limits,
 * health. Depends on no feature.
 */
package io.forestall.platform;
