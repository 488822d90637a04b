package org.sharingledger.kernel;

/** Records that an authenticated actor was refused something (403), in a transaction of its own. */
public interface DeniedAttempts {

    void record(Actor actor, String method, String path, String reason);
}
