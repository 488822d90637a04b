/**
 * The child or young person a request is about, known to the ledger only by a keyed pseudonym; their personal details
 * only sealed under a key of their own, which erasure (by an administrator, or at the end of retention) destroys.
 */
package org.sharingledger.subject;
