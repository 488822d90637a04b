package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An account was ended: from now on this person could not sign in or act, by any way in. */
@Revision("1")
public record UserDisabled(String username, String reason, String disabledBy, Instant recordedAt) {}
