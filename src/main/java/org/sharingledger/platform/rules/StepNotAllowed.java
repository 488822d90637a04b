package org.sharingledger.platform.rules;

import java.io.Serial;

/** The current state does not allow this step (for example refusing a request already shared): answered 409. */
public class StepNotAllowed extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StepNotAllowed(String message) {
        super(message);
    }
}
