/**
 * Self-assessment rounds as read: who each was circulated to, who has returned and who is overdue, every return,
 * the JSON API and the pages. Kept in the same transaction as their events.
 */
package org.sharingledger.projections.selfassessments;
