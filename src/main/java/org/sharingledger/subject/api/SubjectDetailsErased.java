package org.sharingledger.subject.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A child's personal details were erased: their key was destroyed, so every sealed copy of them, in events or
 * anywhere else, can no longer be opened. Who erased them is in the event's metadata (an administrator, or
 * {@code system} when the retention period ended).
 */
@Revision("1")
public record SubjectDetailsErased(String pseudonym, String legalBasis, String reason, Instant erasedAt) {}
