/**
 * The timeline's commands and events: a grant of access, its revocation. Grants name the child only by pseudonym.
 */
package org.sharingledger.timeline.api;
