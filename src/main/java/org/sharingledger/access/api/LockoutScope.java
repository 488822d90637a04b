package org.sharingledger.access.api;

/** What a sign-in lockout holds back: one account (by username), or every attempt from one client address. */
public enum LockoutScope {
    ACCOUNT,
    CLIENT_ADDRESS
}
