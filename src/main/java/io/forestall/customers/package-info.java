/**
 * Customers: the tenant's own customers, with contact details, locale, time zone, free-form
 * attributes and consent per channel. Everything downstream (events, triggers, outreach) refers to
 * them.
 */
package io.forestall.customers;
