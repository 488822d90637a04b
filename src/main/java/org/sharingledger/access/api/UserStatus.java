package org.sharingledger.access.api;

/** Whether an account may sign in and act: a disabled account is refused on every way in. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
