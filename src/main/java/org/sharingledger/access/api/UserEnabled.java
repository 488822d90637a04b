package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A disabled account was enabled again: from now on this person could act again, with the roles it holds. */
@Revision("1")
public record UserEnabled(String username, String reason, String enabledBy, Instant recordedAt) {}
