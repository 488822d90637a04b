package org.sharingledger.projections.timeline;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.timeline.api.TimelineSubjects;

/**
 * The reviewers' timeline form: what it asks, checked as the API's body is; what it shows again after an error; and
 * each problem in the page's words.
 */
final class TimelineForm {

    private TimelineForm() {}

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    static String strip(String text) {
        return present(text) ? text.strip() : null;
    }

    /**
     * What the reviewer asked, checked as the API's body is. Never printed: it may carry an NHS number or a local
     * reference.
     */
    record Asked(
            UUID grantId,
            String nhsNumber,
            String caseReference,
            String agencyId,
            String localReference,
            Instant asOf,
            String reason)
            implements Serializable {

        /** Every problem at once, in the form's order, so that the error summary lists them all. */
        static Asked from(
                String grantId,
                String nhsNumber,
                String caseReference,
                String agencyId,
                String localReference,
                String reason,
                String asOf,
                SubjectPseudonyms pseudonyms) {
            List<FieldProblem> problems = new ArrayList<>();
            UUID grant = null;
            if (!present(grantId)) {
                problems.add(new FieldProblem("grantId", "is required"));
            } else {
                try {
                    grant = UUID.fromString(grantId.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("grantId", "is not one of your grants"));
                }
            }
            int before = problems.size();
            tooLong(problems, "nhsNumber", nhsNumber, 20);
            tooLong(problems, "caseReference", caseReference, 100);
            tooLong(problems, "agencyId", agencyId, 64);
            tooLong(problems, "localReference", localReference, 100);
            if (problems.size() == before) {
                try {
                    // The same reading of the subject as the query's own, only to report its problem with the others.
                    TimelineSubjects.from(nhsNumber, caseReference, agencyId, localReference, pseudonyms);
                } catch (InvalidInput e) {
                    problems.addAll(e.problems());
                }
            }
            if (!present(reason)) {
                problems.add(new FieldProblem("reason", "is required"));
            } else {
                tooLong(problems, "reason", reason, 4000);
            }
            Instant moment = null;
            if (present(asOf)) {
                try {
                    moment = LocalDateTime.parse(asOf.strip()).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem("asOf", "must be a date and a time"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Asked(
                    grant,
                    strip(nhsNumber),
                    strip(caseReference),
                    strip(agencyId),
                    strip(localReference),
                    moment,
                    reason.strip());
        }

        private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
            if (value != null && value.strip().length() > max) {
                problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            }
        }

        @Override
        public String toString() {
            return "Asked[" + grantId + "]";
        }
    }

    /** What the form shows again after an error. The NHS number and the local reference are never among them. */
    record FormValues(
            String grantId, String caseReference, String caseAgencyId, String agencyId, String reason, String asOf) {

        static FormValues empty(List<TimelineFormChoices.GrantChoice> grants) {
            return new FormValues(grants.size() == 1 ? grants.get(0).grantId() : null, null, null, null, null, null);
        }
    }

    /**
     * One problem with the form, in the page's words, and the field it is about (the error summary links to it).
     */
    record PageError(String field, String text) {

        static PageError of(FieldProblem problem) {
            String message = problem.message();
            return switch (problem.field()) {
                case "grantId" ->
                    new PageError(
                            "grantId",
                            "is required".equals(message)
                                    ? "Choose the grant you are looking under"
                                    : "Choose one of your grants");
                case "subject" ->
                    new PageError(
                            "nhsNumber",
                            "Identify the child or the case in exactly one way: an "
                                    + "NHS number, a case reference with its agency, or an agency with its local "
                                    + "reference");
                case "nhsNumber" ->
                    new PageError(
                            "nhsNumber",
                            message.startsWith("must be at most")
                                    ? "The NHS number " + message
                                    : "Enter a valid NHS number: 10 digits with a correct check digit");
                case "caseReference" -> new PageError("caseReference", "The case reference " + message);
                case "caseAgencyId" ->
                    new PageError(
                            "caseAgencyId",
                            message.startsWith("is required")
                                    ? "Choose the agency whose case reference this is"
                                    : "The agency " + message);
                case "agencyId" ->
                    new PageError(
                            "agencyId",
                            message.startsWith("is required")
                                    ? "Choose the agency whose local reference this is"
                                    : "The agency " + message);
                case "localReference" ->
                    new PageError(
                            "localReference",
                            message.startsWith("is required")
                                    ? "Enter the agency's local reference for the child"
                                    : "The local reference " + message);
                case "reason" ->
                    new PageError(
                            "reason",
                            "is required".equals(message) ? "Enter your reason for looking" : "The reason " + message);
                case "asOf" ->
                    new PageError(
                            "asOf",
                            message.contains("future")
                                    ? "\u201CAs known at\u201D must not be in the future"
                                    : "Enter \u201Cas known at\u201D as a date and a time, or leave it empty");
                default -> new PageError(problem.field(), problem.field() + " " + message);
            };
        }
    }
}
