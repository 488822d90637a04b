package org.sharingledger.access.api;

import org.sharingledger.kernel.Role;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a user account; its password is kept apart, in the credentials table. */
public record RegisterUser(@TargetAggregateIdentifier String username, String displayName, String agencyId,
                           List<Role> roles, Instant recordedAt) {
}
