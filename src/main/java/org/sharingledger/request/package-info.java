/**
 * The sharing request: one aggregate per request, from the request through share, refusal, escalation and
 * resolution, withdrawal or overdue. Who may take each step follows the actor's roles and agency.
 */
package org.sharingledger.request;
