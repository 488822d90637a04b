/**
 * Serious case review timelines: grants that let a case reviewer see one child's (or one case's) history across
 * every agency for a stated review and period, their revocation, and (later) the queries made under them.
 */
package org.sharingledger.timeline;
