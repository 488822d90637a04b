package org.sharingledger.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.consultation.api.AdoptCodeVersion;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.consultation.api.CommentOnConsultation;
import org.sharingledger.consultation.api.ConsultationAnswered;
import org.sharingledger.consultation.api.ConsultationClosed;
import org.sharingledger.consultation.api.ConsultationCommented;
import org.sharingledger.consultation.api.ConsultationOpened;
import org.sharingledger.consultation.api.ConsultationResponse;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.consultation.api.OpenConsultation;
import org.sharingledger.consultation.api.RespondToConsultation;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * One consultation on a new version of the Code of Practice: circulated to the agencies signed when it opened,
 * answered (and re-answered) by them until {@code respondBy}, closed at {@code respondBy} by a deadline that survives
 * restarts, with every agency that never answered deemed to agree (no quorum), and adopted once by the Trust.
 */
@Aggregate
class Consultation {

    static final String RESPOND_BY = "respond-by";

    @AggregateIdentifier
    private String consultationId;

    private String codeVersion;
    private String title;
    private Instant openedAt;
    private Instant respondBy;
    private List<String> circulatedTo;
    private final Map<String, ConsultationResponse> lastAnswers = new LinkedHashMap<>();
    private ConsultationStatus status;

    protected Consultation() {}

    @CommandHandler
    Consultation(OpenConsultation command, DeadlineManager deadlines) {
        if (!command.respondBy().isAfter(command.recordedAt())) {
            throw new InvalidInput("respondBy", "must be in the future");
        }
        if (command.circulatedTo().isEmpty()) {
            throw new StepNotAllowed("no agency is signed: there is no one to consult");
        }
        apply(new ConsultationOpened(
                command.consultationId(),
                command.codeVersion(),
                command.title(),
                command.summaryOfChanges(),
                command.respondBy(),
                command.circulatedTo(),
                command.recordedAt()));
        deadlines.schedule(command.respondBy(), RESPOND_BY);
    }

    @CommandHandler
    void handle(RespondToConsultation command) {
        if (!circulatedTo.contains(command.agencyId())) {
            throw new StepNotAllowed(
                    "the consultation was not circulated to " + command.agencyId() + ": it may not answer");
        }
        if (status != ConsultationStatus.OPEN || !command.recordedAt().isBefore(respondBy)) {
            throw new StepNotAllowed("the consultation closed at " + respondBy + ": answers are no longer taken");
        }
        if (command.response() == ConsultationResponse.OBJECT && isBlank(command.comments())) {
            throw new InvalidInput("comments", "are required with an objection");
        }
        apply(new ConsultationAnswered(
                consultationId,
                command.agencyId(),
                command.response(),
                isBlank(command.comments()) ? null : command.comments(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(CommentOnConsultation command) {
        if (command.agencyId() != null && !circulatedTo.contains(command.agencyId())) {
            throw new NotPermitted("only the Trust or the nominated representative of an agency the consultation was"
                    + " circulated to may comment on it");
        }
        if (status == ConsultationStatus.ADOPTED) {
            throw new StepNotAllowed("the version was adopted: the discussion is over");
        }
        apply(new ConsultationCommented(consultationId, command.agencyId(), command.text(), command.recordedAt()));
    }

    @CommandHandler
    void handle(AdoptCodeVersion command, DeadlineManager deadlines) {
        if (status == ConsultationStatus.ADOPTED) {
            throw new StepNotAllowed("version " + codeVersion + " was already adopted");
        }
        if (status == ConsultationStatus.OPEN && command.recordedAt().isBefore(respondBy)) {
            throw new StepNotAllowed(
                    "the consultation is open until " + respondBy + ": a version is adopted only after it closes");
        }
        LocalDate opened = LocalDate.ofInstant(openedAt, ZoneOffset.UTC);
        if (command.adoptedOn().isBefore(opened)) {
            throw new InvalidInput("adoptedOn", "must not be before the consultation opened (" + opened + ")");
        }
        if (command.adoptedOn().isAfter(LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC))) {
            throw new InvalidInput("adoptedOn", "must not be in the future");
        }
        if (status == ConsultationStatus.OPEN) {
            // The closing time passed but its deadline has not fired yet: close it first, as the deadline would.
            close(respondBy);
            deadlines.cancelAllWithinScope(RESPOND_BY);
        }
        List<String> moving = new ArrayList<>();
        List<String> withdrawing = new ArrayList<>();
        for (String agency : circulatedTo) {
            (lastAnswers.get(agency) == ConsultationResponse.WITHDRAW ? withdrawing : moving).add(agency);
        }
        apply(new CodeVersionAdopted(
                consultationId,
                codeVersion,
                title,
                command.adoptedOn(),
                isBlank(command.note()) ? null : command.note(),
                moving,
                withdrawing,
                command.recordedAt()));
    }

    /** The closing time passed. If the consultation was closed already (on adoption), nothing happens. */
    @DeadlineHandler(deadlineName = RESPOND_BY)
    void onRespondBy() {
        if (status == ConsultationStatus.OPEN) {
            Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            close(now.isBefore(respondBy) ? respondBy : now);
        }
    }

    private void close(Instant at) {
        List<String> silent = circulatedTo.stream()
                .filter(agency -> !lastAnswers.containsKey(agency))
                .toList();
        apply(
                new ConsultationClosed(consultationId, codeVersion, silent, at),
                MetaData.from(ActorMetaData.of(Actor.SYSTEM, null)));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        consultationId = event.consultationId();
        codeVersion = event.codeVersion();
        title = event.title();
        openedAt = event.recordedAt();
        respondBy = event.respondBy();
        circulatedTo = event.circulatedTo();
        status = ConsultationStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ConsultationAnswered event) {
        lastAnswers.put(event.agencyId(), event.response());
    }

    @EventSourcingHandler
    void on(ConsultationClosed event) {
        status = ConsultationStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CodeVersionAdopted event) {
        status = ConsultationStatus.ADOPTED;
    }
}
