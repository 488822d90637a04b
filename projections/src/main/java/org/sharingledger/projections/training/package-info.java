/**
 * Training as read: every attendance, the summary of who was trained when, and the {@code Accreditations} the write
 * side asks before a decision. Kept in the same transaction as the events.
 */
package org.sharingledger.projections.training;
