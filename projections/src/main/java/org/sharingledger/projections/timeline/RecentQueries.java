package org.sharingledger.projections.timeline;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.util.WebUtils;

/**
 * A reviewer's recent timeline queries, kept in their session (in memory, gone at sign-out) under random keys, so that
 * the page's downloads can name a query without putting a child's identifier in a hidden field or an address.
 */
final class RecentQueries {

    /** How many recent queries a session keeps for their downloads. */
    static final int KEPT = 20;

    private static final String ATTRIBUTE = RecentQueries.class.getName();

    private RecentQueries() {}

    /** Keeps what was asked and answers the random key that names it. */
    static String keep(HttpSession session, TimelineForm.Asked asked) {
        String key = UUID.randomUUID().toString();
        synchronized (WebUtils.getSessionMutex(session)) {
            Kept recent = session.getAttribute(ATTRIBUTE) instanceof Kept kept ? kept : new Kept();
            recent.put(key, asked);
            session.setAttribute(ATTRIBUTE, recent);
        }
        return key;
    }

    /** What was asked under that key, unless the session no longer holds it. */
    static Optional<TimelineForm.Asked> find(HttpSession session, String key) {
        if (key == null) {
            return Optional.empty();
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            return session.getAttribute(ATTRIBUTE) instanceof Kept recent
                    ? Optional.ofNullable(recent.get(key))
                    : Optional.empty();
        }
    }

    /** The last {@link #KEPT} queries of a session, by their random key. */
    private static final class Kept extends LinkedHashMap<String, TimelineForm.Asked> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TimelineForm.Asked> eldest) {
            return size() > KEPT;
        }
    }
}
