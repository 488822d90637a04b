package org.sharingledger.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericMessage;
import org.sharingledger.consultation.api.ConsultationClosed;
import org.sharingledger.consultation.api.ConsultationOpened;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.notification.api.NotificationFacts;
import org.sharingledger.notification.api.NotificationFacts.AgencyContact;
import org.sharingledger.notification.api.NotificationStep;
import org.sharingledger.notification.api.RecordNotification;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.selfassessment.api.SelfAssessmentOpened;
import org.sharingledger.selfassessment.api.SelfAssessmentOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails each agency the steps that concern it (of its requests, and of the consultations on the Code and the
 * self-assessment rounds circulated to it), on a streaming processor of its own ({@value #PROCESSING_GROUP}),
 * one event per transaction with the processor's token.
 *
 * <p>For each agency to tell: if {@code notification_sent} already holds the event and the agency, nothing is done;
 * otherwise the mail is sent, and then, in the same transaction as the token, the row is written and a
 * {@code NotificationSent} event recorded. A mail the server refuses, or a server that does not answer, throws: the
 * processor keeps its token, releases the event and retries it with a growing pause, and never skips it. A crash
 * between the mail being accepted and the transaction committing sends that one mail again: at least once, never
 * recorded twice. The processor never replays: a rebuild must not mail the past again.
 *
 * <p>Without a mail sender (no {@code spring.mail.host}), nothing is mailed and nothing recorded; the processor still
 * moves on, so turning mail on later does not mail the past either.
 */
@Component
@ProcessingGroup(Notifier.PROCESSING_GROUP)
@DisallowReplay
class Notifier {

    static final String PROCESSING_GROUP = "notifications";

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final JavaMailSender mailSender;
    private final NotificationFacts facts;
    private final NotificationMail mail;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Map<NotificationStep, Counter> sent = new EnumMap<>(NotificationStep.class);
    private final Map<NotificationStep, Counter> failed = new EnumMap<>(NotificationStep.class);
    private final Clock clock;

    Notifier(
            ObjectProvider<JavaMailSender> mailSender,
            NotificationFacts facts,
            MessageSource words,
            @Value("${ledger.public-url}") String publicUrl,
            @Value("${ledger.notifications.from}") String from,
            JdbcTemplate jdbc,
            CommandGateway commands,
            MeterRegistry meters,
            Clock clock) {
        this.mailSender = mailSender.getIfAvailable();
        this.facts = facts;
        this.mail = new NotificationMail(words, publicUrl, from);
        this.jdbc = jdbc;
        this.commands = commands;
        // Every step's counters from the start (0 until a mail goes), so dashboards and alerts find them.
        for (NotificationStep step : NotificationStep.values()) {
            sent.put(step, counter(meters, "ledger.notifications.sent", "Notifications mailed", step));
            failed.put(step, counter(meters, "ledger.notifications.failed", "Notification mails that failed", step));
        }
        this.clock = clock;
        if (this.mailSender == null) {
            log.info("Mail is off (no spring.mail.host): no notification is mailed or recorded.");
        }
    }

    @EventHandler
    void on(InformationRequested event, EventMessage<?> message) {
        tell(
                message,
                NotificationStep.NEW_REQUEST,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.holdingAgencyId(),
                false,
                List.of());
    }

    @EventHandler
    void on(RequestBecameOverdue event, EventMessage<?> message) {
        List<String> details = List.of("Became overdue: the due time passed with no decision.");
        tell(
                message,
                NotificationStep.OVERDUE,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.holdingAgencyId(),
                false,
                details);
        tell(
                message,
                NotificationStep.OVERDUE,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.requestingAgencyId(),
                false,
                details);
    }

    @EventHandler
    void on(RefusalEscalated event, EventMessage<?> message) {
        tell(
                message,
                NotificationStep.ESCALATED,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.holdingAgencyId(),
                true,
                List.of("Escalated to: " + mail.words(event.stage())));
    }

    @EventHandler
    void on(InformationShared event, EventMessage<?> message) {
        tell(
                message,
                NotificationStep.SHARED,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.requestingAgencyId(),
                false,
                List.of("Shared: " + mail.words(event.scope())));
    }

    @EventHandler
    void on(InformationRefused event, EventMessage<?> message) {
        tell(
                message,
                NotificationStep.REFUSED,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.requestingAgencyId(),
                false,
                List.of("Reason: " + mail.words(event.reason())));
    }

    @EventHandler
    void on(EscalationResolved event, EventMessage<?> message) {
        tell(
                message,
                NotificationStep.ESCALATION_RESOLVED,
                event.requestId(),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.requestingAgencyId(),
                false,
                List.of("Stage: " + mail.words(event.stage()), "Outcome: " + mail.words(event.outcome())));
    }

    /** Every circulated agency's notification address: a new version of the Code is out for answers. */
    @EventHandler
    void on(ConsultationOpened event, EventMessage<?> message) {
        for (String agencyId : event.circulatedTo()) {
            tellOfConsultation(
                    message,
                    NotificationStep.CONSULTATION_OPENED,
                    event.consultationId(),
                    agencyId,
                    List.of(
                            "Version: " + event.codeVersion(),
                            "Title: " + event.title(),
                            "Answer by: " + mail.time(event.respondBy()),
                            "If your agency does not answer by then, it is deemed to agree."));
        }
    }

    /** Each circulated agency that never answered: it is deemed to agree. */
    @EventHandler
    void on(ConsultationClosed event, EventMessage<?> message) {
        for (String agencyId : event.deemedToAgree()) {
            tellOfConsultation(
                    message,
                    NotificationStep.CONSULTATION_CLOSED,
                    event.consultationId(),
                    agencyId,
                    List.of(
                            "Version: " + event.codeVersion(),
                            "Your agency did not answer by the closing time and is deemed to agree."));
        }
    }

    /** Every circulated agency's notification address: a self-assessment round asks for its return. */
    @EventHandler
    void on(SelfAssessmentOpened event, EventMessage<?> message) {
        for (String agencyId : event.circulatedTo()) {
            tellOfSelfAssessment(
                    message,
                    NotificationStep.SELF_ASSESSMENT_OPENED,
                    event.selfAssessmentId(),
                    agencyId,
                    List.of(
                            "Title: " + event.title(),
                            "Questions: " + event.questions().size(),
                            "Return by: " + mail.time(event.dueBy()),
                            "Your agency's nominated representative answers each question and writes its position"
                                    + " statement."));
        }
    }

    /** Each circulated agency that had not returned by the due time: it is overdue, and a late return is wanted. */
    @EventHandler
    void on(SelfAssessmentOverdue event, EventMessage<?> message) {
        for (String agencyId : event.outstanding()) {
            tellOfSelfAssessment(
                    message,
                    NotificationStep.SELF_ASSESSMENT_OVERDUE,
                    event.selfAssessmentId(),
                    agencyId,
                    List.of(
                            "Your agency had not returned the round by its due time and is recorded overdue.",
                            "A late return is still wanted: it is taken, and marked late."));
        }
    }

    private void tellOfSelfAssessment(
            EventMessage<?> about,
            NotificationStep step,
            String selfAssessmentId,
            String agencyId,
            List<String> details) {
        if (mailSender == null || alreadySent(about.getIdentifier(), agencyId)) {
            return;
        }
        AgencyContact told = contact(agencyId);
        send(
                about,
                step,
                agencyId,
                mail.writeAbout(
                        told.address(),
                        step,
                        told,
                        details,
                        "Open the round: ",
                        "/self-assessments/" + selfAssessmentId));
        record(about, step, null, null, selfAssessmentId, agencyId, told.address());
    }

    private void tellOfConsultation(
            EventMessage<?> about,
            NotificationStep step,
            String consultationId,
            String agencyId,
            List<String> details) {
        if (mailSender == null || alreadySent(about.getIdentifier(), agencyId)) {
            return;
        }
        AgencyContact told = contact(agencyId);
        send(about, step, agencyId, mail.writeConsultation(told.address(), step, consultationId, told, details));
        record(about, step, null, consultationId, null, agencyId, told.address());
    }

    private void tell(
            EventMessage<?> about,
            NotificationStep step,
            String requestId,
            String requestingAgencyId,
            String holdingAgencyId,
            String agencyId,
            boolean toRepresentative,
            List<String> details) {
        if (mailSender == null || alreadySent(about.getIdentifier(), agencyId)) {
            return;
        }
        AgencyContact requester = contact(requestingAgencyId);
        AgencyContact holder = contact(holdingAgencyId);
        AgencyContact told = agencyId.equals(holdingAgencyId) ? holder : requester;
        String address = toRepresentative ? told.representativeEmail() : told.address();
        var message = mail.write(
                address,
                step,
                requestId,
                requester,
                holder,
                facts.request(requestId).orElse(null),
                details);
        send(about, step, agencyId, message);
        record(about, step, requestId, null, null, agencyId, address);
    }

    private void send(EventMessage<?> about, NotificationStep step, String agencyId, SimpleMailMessage message) {
        try {
            mailSender.send(message);
        } catch (MailException e) {
            failed.get(step).increment();
            log.warn(
                    "Could not mail the {} notification about event {} to agency {}: {}. It is retried with a growing"
                            + " pause until the mail server takes it.",
                    step,
                    about.getIdentifier(),
                    agencyId,
                    e.toString());
            throw e;
        }
        sent.get(step).increment();
    }

    private boolean alreadySent(String eventId, String agencyId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from notification_sent where event_id = ? and agency_id = ?",
                Integer.class,
                eventId,
                agencyId);
        return count != null && count > 0;
    }

    private AgencyContact contact(String agencyId) {
        return facts.agency(agencyId)
                .orElseThrow(() -> new IllegalStateException("agency " + agencyId + " is not in the register"));
    }

    /** The row that prevents a second mail, and the ledger event, in the transaction of the processor's token. */
    private void record(
            EventMessage<?> about,
            NotificationStep step,
            String requestId,
            String consultationId,
            String selfAssessmentId,
            String agencyId,
            String to) {
        String notificationId = UUID.nameUUIDFromBytes(
                        (about.getIdentifier() + "/" + agencyId).getBytes(StandardCharsets.UTF_8))
                .toString();
        Instant sentAt = clock.instant();
        jdbc.update(
                "insert into notification_sent (event_id, agency_id, notification_id, step, sent_at) values (?, ?, ?, ?, ?)",
                about.getIdentifier(),
                agencyId,
                notificationId,
                step.name(),
                java.sql.Timestamp.from(sentAt));
        // The ledger acts here, not whoever took the step: a message built with its own identifier does not inherit
        // the handled event's actor, only the correlation id it is given.
        Map<String, Object> metaData =
                ActorMetaData.of(Actor.SYSTEM, (String) about.getMetaData().get(ActorMetaData.CORRELATION_ID));
        commands.sendAndWait(new GenericCommandMessage<>(
                new GenericMessage<>(
                        IdentifierFactory.getInstance().generateIdentifier(),
                        new RecordNotification(
                                notificationId,
                                agencyId,
                                to,
                                step,
                                requestId,
                                about.getIdentifier(),
                                sentAt,
                                consultationId,
                                selfAssessmentId),
                        metaData),
                RecordNotification.class.getName()));
    }

    private static Counter counter(MeterRegistry meters, String name, String description, NotificationStep step) {
        return Counter.builder(name)
                .description(description)
                .tag("step", step.name())
                .register(meters);
    }
}
