/**
 * The language of an Information Sharing Protocol (an agreement): its commands, events and status, the service the
 * API and the pages call, and the directory other features ask whether an agreement may be cited.
 */
package org.sharingledger.agreement.api;
