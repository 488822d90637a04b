/**
 * What the rest of the ledger may know of access: looking up an account, and the events that record accounts,
 * tokens and denied attempts (the acting person and roles are in the shared kernel).
 */
package org.sharingledger.access.api;
