/**
 * A read model's changes gathered per batch of events and written at the batch's commit, in the processor's
 * transaction: the one way the dashboards and the timelines tell a batch's events from a handler called directly.
 */
package org.sharingledger.projections.batches;
