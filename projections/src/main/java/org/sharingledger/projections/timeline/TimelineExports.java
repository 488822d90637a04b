package org.sharingledger.projections.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sharingledger.evidence.api.CanonicalJson;
import org.sharingledger.evidence.api.LedgerProofs;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.evidence.api.ReadModelReplay;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.projections.operations.ReadModels;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.sharingledger.timeline.api.TimelineSubject;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A timeline in each of its forms, for the API and the reviewers' page alike. The JSON and PDF forms carry their
 * evidence: each entry's event hash with an inclusion proof to a freshly signed checkpoint, and the checkpoint
 * itself; the JSON form is also sealed (signed whole) by the ledger, so that changing any character of it shows.
 *
 * <p>Every form is first {@linkplain #checked checked} against the events: the timeline's read model is rebuilt from
 * the events the export's checkpoint covers (only those of the subject's requests, found in the events' own payloads,
 * and of the agencies and people they name), through the projection's own code, and the same query run on it. A step
 * those events give that the timeline lacks refuses the export; otherwise the export carries the count
 * ({@code eventsAtCheckpoint}), so that a reader can tell that no step is missing.
 */
@Component
class TimelineExports {

    /** How long an export waits for the timelines' read model to reach a step the checkpoint already holds. */
    private static final long LAG_WAIT_MILLIS = 10_000;

    private final LedgerProofs proofs;
    private final JsonMapper json;
    private final Vocabulary words;
    private final ReadModelReplay replay;
    private final Timelines timelines;
    private final ReadModels readModels;

    TimelineExports(
            LedgerProofs proofs,
            JsonMapper json,
            Vocabulary words,
            ReadModelReplay replay,
            Timelines timelines,
            ReadModels readModels) {
        this.proofs = proofs;
        this.json = json;
        this.words = words;
        this.replay = replay;
        this.timelines = timelines;
        this.readModels = readModels;
    }

    /** A timeline checked against the events at a checkpoint, and the proofs of its steps to that checkpoint. */
    record Checked(Timeline timeline, Proofs proofs) {}

    /**
     * Proves the timeline's steps to a freshly signed checkpoint and counts, from the events that checkpoint covers,
     * the steps about the subject. A step the events give that the read model lacks refuses the export (409) if it is
     * still lacking when the timeline is read again, once the read model has processed it (or after ten seconds).
     */
    Checked checked(Timeline timeline) {
        Proofs evidence = proofs.prove(positions(timeline));
        long treeSize =
                evidence.checkpoint() == null ? 0 : evidence.checkpoint().treeSize();
        TimelineSubject subject = timeline.subject();
        Timelines.Steps verified = replay.atCheckpoint(
                TimelineProjection.PROCESSING_GROUP,
                treeSize,
                subject.pseudonym() != null
                        ? ReadModelReplay.Requests.aboutChild(subject.pseudonym())
                        : ReadModelReplay.Requests.byCaseReference(subject.caseReference(), subject.agencyId()),
                () -> timelines.steps(subject, timeline.asOf()));
        List<Entry> fromEvents = new ArrayList<>(verified.entries());
        fromEvents.addAll(verified.recordedLater());
        Timeline current = timeline;
        List<Entry> missing = missing(fromEvents, current);
        // The timeline may have been read a moment before the read model reached a step: read it again once the read
        // model has processed every missing step (or the wait ends), and only then call a step missing.
        if (!missing.isEmpty()) {
            awaitReadModel(missing);
            Timelines.Steps again = timelines.steps(timeline.subject(), timeline.asOf());
            current = new Timeline(
                    timeline.asOf(),
                    timeline.generatedAt(),
                    timeline.review(),
                    timeline.reviewer(),
                    timeline.grantId(),
                    again.summary(),
                    again.entries(),
                    again.recordedLater(),
                    null,
                    timeline.subject());
            missing = missing(fromEvents, current);
            evidence = proofs.prove(positions(current));
        }
        if (!missing.isEmpty()) {
            throw new StepNotAllowed("the timeline's read model lacks " + missing.size()
                    + (missing.size() == 1 ? " step" : " steps")
                    + " that the ledger's events hold at its checkpoint of "
                    + treeSize + " events (event ids "
                    + String.join(", ", missing.stream().map(Entry::eventId).toList())
                    + "), so it is not exported: an administrator should verify the ledger and rebuild the read model "
                    + TimelineProjection.PROCESSING_GROUP);
        }
        return new Checked(current.counted(fromEvents.size()), evidence);
    }

    private static List<Entry> missing(List<Entry> fromEvents, Timeline timeline) {
        Set<String> listed = new HashSet<>();
        timeline.entries().forEach(entry -> listed.add(entry.eventId()));
        timeline.recordedLater().forEach(entry -> listed.add(entry.eventId()));
        return fromEvents.stream()
                .filter(entry -> !listed.contains(entry.eventId()))
                .toList();
    }

    /** Waits, at most {@link #LAG_WAIT_MILLIS}, until the read model has processed every missing step. */
    private void awaitReadModel(List<Entry> missing) {
        long deadline = System.nanoTime() + LAG_WAIT_MILLIS * 1_000_000;
        while (!processedAll(missing) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Each position checked, not only the newest: a late commit can sit below positions already processed. */
    private boolean processedAll(List<Entry> missing) {
        return missing.stream()
                .allMatch(entry -> readModels.hasProcessed(TimelineProjection.PROCESSING_GROUP, entry.position()));
    }

    /** The API's JSON shape, plus {@code proof} on every entry, {@code checkpoint}, and last the {@code seal}. */
    ObjectNode sealedJson(Checked checked) {
        Timeline timeline = checked.timeline();
        Proofs evidence = checked.proofs();
        ObjectNode document = json.valueToTree(timeline);
        for (String list : List.of("entries", "recordedLater")) {
            for (JsonNode entry : document.path(list)) {
                Proofs.InclusionProof proof =
                        evidence.byPosition().get(entry.path("position").asLong());
                ((ObjectNode) entry).set("proof", json.valueToTree(proof));
            }
        }
        document.set("checkpoint", json.valueToTree(evidence.checkpoint()));
        document.set("seal", json.valueToTree(proofs.seal(CanonicalJson.bytes(document))));
        return document;
    }

    byte[] pdf(Checked checked) {
        return TimelinePdf.render(checked.timeline(), checked.proofs(), words);
    }

    byte[] render(Checked checked, String format) {
        return switch (format) {
            case "json" -> json.writeValueAsBytes(sealedJson(checked));
            case "csv" -> TimelineCsv.render(checked.timeline()).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> pdf(checked);
            case "fhir" -> TimelineFhir.toJson(checked.timeline()).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("no exporter for " + format);
        };
    }

    private static List<Long> positions(Timeline timeline) {
        List<Long> positions = new ArrayList<>();
        timeline.entries().forEach(entry -> positions.add(entry.position()));
        timeline.recordedLater().forEach(entry -> positions.add(entry.position()));
        return positions;
    }
}
