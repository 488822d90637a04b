/**
 * The access feature on the command line: an operator who has lost every administrator's password resets one
 * (java -jar sharing-ledger.jar reset-admin-password USERNAME), recorded as an event like any other change.
 */
package org.sharingledger.access.cli;
