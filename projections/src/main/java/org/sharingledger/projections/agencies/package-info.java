/**
 * The register of signatory agencies as read by everyone, and the directory the write side asks whether an agency
 * is signed. Kept in the same transaction as the registry's events.
 */
package org.sharingledger.projections.agencies;
