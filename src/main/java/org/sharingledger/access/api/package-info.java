/**
 * What the rest of the ledger may know of access: roles, the acting person, and the events that record accounts,
 * tokens and denied attempts.
 */
package org.sharingledger.access.api;
