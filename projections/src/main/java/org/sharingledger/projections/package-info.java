/**
 * The read side: one package per read model, each fed by Axon event processors from the ledger's events, never
 * touching aggregates or command handlers.
 */
package org.sharingledger.projections;
