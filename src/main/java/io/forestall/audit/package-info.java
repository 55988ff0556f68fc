/** The audit log: who changed what configuration, when, from what to what. */
package io.forestall.audit;
