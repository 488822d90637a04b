package org.sharingledger.access;

import java.util.List;
import org.sharingledger.access.cli.AdministratorPasswordReset;
import org.sharingledger.kernel.Actor;
import org.springframework.stereotype.Component;

/** The command line's way to reset an administrator's password, as the operator. */
@Component
class OperatorPasswordReset implements AdministratorPasswordReset {

    static final Actor OPERATOR_ACTOR = new Actor(OPERATOR, null, List.of());

    private final Accounts accounts;

    OperatorPasswordReset(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void reset(String username, String newPassword) {
        accounts.resetAdministratorPassword(username, newPassword, OPERATOR_ACTOR);
    }
}
