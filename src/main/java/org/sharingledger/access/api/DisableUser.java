package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End an account: from now on it is refused everywhere, its sessions and tokens included. */
public record DisableUser(
        @TargetAggregateIdentifier String username, String reason, String disabledBy, Instant recordedAt) {}
