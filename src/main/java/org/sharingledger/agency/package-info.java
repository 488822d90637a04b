/**
 * The registry of signatory agencies: who signed the Code of Practice and when, who their nominated representative
 * is, and who withdrew. Kept as an event-sourced aggregate per agency.
 */
package org.sharingledger.agency;
