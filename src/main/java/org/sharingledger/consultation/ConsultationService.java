package org.sharingledger.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.consultation.api.AdoptCodeVersion;
import org.sharingledger.consultation.api.CommentOnConsultation;
import org.sharingledger.consultation.api.ConsultationDirectory;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.consultation.api.Consultations;
import org.sharingledger.consultation.api.OpenConsultation;
import org.sharingledger.consultation.api.RespondToConsultation;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks before each step of a consultation (who may, which agencies it is circulated to, that the version is
 * new, the notice given) and the command that takes it. The aggregate, {@link Consultation}, holds the rules of the
 * consultation itself.
 */
@Service
class ConsultationService implements Consultations {

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final ConsultationDirectory consultations;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration minimumNotice;

    ConsultationService(
            Commands commands,
            AgencyDirectory agencies,
            ConsultationDirectory consultations,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${ledger.consultations.minimum-notice:P7D}") Duration minimumNotice) {
        this.commands = commands;
        this.agencies = agencies;
        this.consultations = consultations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.minimumNotice = minimumNotice;
    }

    @Override
    @Transactional
    public Opened open(Actor actor, NewConsultation consultation) {
        if (!actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may open a consultation");
        }
        Instant now = clock.instant();
        if (consultation.respondBy().isBefore(now.plus(minimumNotice))) {
            throw new InvalidInput(
                    "respondBy", "must be at least " + minimumNotice + " ahead (ledger.consultations.minimum-notice)");
        }
        // Two openings of one version at once: the second waits here for the first to commit, then sees it taken.
        jdbc.query(
                "select pg_advisory_xact_lock(hashtext(?))",
                rs -> {},
                "consultation-version:" + consultation.codeVersion());
        if (consultations.codeVersionTaken(consultation.codeVersion())) {
            throw versionTaken(consultation.codeVersion());
        }
        List<String> circulatedTo = agencies.signedAgencyIds();
        String consultationId = UUID.randomUUID().toString();
        try {
            commands.send(
                    new OpenConsultation(
                            consultationId,
                            consultation.codeVersion(),
                            consultation.title(),
                            consultation.summaryOfChanges(),
                            consultation.respondBy(),
                            circulatedTo,
                            now),
                    actor);
        } catch (RuntimeException e) {
            // The read model's unique index is the last guard, should two openings ever pass the lock together.
            if (causedBy(e, DataIntegrityViolationException.class)) {
                throw versionTaken(consultation.codeVersion());
            }
            throw e;
        }
        return new Opened(consultationId, ConsultationStatus.OPEN, circulatedTo.size());
    }

    @Override
    @Transactional
    public void respond(Actor actor, UUID consultationId, Answer answer) {
        if (!actor.has(Role.NOMINATED_REPRESENTATIVE) || !actor.actsFor(answer.agencyId())) {
            throw new NotPermitted("only the NOMINATED_REPRESENTATIVE of " + answer.agencyId() + " may answer for it");
        }
        commands.send(
                new RespondToConsultation(
                        consultationId.toString(),
                        answer.agencyId(),
                        answer.response(),
                        answer.comments(),
                        clock.instant()),
                actor);
    }

    @Override
    @Transactional
    public void comment(Actor actor, UUID consultationId, Comment comment) {
        String agencyId;
        if (actor.has(Role.TRUST_REVIEWER)) {
            agencyId = null;
        } else if (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null) {
            agencyId = actor.agencyId();
        } else {
            throw new NotPermitted("only the Trust (a TRUST_REVIEWER) or the NOMINATED_REPRESENTATIVE of an agency"
                    + " the consultation was circulated to may comment on it");
        }
        commands.send(
                new CommentOnConsultation(consultationId.toString(), agencyId, comment.text(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public void adopt(Actor actor, UUID consultationId, Adoption adoption) {
        if (!actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may adopt a version of the Code");
        }
        commands.send(
                new AdoptCodeVersion(consultationId.toString(), adoption.adoptedOn(), adoption.note(), clock.instant()),
                actor);
    }

    private static StepNotAllowed versionTaken(String codeVersion) {
        return new StepNotAllowed("version " + codeVersion + " was already adopted or consulted on");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
