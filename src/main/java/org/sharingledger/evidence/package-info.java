/**
 * Evidence that the ledger has not been altered: hash chains, a Merkle tree over every event, signed checkpoints and
 * their verification.
 */
package org.sharingledger.evidence;
