/**
 * The child or young person a request is about, known to the ledger only by a keyed pseudonym: the same NHS number
 * always gives the same pseudonym, and the key is never in the database.
 */
package org.sharingledger.subject;
