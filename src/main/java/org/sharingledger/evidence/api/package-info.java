/**
 * What the rest of the ledger may ask of the evidence feature: inclusion proofs to a signed checkpoint for the events
 * an export shows, and the ledger's seal on an export.
 */
package org.sharingledger.evidence.api;
