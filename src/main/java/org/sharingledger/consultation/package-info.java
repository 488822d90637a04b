/**
 * Governing the Code of Practice: consultations on a new version, circulated to every signatory, where silence by the
 * closing date counts as agreement, and the adoption of the version that follows.
 */
package org.sharingledger.consultation;
