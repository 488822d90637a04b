/**
 * Serious case review timelines: every step of every request about one child (or one case) across all agencies, in
 * order, as known at any moment, with the ledger's own position and identity for each step; and its exports.
 */
package org.sharingledger.projections.timeline;
