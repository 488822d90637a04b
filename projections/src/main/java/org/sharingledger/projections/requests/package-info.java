/**
 * The request view behind GET /api/requests/{id} and the request lists: current state, decision, escalation and
 * full history. Kept in the same transaction as the events, so a GET after a 2xx POST reflects it.
 */
package org.sharingledger.projections.requests;
