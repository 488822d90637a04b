package org.sharingledger.request.api;

/** Whether the child or family consented to the sharing. */
public enum ConsentStatus {
    GIVEN,
    REFUSED,
    NOT_SOUGHT,
    NOT_REQUIRED
}
