package org.sharingledger.access;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unheard, because its account or its client address is locked for a while. */
final class SignInThrottled extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInThrottled(Duration wait) {
        super("too many failed sign-ins: try again later");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whole seconds, rounded up, for the Retry-After header. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The wait in words: "3 minutes", "45 seconds". */
    String waitInWords() {
        long minutes = (retryAfterSeconds + 59) / 60;
        if (retryAfterSeconds < 60) {
            return retryAfterSeconds + (retryAfterSeconds == 1 ? " second" : " seconds");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
