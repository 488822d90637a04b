/**
 * The grants of timeline access: who may see which child's or case's timeline, for which review, until when, and
 * whether the grant was revoked. Kept in the same transaction as the grant events.
 */
package org.sharingledger.projections.grants;
