package org.sharingledger.request.api;

/** How an escalation ended. */
public enum Outcome {
    SHARED,
    REFUSAL_UPHELD
}
