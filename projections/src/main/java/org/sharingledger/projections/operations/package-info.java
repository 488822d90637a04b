/**
 * Running the read models: their status and lag, rebuilding one by replay while the ledger runs, health that goes
 * down when a read model halts on an event, and the metrics that show it.
 */
package org.sharingledger.projections.operations;
