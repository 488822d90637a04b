package org.sharingledger.access.cli;

/** Sets a new password for an administrator, as the operator; the access feature implements it. */
public interface AdministratorPasswordReset {

    /** The name the events of a reset carry as their actor. */
    String OPERATOR = "operator";

    /**
     * Records a {@code PasswordChanged} (a reset: the administrator must change it) with {@link #OPERATOR} as actor.
     *
     * @throws RuntimeException when the user is unknown, not an active administrator, or the password breaks the rule
     */
    void reset(String username, String newPassword);
}
