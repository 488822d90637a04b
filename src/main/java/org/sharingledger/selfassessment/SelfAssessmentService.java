package org.sharingledger.selfassessment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.selfassessment.api.OpenSelfAssessment;
import org.sharingledger.selfassessment.api.Question;
import org.sharingledger.selfassessment.api.QuestionAnswer;
import org.sharingledger.selfassessment.api.ReturnSelfAssessment;
import org.sharingledger.selfassessment.api.SelfAssessmentStatus;
import org.sharingledger.selfassessment.api.SelfAssessments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks before each step of a round (who may, which agencies it is circulated to) and the command that takes it.
 * The aggregate, {@link SelfAssessment}, holds the rules of the round itself.
 */
@Service
class SelfAssessmentService implements SelfAssessments {

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final Clock clock;

    SelfAssessmentService(Commands commands, AgencyDirectory agencies, Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Opened open(Actor actor, NewSelfAssessment round) {
        if (!actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may open a self-assessment round");
        }
        List<String> circulatedTo = agencies.signedAgencyIds();
        String selfAssessmentId = UUID.randomUUID().toString();
        commands.send(
                new OpenSelfAssessment(
                        selfAssessmentId,
                        round.title(),
                        round.questions().stream()
                                .map(q -> new Question(q.id(), q.text()))
                                .toList(),
                        round.dueBy(),
                        circulatedTo,
                        clock.instant()),
                actor);
        return new Opened(selfAssessmentId, SelfAssessmentStatus.OPEN, circulatedTo.size());
    }

    @Override
    @Transactional
    public Returned submit(Actor actor, UUID selfAssessmentId, Return answers) {
        if (!actor.has(Role.NOMINATED_REPRESENTATIVE) || !actor.actsFor(answers.agencyId())) {
            throw new NotPermitted("only the NOMINATED_REPRESENTATIVE of " + answers.agencyId() + " may return for it");
        }
        return commands.send(
                new ReturnSelfAssessment(
                        selfAssessmentId.toString(),
                        answers.agencyId(),
                        answers.answers().stream()
                                .map(a -> new QuestionAnswer(a.questionId(), a.answer(), a.evidence()))
                                .toList(),
                        answers.statement(),
                        clock.instant()),
                actor);
    }
}
