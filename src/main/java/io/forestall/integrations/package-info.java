/**
 * Integrations: the credentials a tenant's systems use to reach Forestall — API keys (hashed,
 * scoped, revocable) and the signing secrets of inbound webhooks (encrypted, several active for
 * rotation). Other features verify them through this package's services and the kernel's
 * MachineCredentials.
 */
package io.forestall.integrations;
