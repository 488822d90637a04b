package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One child, requests to five agencies with every kind of step, and a second child who must never appear.
 */
class TimelineIT extends IntegrationTest {

    /** This child, written with spaces as a practitioner might type it, and the same digits without. */
    private final String childDigits = Scenario.uniqueNhsNumber();

    private final String child =
            childDigits.substring(0, 3) + " " + childDigits.substring(3, 6) + " " + childDigits.substring(6);
    private final String otherChild = Scenario.uniqueNhsNumber();

    @Autowired
    EventStore eventStore;

    @Autowired
    SubjectPseudonyms pseudonyms;

    @Autowired
    PlatformTransactionManager transactions;

    private String csc;
    private Credentials socialWorker;
    private Credentials trust;
    private Credentials reviewer;
    private final Map<String, Credentials> holders = new HashMap<>();
    private final Map<String, Credentials> representatives = new HashMap<>();
    private final List<String> requestIds = new ArrayList<>();
    private Instant beforeAnything;
    private Instant afterFirstDecisions;

    @BeforeEach
    void aChildKnownToFiveAgencies() {
        beforeAnything = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        csc = scenario.agency("CHILDRENS_SOCIAL_CARE");
        socialWorker = scenario.user(csc, "PRACTITIONER");
        trust = scenario.user(null, "TRUST_REVIEWER");
        reviewer = scenario.user(null, "CASE_REVIEWER");
        for (String sector : new String[] {"POLICE", "EDUCATION", "HEALTH", "HOUSING", "VOLUNTARY_COMMUNITY"}) {
            String agency = scenario.agency(sector);
            holders.put(sector, scenario.user(agency, "PRACTITIONER"));
            representatives.put(sector, scenario.user(agency, "NOMINATED_REPRESENTATIVE"));
            holders.put(sector + "-id", new Credentials(agency, ""));
        }

        String police = request("POLICE", child, "ROUTINE");
        ok(http.as(holders.get("POLICE")).post(path(police, "/refusal"), Scenario.refusal()));
        String school = request("EDUCATION", childDigits, "ROUTINE");
        ok(http.as(holders.get("EDUCATION")).post(path(school, "/share"), Scenario.share("PARTIAL")));
        afterFirstDecisions = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String health = request("HEALTH", child, "ROUTINE");
        ok(http.as(holders.get("HEALTH")).post(path(health, "/refusal"), Scenario.refusal()));
        for (String stage : new String[] {"LINE_MANAGER", "NOMINATED_REPRESENTATIVE", "DATA_PROTECTION_OFFICER"}) {
            ok(http.as(socialWorker).post(path(health, "/escalations"), Map.of("stage", stage, "reason", "Needed")));
            ok(http.as(representatives.get("HEALTH"))
                    .post(
                            path(health, "/escalations/resolution"),
                            Map.of("outcome", "REFUSAL_UPHELD", "rationale", "Confidential")));
        }
        ok(http.as(socialWorker)
                .post(
                        path(health, "/escalations"),
                        Map.of("stage", "SAFEGUARDING_PARTNERSHIP", "reason", "Last resort")));
        ok(http.as(trust)
                .post(
                        path(health, "/escalations/resolution"),
                        Map.of(
                                "outcome",
                                "SHARED",
                                "rationale",
                                "The child's safety comes first",
                                "informationShared",
                                "Clinic notes",
                                "method",
                                "MEETING")));
        String housing = request("HOUSING", child, "ROUTINE");
        ok(http.as(socialWorker).post(path(housing, "/withdrawal"), Map.of("reason", "Found elsewhere")));
        String voluntary = request("VOLUNTARY_COMMUNITY", child, "EMERGENCY");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(socialWorker)
                                .get("/api/requests/" + voluntary)
                                .json()
                                .path("history")
                                .size()
                        == 2);
        ok(http.as(holders.get("VOLUNTARY_COMMUNITY")).post(path(voluntary, "/share"), Scenario.share("FULL")));
        request("POLICE", otherChild, "ROUTINE");
        awaitReadModels();
    }

    @Test
    void everyStepOfEveryRequestAboutTheChildInStoreOrder() {
        String grant = grant(Map.of("nhsNumber", child));

        JsonNode timeline = query(reviewer, grant, Map.of("nhsNumber", child)).json();

        List<String> steps = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        timeline.path("entries").forEach(entry -> {
            steps.add(entry.path("step").asString());
            positions.add(entry.path("position").asLong());
        });
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(steps)
                .containsExactly(
                        "REQUESTED",
                        "REFUSED",
                        "REQUESTED",
                        "PARTIALLY_SHARED",
                        "REQUESTED",
                        "REFUSED",
                        "ESCALATED",
                        "ESCALATION_RESOLVED",
                        "ESCALATED",
                        "ESCALATION_RESOLVED",
                        "ESCALATED",
                        "ESCALATION_RESOLVED",
                        "ESCALATED",
                        "ESCALATION_RESOLVED",
                        "REQUESTED",
                        "WITHDRAWN",
                        "REQUESTED",
                        "OVERDUE",
                        "SHARED");
        JsonNode summary = timeline.path("summary");
        assertThat(summary.path("requests").asLong())
                .as("the other child never appears")
                .isEqualTo(5);
        assertThat(summary.path("refused").asLong()).isEqualTo(2);
        assertThat(summary.path("partiallyShared").asLong()).isEqualTo(1);
        assertThat(summary.path("shared").asLong()).isEqualTo(1);
        assertThat(summary.path("escalations").asLong()).isEqualTo(4);
        assertThat(summary.path("overdue").asLong()).isEqualTo(1);
        assertThat(summary.path("agencies").asLong()).isEqualTo(6);
        assertThat(summary.path("medianHoursToDecision").isNumber()).isTrue();

        JsonNode refusal = timeline.path("entries").get(1);
        assertThat(refusal.path("holdingAgency").path("sector").asString()).isEqualTo("POLICE");
        assertThat(refusal.path("holdingAgency").path("name").asString()).startsWith("Agency ");
        assertThat(refusal.path("actor").path("username").asString())
                .isEqualTo(holders.get("POLICE").username());
        assertThat(refusal.path("actor").path("displayName").asString()).startsWith("User ");
        assertThat(refusal.path("actor").path("roles").get(0).asString()).isEqualTo("PRACTITIONER");
        assertThat(refusal.path("reason").path("code").asString()).isEqualTo("WOULD_PREJUDICE_INVESTIGATION");
        assertThat(refusal.path("reason").path("text").asString()).isNotBlank();
        assertThat(refusal.path("rationale").asString()).isNotBlank();
        assertThat(refusal.path("description").asString()).contains("refused");
        assertThat(refusal.path("dueMet").asBoolean()).isTrue();
        JsonNode request = timeline.path("entries").get(0);
        assertThat(request.path("purpose").asString()).isEqualTo("CHILD_PROTECTION_ENQUIRY");
        assertThat(request.path("consent").path("status").asString()).isEqualTo("NOT_SOUGHT");
        assertThat(request.path("consent").path("detail").asString()).isNotBlank();
        assertThat(request.path("informationSought").asString()).isNotBlank();
        assertThat(request.path("eventId").asString()).isNotBlank();
        JsonNode lateShare = timeline.path("entries").get(18);
        assertThat(lateShare.path("dueMet").asBoolean())
                .as("decided after it became overdue")
                .isFalse();
        assertThat(timeline.path("entries")
                        .get(17)
                        .path("actor")
                        .path("username")
                        .asString())
                .isEqualTo("system");
        assertThat(timeline.toString()).doesNotContain(childDigits).doesNotContain(child);
    }

    @Test
    void asKnownAtShowsOnlyWhatHadBeenRecordedThen() {
        String grant = grant(Map.of("nhsNumber", child));

        JsonNode before = query(reviewer, grant, Map.of("nhsNumber", child, "asOf", beforeAnything.toString()))
                .json();
        JsonNode between = query(reviewer, grant, Map.of("nhsNumber", child, "asOf", afterFirstDecisions.toString()))
                .json();
        JsonNode after = query(reviewer, grant, Map.of("nhsNumber", child)).json();

        assertThat(before.path("entries").size()).isZero();
        assertThat(before.path("summary").path("requests").asLong()).isZero();
        assertThat(between.path("entries"))
                .extracting(e -> e.path("step").asString())
                .containsExactly("REQUESTED", "REFUSED", "REQUESTED", "PARTIALLY_SHARED");
        assertThat(between.path("asOf").asString()).isEqualTo(afterFirstDecisions.toString());
        assertThat(after.path("entries").size()).isEqualTo(19);
    }

    @Test
    void aDecisionRecordedDaysAfterItHappenedIsFlaggedAndListedApartWhenAskedAsOfBefore() {
        String id = UUID.randomUUID().toString();
        Instant requested = Instant.now().minus(Duration.ofDays(6));
        Instant decided = requested.plus(Duration.ofDays(1));
        Instant recorded = Instant.now();
        String pseudonym = pseudonyms.of(NhsNumber.parse(child).orElseThrow());
        String police = holders.get("POLICE-id").username();
        MetaData actor = MetaData.from(Map.of(
                ActorMetaData.USERNAME,
                holders.get("POLICE").username(),
                ActorMetaData.AGENCY_ID,
                police,
                ActorMetaData.ROLES,
                "PRACTITIONER"));
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> eventStore.publish(List.of(
                        new GenericDomainEventMessage<>(
                                "SharingRequest",
                                id,
                                0,
                                new InformationRequested(
                                        id,
                                        csc,
                                        police,
                                        pseudonym,
                                        SubjectKind.NHS_NUMBER,
                                        null,
                                        Purpose.CHILD_PROTECTION_ENQUIRY,
                                        "s47",
                                        LawfulBasis.PUBLIC_TASK,
                                        new Consent(ConsentStatus.NOT_SOUGHT, "risk"),
                                        Urgency.ROUTINE,
                                        "records",
                                        requested,
                                        requested.plus(Duration.ofDays(10)),
                                        null,
                                        null),
                                actor),
                        new GenericDomainEventMessage<>(
                                "SharingRequest",
                                id,
                                1,
                                new InformationRefused(
                                        id,
                                        csc,
                                        police,
                                        Reason.STATUTORY_BAR,
                                        "Decided by telephone",
                                        null,
                                        recorded,
                                        decided,
                                        false,
                                        null),
                                actor))));
        awaitReadModels();
        String grant = grant(Map.of("nhsNumber", child));

        JsonNode now = query(reviewer, grant, Map.of("nhsNumber", child)).json();
        JsonNode thatWeek = query(
                        reviewer,
                        grant,
                        Map.of(
                                "nhsNumber",
                                child,
                                "asOf",
                                decided.plus(Duration.ofHours(1)).toString()))
                .json();

        JsonNode late = null;
        for (JsonNode entry : now.path("entries")) {
            if (entry.path("requestId").asString().equals(id)
                    && entry.path("step").asString().equals("REFUSED")) {
                late = entry;
            }
        }
        assertThat(late).isNotNull();
        assertThat(Duration.parse(late.path("lateBy").asString())).isGreaterThan(Duration.ofDays(4));
        assertThat(thatWeek.path("entries"))
                .extracting(e -> e.path("step").asString())
                .containsExactly("REQUESTED");
        assertThat(thatWeek.path("recordedLater"))
                .extracting(e -> e.path("step").asString())
                .containsExactly("REFUSED");
    }

    @Test
    void aGrantForACaseReferenceShowsThatCaseOnly() {
        Map<String, Object> body =
                Scenario.requestBody(csc, holders.get("HEALTH-id").username(), "ROUTINE");
        body.put("caseReference", "CASE-SCR-" + UUID.randomUUID().toString().substring(0, 6));
        scenario.request(socialWorker, body);
        awaitReadModels();
        String grant = grant(Map.of("caseReference", (String) body.get("caseReference"), "agencyId", csc));

        JsonNode timeline = query(
                        reviewer, grant, Map.of("caseReference", (String) body.get("caseReference"), "agencyId", csc))
                .json();

        assertThat(timeline.path("entries"))
                .extracting(e -> e.path("step").asString())
                .containsExactly("REQUESTED");
        assertThat(query(reviewer, grant, Map.of("nhsNumber", child)).status()).isEqualTo(403);
    }

    @Test
    void aCaseReferenceTimelineWhoseReadModelLostAStepIsNotExported() {
        String reference = "CASE-SCR-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> ours =
                Scenario.requestBody(csc, holders.get("HEALTH-id").username(), "ROUTINE");
        ours.put("caseReference", reference);
        String request = scenario.request(socialWorker, ours);
        awaitReadModels();
        String grant = grant(Map.of("caseReference", reference, "agencyId", csc));
        Map<String, String> subject = Map.of("caseReference", reference, "agencyId", csc);
        assertThat(query(reviewer, grant, subject)
                        .json()
                        .path("eventsAtCheckpoint")
                        .asLong())
                .isEqualTo(1);
        String row = jdbc.queryForObject(
                "select row_to_json(t)::text from timeline_entry t where request_id = ?::uuid", String.class, request);
        jdbc.update("delete from timeline_entry where request_id = ?::uuid", request);
        try {
            Response response = query(reviewer, grant, subject);

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.text()).contains("lacks 1 step");
        } finally {
            jdbc.update(
                    "insert into timeline_entry select * from json_populate_record(null::timeline_entry, ?::json)",
                    row);
        }
    }

    @Test
    void aCaseReferenceIsTheAgencysOwnSoAnotherAgencyReusingItAddsNothingToTheCase() {
        String reference = "CASE-SCR-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> ours =
                Scenario.requestBody(csc, holders.get("HEALTH-id").username(), "ROUTINE");
        ours.put("caseReference", reference);
        scenario.request(socialWorker, ours);
        // The police, about another child, happen to (or mean to) use the same reference.
        Map<String, Object> theirs =
                Scenario.requestBody(holders.get("POLICE-id").username(), csc, "ROUTINE");
        theirs.put("subject", Map.of("nhsNumber", otherChild));
        theirs.put("caseReference", reference);
        scenario.request(holders.get("POLICE"), theirs);
        awaitReadModels();
        String grant = grant(Map.of("caseReference", reference, "agencyId", csc));

        JsonNode timeline = query(reviewer, grant, Map.of("caseReference", reference, "agencyId", csc))
                .json();
        Response policeCase = query(
                reviewer,
                grant,
                Map.of(
                        "caseReference",
                        reference,
                        "agencyId",
                        holders.get("POLICE-id").username()));
        Response noAgency = query(reviewer, grant, Map.of("caseReference", reference));

        assertThat(timeline.path("entries")).hasSize(1);
        assertThat(timeline.path("entries").get(0).path("requestingAgency").toString())
                .contains(csc);
        assertThat(policeCase.status())
                .as("the grant is for the social care's case only")
                .isEqualTo(403);
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.errorFields()).containsExactly("agencyId");
    }

    @Test
    void withoutALiveGrantForThisChildTheAnswerIs403AndTheAttemptIsRecorded() {
        String otherChildGrant = grant(Map.of("nhsNumber", otherChild));
        String revoked = grant(Map.of("nhsNumber", child));
        ok(http.as(trust).post("/api/timeline-grants/" + revoked + "/revocation", Map.of("reason", "Done")));
        Credentials anotherReviewer = scenario.user(null, "CASE_REVIEWER");
        String mine = grant(Map.of("nhsNumber", child));
        long denied = events("AccessDenied");
        long queried = events("TimelineQueried");

        assertThat(query(reviewer, UUID.randomUUID().toString(), Map.of("nhsNumber", child))
                        .status())
                .as("no such grant")
                .isEqualTo(403);
        assertThat(query(reviewer, otherChildGrant, Map.of("nhsNumber", child)).status())
                .as("a grant for another child")
                .isEqualTo(403);
        assertThat(query(reviewer, revoked, Map.of("nhsNumber", child)).status())
                .as("revoked")
                .isEqualTo(403);
        assertThat(query(anotherReviewer, mine, Map.of("nhsNumber", child)).status())
                .as("someone else's grant")
                .isEqualTo(403);
        assertThat(query(socialWorker, mine, Map.of("nhsNumber", child)).status())
                .as("not a reviewer")
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 5);
        assertThat(events("TimelineQueried")).isEqualTo(queried);
    }

    @Test
    void anExpiredGrantIs403() {
        Map<String, Object> body = grantBody(Map.of("nhsNumber", child));
        body.put("validUntil", Instant.now().plusSeconds(2).toString());
        String grant = http.as(trust).post("/api/timeline-grants", body).field("grantId");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now()
                        .isAfter(Instant.parse((String) body.get("validUntil")).plusMillis(100)));

        assertThat(query(reviewer, grant, Map.of("nhsNumber", child)).status()).isEqualTo(403);
    }

    @Test
    void everyQueryIsRecordedAndEachInvolvedAgencySeesIt() {
        String grant = grant(Map.of("nhsNumber", child));
        long queried = events("TimelineQueried");

        ok(query(reviewer, grant, Map.of("nhsNumber", child)));
        ok(query(reviewer, grant, Map.of("nhsNumber", child, "asOf", afterFirstDecisions.toString())));

        assertThat(events("TimelineQueried")).isEqualTo(queried + 2);
        String police = holders.get("POLICE-id").username();
        JsonNode access = http.as(representatives.get("POLICE"))
                .get("/api/agencies/" + police + "/timeline-access")
                .json();
        assertThat(access.size()).isEqualTo(2);
        assertThat(access.get(0).path("reviewer").asString()).isEqualTo(reviewer.username());
        assertThat(access.get(0).path("grantId").asString()).isEqualTo(grant);
        assertThat(access.get(0).path("reason").asString()).isEqualTo("Preparing the panel's chronology");
        assertThat(access)
                .extracting(row -> row.path("asOf").asString())
                .containsExactlyInAnyOrder("", afterFirstDecisions.toString());
        assertThat(http.as(holders.get("POLICE"))
                        .get("/api/agencies/" + police + "/timeline-access")
                        .status())
                .as("a practitioner")
                .isEqualTo(403);
        assertThat(http.as(representatives.get("HEALTH"))
                        .get("/api/agencies/" + police + "/timeline-access")
                        .status())
                .as("another agency's representative")
                .isEqualTo(403);
    }

    @Test
    void theSameTimelineComesAsCsvPdfAndFhirAndEachExportIsARecordedQuery() throws Exception {
        String grant = grant(Map.of("nhsNumber", child));
        long queried = events("TimelineQueried");
        Map<String, Object> body = new HashMap<>(Map.of("nhsNumber", child, "grantId", grant, "reason", "Panel pack"));

        Response csv = http.as(reviewer).header("Accept", "text/csv").post("/api/timelines/queries", body);
        Response pdf = http.as(reviewer).header("Accept", "application/pdf").post("/api/timelines/queries", body);
        Response fhir =
                http.as(reviewer).header("Accept", "application/fhir+json").post("/api/timelines/queries", body);
        Response png = http.as(reviewer).header("Accept", "image/png").post("/api/timelines/queries", body);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().lines().count())
                .as("a header, one row per step and the count of steps at the checkpoint")
                .isEqualTo(21);
        assertThat(csv.header("X-Timeline-Digest")).startsWith("sha256=");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.json().path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(fhir.json().path("entry").size()).isEqualTo(19);
        assertThat(fhir.json()
                        .path("entry")
                        .get(0)
                        .path("resource")
                        .path("resourceType")
                        .asString())
                .isEqualTo("AuditEvent");
        assertThat(fhir.text()).doesNotContain(childDigits);
        assertThat(png.status()).isEqualTo(406);
        assertThat(events("TimelineQueried"))
                .as("csv, pdf and fhir, not the refused png")
                .isEqualTo(queried + 3);
        assertThat(jdbc.queryForList(
                        "select convert_from(payload, 'UTF8') from domain_event_entry "
                                + "where payload_type like '%TimelineQueried' order by global_index desc limit 3",
                        String.class))
                .anyMatch(payload -> payload.contains("\"format\":\"pdf\""))
                .anyMatch(payload -> payload.contains("\"format\":\"csv\""))
                .anyMatch(payload -> payload.contains("\"format\":\"fhir\""));
    }

    @Test
    void invalidQueriesAre400() {
        String grant = grant(Map.of("nhsNumber", child));
        Map<String, Object> noReason = new HashMap<>(Map.of("grantId", grant, "nhsNumber", child));
        assertThat(http.as(reviewer).post("/api/timelines/queries", noReason).errorFields())
                .containsExactly("reason");
        String wrongCheckDigit = childDigits.substring(0, 9) + ((childDigits.charAt(9) - '0' + 1) % 10);
        assertThat(query(reviewer, grant, Map.of("nhsNumber", wrongCheckDigit)).errorFields())
                .containsExactly("nhsNumber");
        assertThat(query(reviewer, grant, Map.of("nhsNumber", child, "caseReference", "X"))
                        .errorFields())
                .containsExactly("subject");
        assertThat(query(
                                reviewer,
                                grant,
                                Map.of(
                                        "nhsNumber",
                                        child,
                                        "asOf",
                                        Instant.now().plusSeconds(3600).toString()))
                        .errorFields())
                .containsExactly("asOf");
    }

    private String request(String sector, String nhsNumber, String urgency) {
        Map<String, Object> body =
                Scenario.requestBody(csc, holders.get(sector + "-id").username(), urgency);
        body.put("subject", Map.of("nhsNumber", nhsNumber));
        String id = scenario.request(socialWorker, body);
        requestIds.add(id);
        return id;
    }

    private Map<String, Object> grantBody(Map<String, String> subject) {
        Map<String, Object> body = new HashMap<>(subject);
        body.put("reviewer", reviewer.username());
        body.put("review", "Serious case review: Child A");
        body.put("reason", "Commissioned by the Safeguarding Children Board");
        body.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        return body;
    }

    private String grant(Map<String, String> subject) {
        Response response = http.as(trust).post("/api/timeline-grants", grantBody(subject));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("grantId");
    }

    private Response query(Credentials who, String grantId, Map<String, String> subject) {
        Map<String, Object> body = new HashMap<>(subject);
        body.put("grantId", grantId);
        body.put("reason", "Preparing the panel's chronology");
        return http.as(who).post("/api/timelines/queries", body);
    }

    private static String path(String requestId, String step) {
        return "/api/requests/" + requestId + step;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
