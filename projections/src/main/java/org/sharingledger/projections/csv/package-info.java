/**
 * CSV (RFC 4180) for the read side's exports: one writer, so that every export quotes the same way and defuses text a
 * spreadsheet would otherwise run as a formula.
 */
package org.sharingledger.projections.csv;
