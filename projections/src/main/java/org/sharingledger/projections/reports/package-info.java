/**
 * The nominated representatives' yearly report, produced from the ledger: signatories, training, requests and
 * refusals, escalations, consultations, self-assessment and agreements, as JSON, CSV and PDF, at a signed checkpoint.
 */
package org.sharingledger.projections.reports;
