package org.sharingledger.request.api;

/**
 * Consent to share and, unless it was given, why the request goes ahead without it.
 *
 * @param status whether consent was given
 * @param detail required unless the status is GIVEN
 */
public record Consent(ConsentStatus status, String detail) {}
