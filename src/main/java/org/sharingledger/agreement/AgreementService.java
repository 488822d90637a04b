package org.sharingledger.agreement;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.AgencyDirectory.RegisteredAgency;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.agreement.api.Agreements;
import org.sharingledger.agreement.api.ProposeAgreement;
import org.sharingledger.agreement.api.ReviewAgreement;
import org.sharingledger.agreement.api.SignAgreement;
import org.sharingledger.agreement.api.TerminateAgreement;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks before each step of an agreement (the input's constraints, the parties in the register) and the
 * command that takes it. The aggregate, {@link Agreement}, holds the rules of the agreement itself.
 */
@Service
class AgreementService implements Agreements {

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final Validator validator;
    private final Clock clock;

    AgreementService(Commands commands, AgencyDirectory agencies, Validator validator, Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Proposed propose(Actor actor, NewAgreement body) {
        check(body);
        List<String> parties = body.parties().stream().map(String::strip).toList();
        if (!actor.has(Role.TRUST_REVIEWER)
                && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && parties.contains(actor.agencyId()))) {
            throw new NotPermitted(
                    "only a NOMINATED_REPRESENTATIVE of one of its parties or a TRUST_REVIEWER may propose an "
                            + "Information Sharing Protocol");
        }
        List<FieldProblem> unknown = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            var agency = agencies.find(parties.get(i));
            if (agency.isEmpty()) {
                unknown.add(new FieldProblem("parties[" + i + "]", "is not a registered agency"));
            } else if (!agency.map(RegisteredAgency::signed).orElse(false)) {
                withdrawn.add(parties.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        if (!withdrawn.isEmpty()) {
            throw new StepNotAllowed("every party must be signed to the Code of Practice; "
                    + String.join(", ", withdrawn) + " has withdrawn");
        }
        String agreementId = UUID.randomUUID().toString();
        commands.send(
                new ProposeAgreement(
                        agreementId,
                        actor,
                        body.title(),
                        parties,
                        body.purpose(),
                        body.dataItems().stream().map(String::strip).toList(),
                        body.lawfulBasis(),
                        body.reviewOn(),
                        clock.instant()),
                actor);
        return new Proposed(agreementId, AgreementStatus.AWAITING_SIGNATURES);
    }

    @Override
    @Transactional
    public AgreementStatus sign(Actor actor, UUID agreementId, Signature body) {
        check(body);
        return commands.send(
                new SignAgreement(agreementId.toString(), actor, body.agencyId().strip(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public AgreementStatus review(Actor actor, UUID agreementId, Review body) {
        check(body);
        return commands.send(
                new ReviewAgreement(agreementId.toString(), actor, body.nextReviewOn(), body.note(), clock.instant()),
                actor);
    }

    @Override
    @Transactional
    public AgreementStatus terminate(Actor actor, UUID agreementId, Termination body) {
        check(body);
        return commands.send(
                new TerminateAgreement(agreementId.toString(), actor, body.reason(), clock.instant()), actor);
    }

    /** The constraints declared on the step's record; the API has already answered them, the pages have not. */
    private void check(Object body) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(body)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
            throw new InvalidInput(problems);
        }
    }
}
