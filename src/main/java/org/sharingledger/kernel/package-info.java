/**
 * The shared kernel: what every feature needs about the acting person (the actor, roles, denied attempts) and about
 * the child (NHS numbers, pseudonyms, blind digests). It depends on nothing of ours; the features implement it.
 */
package org.sharingledger.kernel;
