/**
 * Offers: the tenant's catalogue of upsell and cross-sell offers, who is eligible by their
 * attributes, and each offer's funnel from shown to clicked to accepted with its revenue.
 */
package io.forestall.offers;
