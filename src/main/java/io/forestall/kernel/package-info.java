/**
 * The few types every feature shares: the tenant and caller of the current unit of work, roles, the
 * tenant-owned entity base and the errors the adapters translate. Depends on nothing in Forestall.
 */
package io.forestall.kernel;
