package org.sharingledger.subject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.subject.api.EraseSubjectDetails;
import org.sharingledger.subject.api.SubjectDetailsErased;

/**
 * What the ledger did with one child's personal details, as immutable facts: each erasure, by whom, on which legal
 * basis and why. A stream per child (keyed by the pseudonym); it begins with the first erasure.
 */
@Aggregate
class SubjectRecord {

    static final int TEXT = 500;

    @AggregateIdentifier
    @SuppressWarnings("UnusedVariable") // Axon reads it as the aggregate's identifier
    private String recordId;

    private boolean erased;

    protected SubjectRecord() {}

    /**
     * Erasure needs a key to destroy: none ever held is 404, none held since the last erasure is 409. Details given
     * again after an erasure (a new key) can be erased again.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EraseSubjectDetails command) {
        Actor actor = command.actor();
        if (!actor.has(Role.ADMIN) && !Actor.SYSTEM.equals(actor)) {
            throw new NotPermitted("only an ADMIN may erase a child's personal details");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!fits(command.legalBasis())) {
            problems.add(new FieldProblem("legalBasis", "is required, with at most " + TEXT + " characters"));
        }
        if (!fits(command.reason())) {
            problems.add(new FieldProblem("reason", "is required, with at most " + TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!command.detailsHeld()) {
            if (erased) {
                throw new StepNotAllowed("the child's personal details were already erased");
            }
            throw new NotFound("the ledger holds no personal details for that child");
        }
        apply(new SubjectDetailsErased(
                command.pseudonym(), command.legalBasis(), command.reason(), command.recordedAt()));
    }

    private static boolean fits(String text) {
        return text != null && !text.isBlank() && text.length() <= TEXT;
    }

    @EventSourcingHandler
    void on(SubjectDetailsErased event) {
        recordId = EraseSubjectDetails.recordIdOf(event.pseudonym());
        erased = true;
    }
}
