/**
 * What the notifications processor asks of the read side (agencies' addresses, a request's urgency and due time) and
 * each agency's recent notifications ({@code notification_view}, {@code GET /api/agencies/{agencyId}/notifications}).
 */
package org.sharingledger.projections.notifications;
