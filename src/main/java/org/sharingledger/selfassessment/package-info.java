/**
 * Self-assessment rounds (the Laming review's position statements): one aggregate per round, circulated to every
 * signed agency, returned by their nominated representatives, with the outstanding ones recorded overdue at dueBy.
 */
package org.sharingledger.selfassessment;
