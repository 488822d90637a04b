package org.sharingledger.platform.rules;

import java.io.Serial;

/** No such request, agency, token or user: answered 404. */
public class NotFound extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
