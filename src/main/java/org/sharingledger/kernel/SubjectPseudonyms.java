package org.sharingledger.kernel;

/**
 * Turns a child's identifier into the pseudonym that events hold: HMAC-SHA-256 under the ledger's subject key, as 64
 * hex characters. The same NHS number always gives the same pseudonym; a local reference is scoped to its agency.
 */
public interface SubjectPseudonyms {

    String of(NhsNumber nhsNumber);

    String ofLocalReference(String agencyId, String localReference);
}
