package org.sharingledger.platform.rules;

/** No such request, agency, token or user: answered 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
