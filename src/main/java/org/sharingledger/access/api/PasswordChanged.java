package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An account's password changed (neither the password nor its hash is recorded).
 *
 * @param reset true when someone else set it (an administrator, or the operator from the command line): the user
 *     must choose their own at their next sign-in
 */
@Revision("1")
public record PasswordChanged(String username, String changedBy, boolean reset, Instant recordedAt) {}
