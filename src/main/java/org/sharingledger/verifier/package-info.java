/**
 * The independent verifier a review panel runs: checks an exported timeline against a published checkpoint and the
 * ledger's verifier key. Depends on java.* alone (ArchitectureTest); built into its own small jar as well.
 */
package org.sharingledger.verifier;
