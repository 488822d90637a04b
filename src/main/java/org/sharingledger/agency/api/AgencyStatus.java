package org.sharingledger.agency.api;

/** A signatory stays SIGNED until it withdraws; its history stays after that. */
public enum AgencyStatus {
    SIGNED,
    WITHDRAWN
}
