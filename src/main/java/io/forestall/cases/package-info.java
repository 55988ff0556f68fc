/**
 * Cases: one per detection, holding the evidence that made its playbook fire, tracked around the
 * closed loop (resolved, reopened by a repeat contact, verified when the window passes quietly);
 * agent tasks that cases create; the tenant's contact types and cost per contact.
 */
package io.forestall.cases;
