package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that an account's password changed; the password itself stays in the credentials table.
 *
 * @param reset true when someone else (an administrator, the operator) set it: the user must change it
 */
public record ChangePassword(
        @TargetAggregateIdentifier String username, String changedBy, boolean reset, Instant recordedAt) {}
