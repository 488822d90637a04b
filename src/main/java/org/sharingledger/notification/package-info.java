/**
 * Tells agencies by e-mail of the steps that concern them, once each, and records every notification sent as a
 * ledger event. Mails carry codes in words and a link, never the child or any free text of a request.
 */
package org.sharingledger.notification;
