/**
 * The desk: the screens and endpoints that show one case or one customer across features (the case
 * with its messages and tasks, the customer with recent events and cases). An adapter layer above
 * the features, reading through their services; no feature uses it.
 */
package io.forestall.desk;
