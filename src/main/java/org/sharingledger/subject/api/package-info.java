/**
 * NHS number validation, the pseudonyms that stand for a child in every event, and the child's personal details:
 * sealed under a key of the child's own, opened for those allowed to see them, erased by destroying that key.
 */
package org.sharingledger.subject.api;
