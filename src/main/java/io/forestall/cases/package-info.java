/**
 * Cases: one per detection, holding the evidence that made its playbook fire, tracked until the
 * loop is closed; agent tasks that cases create; the problem board of root causes.
 */
package io.forestall.cases;
