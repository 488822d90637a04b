package org.sharingledger.timeline.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A grant was revoked before its time: its reviewer can no longer query under it. */
@Revision("1")
public record TimelineAccessRevoked(String grantId, String reviewer, String reason, Instant recordedAt) {}
