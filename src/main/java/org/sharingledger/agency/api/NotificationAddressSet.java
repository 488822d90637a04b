package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An agency named the address its notifications are mailed to (a shared inbox, say). Until it does, they go to its
 * nominated representative's own address.
 *
 * @param previous the address it replaces, null for the first
 */
@Revision("1")
public record NotificationAddressSet(String agencyId, String previous, String email, Instant recordedAt) {}
