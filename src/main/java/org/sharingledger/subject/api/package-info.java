/**
 * The child's personal details: sealed under a key of the child's own, opened for those allowed to see them, erased
 * by destroying that key (NHS numbers and pseudonyms are in the shared kernel).
 */
package org.sharingledger.subject.api;
