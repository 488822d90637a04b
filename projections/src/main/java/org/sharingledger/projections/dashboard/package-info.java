/**
 * The monitoring dashboards: each agency's own picture as holder and requester, and the Trust's review of refusal
 * patterns with a funnel plot. Fed by a streaming processor; rebuildable by replay.
 */
package org.sharingledger.projections.dashboard;
