package org.sharingledger.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.sharingledger.notification.api.NotificationFacts.AgencyContact;
import org.sharingledger.notification.api.NotificationFacts.RequestTerms;
import org.sharingledger.notification.api.NotificationStep;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;

/**
 * Writes a notification's mail: the agencies, the step, the urgency and due time in words, and a link to the
 * request's page. It is given only codes, names of agencies and times, never the child or any free text of a
 * request, so it cannot leak them.
 */
final class NotificationMail {

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final MessageSource words;
    private final String publicUrl;
    private final String from;

    NotificationMail(MessageSource words, String publicUrl, String from) {
        this.words = words;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.from = from;
    }

    /**
     * A code's words, as messages.properties gives them ({@code Urgency.URGENT}).
     *
     * @param code an enum value of an api package
     */
    String words(Enum<?> code) {
        return words.getMessage(
                code.getDeclaringClass().getSimpleName() + "." + code.name(), null, code.name(), Locale.UK);
    }

    /** A time as the mails write it: {@code 31 March 2010, 17:00 UTC}. */
    String time(Instant instant) {
        return DUE.format(instant);
    }

    /** A mail about a consultation on the Code circulated to the agency told. */
    SimpleMailMessage writeConsultation(
            String to, NotificationStep step, String consultationId, AgencyContact told, List<String> details) {
        return writeAbout(to, step, told, details, "Open the consultation: ", "/consultations/" + consultationId);
    }

    /**
     * A mail about something circulated to the agency told (a consultation, a self-assessment round): the step, the
     * agency, the details, and a link to the page at {@code path}.
     */
    SimpleMailMessage writeAbout(
            String to, NotificationStep step, AgencyContact told, List<String> details, String open, String path) {
        StringBuilder body = new StringBuilder();
        body.append(words(step)).append('\n');
        body.append('\n');
        body.append("To: ")
                .append(told.name())
                .append(" (")
                .append(told.agencyId())
                .append(")\n");
        for (String detail : details) {
            body.append(detail).append('\n');
        }
        body.append('\n');
        body.append(open).append(publicUrl).append(path).append('\n');
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(words(step) + ": " + told.name());
        mail.setText(body.toString());
        return mail;
    }

    SimpleMailMessage write(
            String to,
            NotificationStep step,
            String requestId,
            AgencyContact requester,
            AgencyContact holder,
            RequestTerms terms,
            List<String> details) {
        String link = publicUrl + "/requests/" + requestId;
        String urgency = terms == null ? "not known" : words(terms.urgency());
        String due = terms == null ? "not known" : DUE.format(terms.dueBy());
        StringBuilder body = new StringBuilder();
        body.append(words(step)).append('\n');
        body.append('\n');
        body.append("From: ")
                .append(requester.name())
                .append(" (")
                .append(requester.agencyId())
                .append(")\n");
        body.append("To: ")
                .append(holder.name())
                .append(" (")
                .append(holder.agencyId())
                .append(")\n");
        body.append("Urgency: ").append(urgency).append('\n');
        body.append("Due by: ").append(due).append('\n');
        for (String detail : details) {
            body.append(detail).append('\n');
        }
        body.append('\n');
        body.append("Open the request: ").append(link).append('\n');
        body.append('\n');
        body.append("This message names no child and repeats nothing written in the request. Sign in to the ledger")
                .append(" to read them.\n");
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(
                words(step) + ": " + requester.name() + " to " + holder.name() + " (" + urgency + ", due " + due + ")");
        mail.setText(body.toString());
        return mail;
    }
}
