package org.sharingledger.access.api;

import org.sharingledger.kernel.Role;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordAccessDenied(@TargetAggregateIdentifier String username, String agencyId, List<Role> roles,
                                 String method, String path, String reason, Instant recordedAt) {
}
