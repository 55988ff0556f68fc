/**
 * Infrastructure every feature stands on: turning the OIDC principal into a caller and tenant,
 * persistence and migrations, the Quartz scheduler, REST and Faces plumbing, health. Depends on no
 * feature.
 */
package io.forestall.platform;
