/**
 * The evidence feature on the command line: verify the whole ledger, or an exported timeline offline, without
 * starting the application (java -jar sharing-ledger.jar verify | verify-export).
 */
package org.sharingledger.evidence.cli;
