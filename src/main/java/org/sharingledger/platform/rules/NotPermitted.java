package org.sharingledger.platform.rules;

/** The actor is known but may not do this (wrong role or another agency's data): answered 403 and recorded. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
