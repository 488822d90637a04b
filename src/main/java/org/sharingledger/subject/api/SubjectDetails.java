package org.sharingledger.subject.api;

import java.util.Optional;

/**
 * Seals a child's personal details under a key of that child's own, and opens them again. The key is random, kept
 * (wrapped under a key derived from the subject key, which the database never holds) in the table
 * {@code subject_key}, reused for every request about the same child (same pseudonym), and destroyed on erasure:
 * after that, whatever was sealed under it can no longer be opened by anyone, wherever a copy of it lies.
 */
public interface SubjectDetails {

    /**
     * Seals the details under the child's key, creating the key if the child has none (or had one erased), and
     * records that the key was used now. Runs in the caller's transaction.
     *
     * @return base64 of a 96-bit IV, the AES-256-GCM ciphertext and its 128-bit tag; the pseudonym is the associated
     *         data, so a sealed value opens only for the child it was sealed for
     */
    String seal(String pseudonym, PersonalDetails details);

    /**
     * Opens what {@link #seal} gave for that child.
     *
     * @return the details, or empty when they were erased: the key they were sealed under is gone
     */
    Optional<PersonalDetails> open(String pseudonym, String sealed);
}
