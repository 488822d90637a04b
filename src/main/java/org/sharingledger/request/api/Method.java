package org.sharingledger.request.api;

/** How the information was passed on. */
public enum Method {
    SECURE_EMAIL,
    SECURE_PORTAL,
    TELEPHONE,
    MEETING,
    POST,
    OTHER
}
