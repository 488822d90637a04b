package org.sharingledger.projections.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.projections.operations.ReadModels;
import org.sharingledger.timeline.api.RecordTimelineQuery;
import org.sharingledger.timeline.api.TimelineSubject;
import org.sharingledger.timeline.api.TimelineSubjects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A case reviewer's timeline query, for the API and the reviewers' page alike: the grant is checked and the query
 * recorded as a ledger event (in the caller's transaction) before the timeline is handed back.
 */
@Service
public class TimelineQueries {

    /** How long a query waits for the timelines' read model to reach the events already stored. */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final Timelines timelines;
    private final ReadModels readModels;
    private final Commands commands;
    private final SubjectPseudonyms pseudonyms;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TimelineQueries(
            Timelines timelines,
            ReadModels readModels,
            Commands commands,
            SubjectPseudonyms pseudonyms,
            JdbcTemplate jdbc,
            Clock clock) {
        this.timelines = timelines;
        this.readModels = readModels;
        this.commands = commands;
        this.pseudonyms = pseudonyms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The subject is what the reviewer typed: exactly one of an NHS number, a case reference, or an agency with its
     * local reference. {@code asOf} null means now. {@code format} is recorded with the query (json, csv, pdf, fhir).
     */
    public Timeline query(
            Actor actor,
            UUID grantId,
            String nhsNumber,
            String caseReference,
            String agencyId,
            String localReference,
            Instant asOf,
            String reason,
            String format) {
        if (!actor.has(Role.CASE_REVIEWER)) {
            throw new NotPermitted("only a CASE_REVIEWER with a live grant may query timelines");
        }
        TimelineSubject subject = TimelineSubjects.from(nhsNumber, caseReference, agencyId, localReference, pseudonyms);
        // The page's form reaches here without the API's record: the same check of its free text, for both.
        List<FieldProblem> problems = new ArrayList<>();
        if (FreeText.Check.holdsNhsNumber(caseReference)) {
            problems.add(new FieldProblem("caseReference", FreeText.PROBLEM));
        }
        if (FreeText.Check.holdsNhsNumber(reason)) {
            problems.add(new FieldProblem("reason", FreeText.PROBLEM));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        if (asOf != null && asOf.isAfter(now)) {
            throw new InvalidInput("asOf", "must not be in the future");
        }
        FieldProblem tooEarly = DateBounds.problem("asOf", asOf, clock);
        if (tooEarly != null) {
            throw new InvalidInput(List.of(tooEarly));
        }
        Instant knownAt = asOf != null ? asOf : now;
        awaitTimelines();
        Timelines.Steps steps = timelines.steps(subject, knownAt);
        try {
            commands.send(
                    new RecordTimelineQuery(
                            grantId.toString(), actor, subject, asOf, reason, format, steps.agencies(), now),
                    actor);
        } catch (AggregateNotFoundException e) {
            throw new NotPermitted(
                    "there is no grant " + grantId + ": only a CASE_REVIEWER with a live grant may query timelines");
        }
        String review =
                jdbc.queryForObject("select review from timeline_grant where grant_id = ?", String.class, grantId);
        return new Timeline(
                knownAt,
                now,
                review,
                actor.username(),
                grantId.toString(),
                steps.summary(),
                steps.entries(),
                steps.recordedLater(),
                null,
                subject);
    }

    /**
     * Waits, at most {@link #CATCH_UP}, until the timelines' read model has processed every request's step stored
     * before the query: the query is recorded with the agencies whose steps it shows, and each of them must see who
     * looked.
     */
    private void awaitTimelines() {
        // The newest step of any request: a streaming processor's position need not move for events it ignores.
        Long newest = jdbc.queryForObject("""
                select max(global_index) from (select global_index from domain_event_entry
                where payload_type like 'org.sharingledger.request.api.%' order by global_index desc limit 1) newest""", Long.class);
        long head = newest == null ? -1 : newest;
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (head >= 0
                && !readModels.hasProcessed(TimelineProjection.PROCESSING_GROUP, head)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
