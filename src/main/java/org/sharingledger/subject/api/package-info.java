/**
 * NHS number validation and the pseudonyms that stand for a child in every event.
 */
package org.sharingledger.subject.api;
