package org.sharingledger.platform.rules;

import java.io.Serial;

/** The actor is known but may not do this (wrong role or another agency's data): answered 403 and recorded. */
public class NotPermitted extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotPermitted(String message) {
        super(message);
    }
}
