package org.sharingledger.request.api;

/** How quickly a decision is needed; each urgency has a configurable allowance that sets the due time. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    ROUTINE
}
