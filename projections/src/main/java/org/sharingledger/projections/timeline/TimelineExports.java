package org.sharingledger.projections.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sharingledger.evidence.api.CanonicalJson;
import org.sharingledger.evidence.api.LedgerProofs;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A timeline in each of its forms, for the API and the reviewers' page alike. The JSON and PDF forms carry their
 * evidence: each entry's event hash with an inclusion proof to a freshly signed checkpoint, and the checkpoint
 * itself; the JSON form is also sealed (signed whole) by the ledger, so that changing any character of it shows.
 */
@Component
class TimelineExports {

    private final LedgerProofs proofs;
    private final JsonMapper json;
    private final Vocabulary words;

    TimelineExports(LedgerProofs proofs, JsonMapper json, Vocabulary words) {
        this.proofs = proofs;
        this.json = json;
        this.words = words;
    }

    /** The API's JSON shape, plus {@code proof} on every entry, {@code checkpoint}, and last the {@code seal}. */
    ObjectNode sealedJson(Timeline timeline) {
        Proofs evidence = proofs.prove(positions(timeline));
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

    byte[] pdf(Timeline timeline) {
        return TimelinePdf.render(timeline, proofs.prove(positions(timeline)), words);
    }

    byte[] render(Timeline timeline, String format) {
        return switch (format) {
            case "json" -> json.writeValueAsBytes(sealedJson(timeline));
            case "csv" -> TimelineCsv.render(timeline).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> pdf(timeline);
            case "fhir" -> TimelineFhir.toJson(timeline).getBytes(StandardCharsets.UTF_8);
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
