package org.sharingledger.request.api;

/** Whether everything asked for was shared, or only part of it. */
public enum Scope {
    FULL,
    PARTIAL
}
