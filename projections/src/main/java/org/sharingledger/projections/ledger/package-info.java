/**
 * The Trust's page on the ledger's evidence: the latest signed checkpoint to publish, and verification on demand.
 */
package org.sharingledger.projections.ledger;
