/**
 * The ledger application. Write side by feature (agency, access, request, subject) with the shared platform;
 * the read side lives in {@code projections/} under {@code org.sharingledger.projections}.
 */
package org.sharingledger;
