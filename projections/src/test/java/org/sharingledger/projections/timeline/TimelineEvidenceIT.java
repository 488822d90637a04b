package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharingledger.evidence.api.ReadModelReplay;
import org.sharingledger.evidence.cli.EvidenceCommands;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.verifier.ExportVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Timeline exports carry their proof: every entry's event hash with an inclusion proof to a signed checkpoint, the
 * checkpoint, and the ledger's seal over the whole JSON; an export checks offline against a published checkpoint.
 */
class TimelineEvidenceIT extends IntegrationTest {

    private final String child = Scenario.uniqueNhsNumber();

    @Autowired
    private ReadModelReplay replay;

    private Scenario.Parties parties;
    private Credentials reviewer;
    private String grantId;
    private String key;

    @BeforeEach
    void aRefusalAndAShareAboutOneChild() {
        parties = scenario.parties();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        reviewer = scenario.user(null, "CASE_REVIEWER");
        String refused = request();
        assertThat(http.as(parties.holderPractitioner())
                        .post("/api/requests/" + refused + "/refusal", Scenario.refusal())
                        .status())
                .isEqualTo(200);
        String shared = request();
        assertThat(http.as(parties.holderPractitioner())
                        .post("/api/requests/" + shared + "/share", Scenario.share("PARTIAL"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> grant = new HashMap<>();
        grant.put("nhsNumber", child);
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Serious case review: Child B");
        grant.put("reason", "Commissioned by the Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        grantId = http.as(trust).post("/api/timeline-grants", grant).field("grantId");
        key = http.as(reviewer)
                .get("/api/ledger/key")
                .json()
                .path("verifierKey")
                .asString();
        awaitReadModels();
    }

    @Test
    void everyEntryCarriesItsEventHashAndAProofToTheSignedCheckpoint() {
        JsonNode timeline = query("application/json").json();

        assertThat(timeline.path("entries")).hasSize(4);
        long treeSize = timeline.path("checkpoint").path("treeSize").asLong();
        assertThat(treeSize).isPositive();
        assertThat(timeline.path("checkpoint").path("statement").asString()).contains("\n" + treeSize + "\n");
        timeline.path("entries").forEach(entry -> {
            JsonNode proof = entry.path("proof");
            assertThat(proof.path("treeSize").asLong()).isEqualTo(treeSize);
            assertThat(proof.path("eventHash").asString())
                    .isEqualTo(jdbc.queryForObject(
                            "select encode(event_hash, 'base64') from domain_event_entry where global_index = ?",
                            String.class,
                            entry.path("position").asLong()));
            assertThat(proof.path("auditPath")).isNotEmpty();
        });
        assertThat(timeline.path("seal").path("algorithm").asString()).isEqualTo("Ed25519");
    }

    @Test
    void anExportedTimelineVerifiesOfflineAgainstThePublishedCheckpoint() {
        String export = query("application/json").text();

        ExportVerifier.Result result = ExportVerifier.check(export, published(export), key, null);

        assertThat(result.findings()).as("findings").noneMatch(line -> line.startsWith("FAILED"));
        assertThat(result.verified()).isTrue();
        assertThat(result.findings()).anyMatch(line -> line.contains("each of the 4 events shown is in the signed"));
    }

    @Test
    void changingOneCharacterOfTheExportFailsTheCheck() {
        String export = query("application/json").text();
        String statement = published(export);
        String rationale = "A live investigation would be harmed";
        assertThat(export).contains(rationale);

        ExportVerifier.Result changedText = ExportVerifier.check(
                export.replace(rationale, "A live investigation would be harmeD"), statement, key, null);
        String otherCount = export.replaceFirst("\"requests\":2", "\"requests\":3");
        assertThat(otherCount).isNotEqualTo(export);
        ExportVerifier.Result changedNumber = ExportVerifier.check(otherCount, statement, key, null);

        assertThat(changedText.verified()).isFalse();
        assertThat(changedText.findings()).anyMatch(line -> line.contains("changed after export"));
        assertThat(changedNumber.verified()).isFalse();
    }

    @Test
    void anExportChecksAgainstALaterPublishedCheckpointWithAConsistencyProof() {
        String export = query("application/json").text();
        long exported = json(export).path("checkpoint").path("treeSize").asLong();
        request();
        JsonNode later = http.as(reviewer).get("/api/ledger/checkpoints/latest").json();
        String laterStatement = later.path("statement").asString();
        long laterSize = later.path("treeSize").asLong();
        assertThat(laterSize).isGreaterThan(exported);

        ExportVerifier.Result withoutProof = ExportVerifier.check(export, laterStatement, key, null);
        String proof = http.as(reviewer)
                .get("/api/ledger/consistency?from=" + exported + "&to=" + laterSize)
                .text();
        ExportVerifier.Result withProof = ExportVerifier.check(export, laterStatement, key, proof);

        assertThat(withoutProof.verified()).isFalse();
        assertThat(withoutProof.findings()).anyMatch(line -> line.contains("consistency proof"));
        assertThat(withProof.verified()).as(withProof.findings().toString()).isTrue();
    }

    @Test
    void theCommandLineCheckSaysVerifiedOrNotAndExitsAccordingly(@TempDir Path dir) throws IOException {
        String export = query("application/json").text();
        Path exportFile = Files.writeString(dir.resolve("timeline.json"), export);
        Path statement = Files.writeString(dir.resolve("checkpoint.txt"), published(export));
        Path changed = Files.writeString(dir.resolve("changed.json"), export.replace("PARTIAL", "FULL"));

        ByteArrayOutputStream good = new ByteArrayOutputStream();
        int verified = EvidenceCommands.run(
                new String[] {"verify-export", exportFile.toString(), statement.toString(), "--key", key},
                Map.of(),
                new PrintStream(good, true, StandardCharsets.UTF_8),
                System.err);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        int notVerified = EvidenceCommands.run(
                new String[] {"verify-export", changed.toString(), statement.toString(), "--key", key},
                Map.of(),
                new PrintStream(bad, true, StandardCharsets.UTF_8),
                System.err);
        int usage = EvidenceCommands.run(
                new String[] {"verify-export", exportFile.toString()},
                Map.of(),
                System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(verified).isZero();
        assertThat(good.toString(StandardCharsets.UTF_8)).contains("verified: this export is authentic");
        assertThat(notVerified).isEqualTo(1);
        assertThat(bad.toString(StandardCharsets.UTF_8)).contains("NOT VERIFIED");
        assertThat(usage).isEqualTo(2);
    }

    @Test
    void thePdfPrintsTheCheckpointAndEachStepsEventHash() throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("grantId", grantId);
        body.put("nhsNumber", child);
        body.put("reason", "Preparing the panel's chronology");
        byte[] pdf = http.as(reviewer).header("Accept", "application/pdf").postForBytes("/api/timelines/queries", body);
        long firstPosition = query("application/json")
                .json()
                .path("entries")
                .get(0)
                .path("position")
                .asLong();
        String firstHash = jdbc.queryForObject(
                "select encode(event_hash, 'base64') from domain_event_entry " + "where global_index = ?",
                String.class,
                firstPosition);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text =
                    new PDFTextStripper().getText(document).replace("\n", "").replace("\r", "");
            assertThat(text)
                    .contains("Proof that these steps are in the ledger")
                    .contains(firstHash);
        }
    }

    private String request() {
        Map<String, Object> body = Scenario.requestBody(parties.requester(), parties.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", child));
        return scenario.request(parties.requesterPractitioner(), body);
    }

    @Test
    void everyExportCarriesTheCountOfTheChildsStepsAtItsCheckpoint() throws IOException {
        JsonNode timeline = query("application/json").json();

        assertThat(timeline.path("eventsAtCheckpoint").asLong()).isEqualTo(4);
        assertThat(timeline.path("entries").size()
                        + timeline.path("recordedLater").size())
                .isEqualTo(4);
        assertThat(query("text/csv").text())
                .contains("EVENTS_AT_CHECKPOINT,,4,")
                .contains("the ledger holds 4 steps about this subject");
        assertThat(query("application/fhir+json").text()).contains("the ledger holds 4 steps about this subject");
        Map<String, Object> body = new HashMap<>();
        body.put("grantId", grantId);
        body.put("nhsNumber", child);
        body.put("reason", "Preparing the panel's chronology");
        byte[] bytes =
                http.as(reviewer).header("Accept", "application/pdf").postForBytes("/api/timelines/queries", body);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("the ledger holds 4 steps about this subject");
        }
    }

    @Test
    void aTimelineWhoseReadModelLostAStepIsNotExported() {
        String eventId = jdbc.queryForObject("""
                select e.event_id from timeline_entry e join timeline_request r on r.request_id = e.request_id
                where e.step = 'REFUSED' and r.requesting_agency_id = ?""", String.class, parties.requester());
        String row = jdbc.queryForObject(
                "select row_to_json(t)::text from timeline_entry t where event_id = ?", String.class, eventId);
        jdbc.update("delete from timeline_entry where event_id = ?", eventId);
        try {
            for (String accept :
                    new String[] {"application/json", "text/csv", "application/pdf", "application/fhir+json"}) {
                Response response = ask(accept);

                assertThat(response.status()).as(accept + ": " + response).isEqualTo(409);
                assertThat(response.text()).contains(eventId).contains("lacks 1 step");
            }
        } finally {
            jdbc.update(
                    "insert into timeline_entry select * from json_populate_record(null::timeline_entry, ?::json)",
                    row);
        }
    }

    @Test
    void aRequestWhoseEveryRowWasRemovedIsStillFoundInTheEvents() {
        String refused = jdbc.queryForObject("""
                select distinct e.request_id::text from timeline_entry e
                join timeline_request r on r.request_id = e.request_id
                where e.step = 'REFUSED' and r.requesting_agency_id = ?""", String.class, parties.requester());
        String request = jdbc.queryForObject(
                "select row_to_json(t)::text from timeline_request t where request_id = ?::uuid",
                String.class,
                refused);
        String entries = jdbc.queryForObject(
                "select json_agg(t)::text from timeline_entry t where request_id = ?::uuid", String.class, refused);
        jdbc.update("delete from timeline_entry where request_id = ?::uuid", refused);
        jdbc.update("delete from timeline_request where request_id = ?::uuid", refused);
        try {
            Response response = ask("application/json");

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.text()).contains("lacks 2 steps");
        } finally {
            jdbc.update(
                    "insert into timeline_request select * from json_populate_record(null::timeline_request, ?::json)",
                    request);
            jdbc.update(
                    "insert into timeline_entry select * from json_populate_recordset(null::timeline_entry, ?::json)",
                    entries);
        }
    }

    @Test
    void anExportsCheckReplaysOnlyTheSubjectsRequestsAndWhatTheyName() {
        Check check = check();
        assertThat(jdbc.queryForObject("select count(*) from timeline_request", Long.class))
                .isGreaterThan(2);

        Map<String, Object> replayed = replayedCounts(check);

        assertThat(replayed.get("requests")).isEqualTo(2L);
        assertThat(replayed.get("entries")).isEqualTo(4L);
        assertThat(replayed.get("agencies"))
                .isEqualTo(java.util.stream.Stream.of(parties.requester(), parties.holder())
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(",")));
        assertThat(replayed.get("actors"))
                .isEqualTo(java.util.stream.Stream.of(
                                parties.requesterPractitioner().username(),
                                parties.holderPractitioner().username())
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(",")));
    }

    /**
     * A check asked for inside another unit of work (by a handler) replays into its own tables all the same, and has
     * them written before its query reads them.
     */
    @Test
    void anExportsCheckAskedForInsideAnotherUnitOfWorkGivesTheSameAnswer() {
        Check check = check();
        Map<String, Object> alone = replayedCounts(check);

        DefaultUnitOfWork<?> handling = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        Map<String, Object> inside;
        try {
            inside = replayedCounts(check);
        } finally {
            handling.rollback();
        }

        assertThat(inside).isEqualTo(alone);
        assertThat(inside.get("entries")).isEqualTo(4L);
    }

    /** The checkpoint a fresh query is checked at, and the child the queries ask about. */
    private record Check(long treeSize, String pseudonym) {}

    private Check check() {
        long treeSize = query("application/json")
                .json()
                .path("checkpoint")
                .path("treeSize")
                .asLong();
        String pseudonym = jdbc.queryForObject(
                "select distinct subject_pseudonym from timeline_request where requesting_agency_id = ?",
                String.class,
                parties.requester());
        return new Check(treeSize, pseudonym);
    }

    /** What a check of the child's requests replays into the scratch tables, counted. */
    private Map<String, Object> replayedCounts(Check check) {
        return replay.atCheckpoint(
                TimelineProjection.PROCESSING_GROUP,
                check.treeSize(),
                ReadModelReplay.Requests.aboutChild(check.pseudonym()),
                () -> jdbc.queryForMap("""
                        select (select count(*) from timeline_request) as requests,
                            (select count(*) from timeline_entry) as entries,
                            (select string_agg(agency_id, ',' order by agency_id) from timeline_agency) as agencies,
                            (select string_agg(username, ',' order by username) from timeline_actor) as actors"""));
    }

    private Response query(String accept) {
        Response response = ask(accept);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Response ask(String accept) {
        Map<String, Object> body = new HashMap<>();
        body.put("grantId", grantId);
        body.put("nhsNumber", child);
        body.put("reason", "Preparing the panel's chronology");
        Response response = http.as(reviewer).header("Accept", accept).post("/api/timelines/queries", body);
        return response;
    }

    /** The checkpoint statement the Trust would have published: the one the export names, fetched on its own. */
    private String published(String export) {
        long treeSize = json(export).path("checkpoint").path("treeSize").asLong();
        Response statement =
                http.as(reviewer).header("Accept", "text/plain").get("/api/ledger/checkpoints/" + treeSize);
        assertThat(statement.status()).isEqualTo(200);
        return statement.text();
    }

    private static JsonNode json(String text) {
        return Http.JSON.readTree(text);
    }
}
