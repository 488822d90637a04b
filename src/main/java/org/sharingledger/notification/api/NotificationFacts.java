package org.sharingledger.notification.api;

import java.time.Instant;
import java.util.Optional;
import org.sharingledger.request.api.Urgency;

/** What a notification needs to know beyond its event; answered by the read side. */
public interface NotificationFacts {

    Optional<AgencyContact> agency(String agencyId);

    Optional<RequestTerms> request(String requestId);

    /**
     * An agency's name and where to reach it.
     *
     * @param notificationAddress the address it set, or null
     * @param representativeEmail its nominated representative's own address
     */
    record AgencyContact(String agencyId, String name, String notificationAddress, String representativeEmail) {

        /** The agency's notification address, or, while it has set none, its nominated representative's. */
        public String address() {
            return notificationAddress != null ? notificationAddress : representativeEmail;
        }
    }

    /** A request's urgency and due time. */
    record RequestTerms(String requestId, Urgency urgency, Instant dueBy) {}
}
