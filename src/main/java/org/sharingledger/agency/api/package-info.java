/**
 * The registry's commands, events and values, and the directory other features use to ask whether an agency is
 * signed.
 */
package org.sharingledger.agency.api;
