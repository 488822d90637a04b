package org.sharingledger.platform.rules;

/** The current state does not allow this step (for example refusing a request already shared): answered 409. */
public class StepNotAllowed extends RuntimeException {

    public StepNotAllowed(String message) {
        super(message);
    }
}
