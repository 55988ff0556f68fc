/**
 * Cases: one per detection, holding the evidence that made its playbook fire, tracked around the
 * closed loop (resolved, reopened by a repeat contact, verified when the window passes quietly);
 * the tenant's contact types and cost per contact. A case that needs an agent says so with {@link
 * io.forestall.cases.TaskWanted}.
 */
package io.forestall.cases;
