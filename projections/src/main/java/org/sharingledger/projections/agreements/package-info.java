/**
 * Information Sharing Protocols as read: their parties and signatures, status and history, the JSON API's lists and
 * the pages; and the {@code AgreementDirectory} the write side asks. Kept in the same transaction as their events.
 */
package org.sharingledger.projections.agreements;
