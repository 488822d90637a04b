/**
 * The registry of signatory agencies: who signed the Code of Practice and when, who their nominated representative
 * is, who withdrew and who signed again, and which version of the Code each is on. Kept as an event-sourced aggregate
 * per agency.
 */
package org.sharingledger.agency;
