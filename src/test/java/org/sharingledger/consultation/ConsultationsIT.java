package org.sharingledger.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.sharingledger.notification.api.NotificationSent;
import org.sharingledger.support.GovernanceIntegrationTest;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.Mail;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Consultations through the JSON API on the real database: every step, its bad inputs, 401, 403, 404 and 409. */
class ConsultationsIT extends GovernanceIntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void theTrustOpensAConsultationCirculatedToEveryAgencySignedAtThatMoment() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        String withdrawn = scenario.agency("HOUSING");
        withdraw(withdrawn);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        long signed = signedAgencies();

        Response opened = http.as(trust).post("/api/consultations", consultation(version(), soon(Duration.ofDays(14))));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.field("consultationId");
        assertThat(opened.header("Location")).isEqualTo("/api/consultations/" + id);
        assertThat(opened.field("status")).isEqualTo("OPEN");
        assertThat(opened.json().path("circulatedTo").asLong()).isEqualTo(signed);
        JsonNode one = http.as(scenario.user(school, "PRACTITIONER"))
                .get("/api/consultations/" + id)
                .json();
        assertThat(one.path("status").asString()).isEqualTo("OPEN");
        assertThat(one.path("circulatedTo").asLong()).isEqualTo(signed);
        assertThat(one.path("tally").path("AWAITING").asLong()).isEqualTo(signed);
        assertThat(agencyIds(one)).contains(school, police).doesNotContain(withdrawn);
        assertThat(standing(one, school).path("response").asString()).isEqualTo("AWAITING");
        assertThat(standing(one, school).path("name").asString()).isEqualTo("Agency " + school);
    }

    @Test
    void circulatedAgenciesAnswerChangeTheirAnswersAndDiscussInOrder() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        String health = scenario.agency("HEALTH");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials healthRep = scenario.user(health, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, version(), soon(Duration.ofDays(14)));

        assertThat(answer(schoolRep, id, school, "AGREE", null).status()).isEqualTo(200);
        assertThat(answer(policeRep, id, police, "OBJECT", "Section 4 conflicts with our guidance")
                        .status())
                .isEqualTo(200);
        assertThat(answer(healthRep, id, health, "WITHDRAW", "Our board declined")
                        .status())
                .isEqualTo(200);
        assertThat(answer(healthRep, id, health, "AGREE", null).status()).isEqualTo(200);
        assertThat(http.as(trust)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", "Section 4 is explained below"))
                        .status())
                .isEqualTo(200);
        assertThat(http.as(policeRep)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", "Thank you, still objecting"))
                        .status())
                .isEqualTo(200);

        JsonNode one = http.as(policeRep).get("/api/consultations/" + id).json();
        assertThat(one.path("tally").path("AGREE").asInt()).isEqualTo(2);
        assertThat(one.path("tally").path("OBJECT").asInt()).isEqualTo(1);
        assertThat(one.path("tally").path("WITHDRAW").asInt()).isZero();
        assertThat(one.path("tally").path("AWAITING").asInt())
                .isEqualTo(one.path("circulatedTo").asInt() - 3);
        assertThat(standing(one, police).path("comments").asString())
                .isEqualTo("Section 4 conflicts with our guidance");
        JsonNode healthStanding = standing(one, health);
        assertThat(healthStanding.path("response").asString()).isEqualTo("AGREE");
        assertThat(healthStanding.path("history"))
                .extracting(answer -> answer.path("response").asString())
                .containsExactly("WITHDRAW", "AGREE");
        assertThat(one.path("comments"))
                .extracting(comment -> comment.path("text").asString())
                .containsExactly("Section 4 is explained below", "Thank you, still objecting");
        assertThat(one.path("comments").get(0).path("agencyId").isNull()).isTrue();
        assertThat(one.path("comments").get(1).path("agencyId").asString()).isEqualTo(police);
        assertThat(one.path("comments").get(1).path("name").asString()).isEqualTo("Agency " + police);

        Response circulatedToSchool = http.as(schoolRep).get("/api/consultations?agencyId=" + school + "&status=OPEN");
        assertThat(circulatedToSchool.json())
                .extracting(c -> c.path("consultationId").asString())
                .contains(id);
        assertThat(circulatedToSchool.header("X-Total-Count")).isNotNull();
        assertThat(http.as(schoolRep).get("/api/consultations?status=ADOPTED").json())
                .extracting(c -> c.path("consultationId").asString())
                .doesNotContain(id);
    }

    @Test
    void atRespondByTheSilentAreDeemedToAgreeAndTheTrustAdoptsOnce() {
        String school = scenario.agency("EDUCATION");
        String youth = scenario.agency("VOLUNTARY_COMMUNITY");
        String silent = scenario.agency("HEALTH");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials youthRep = scenario.user(youth, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String version = version();
        String id = open(trust, version, soon(Duration.ofSeconds(4)));
        answer(schoolRep, id, school, "AGREE", null);
        answer(youthRep, id, youth, "WITHDRAW", "We no longer share routinely");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(http.as(trust)
                        .post("/api/consultations/" + id + "/adoption", Map.of("adoptedOn", today.toString()))
                        .status())
                .as("not before it closes")
                .isEqualTo(409);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "CLOSED"
                        .equals(http.as(trust).get("/api/consultations/" + id).field("status")));
        JsonNode closed = http.as(trust).get("/api/consultations/" + id).json();
        assertThat(standing(closed, school).path("response").asString()).isEqualTo("AGREE");
        assertThat(standing(closed, youth).path("response").asString()).isEqualTo("WITHDRAW");
        assertThat(standing(closed, silent).path("response").asString()).isEqualTo("DEEMED_AGREED");
        assertThat(closed.path("tally").path("AWAITING").asInt()).isZero();
        assertThat(closed.path("tally").path("DEEMED_AGREED").asInt())
                .isEqualTo(closed.path("circulatedTo").asInt() - 2);
        assertThat(answer(schoolRep, id, school, "OBJECT", "Too late").status())
                .as("no answer after respondBy")
                .isEqualTo(409);

        assertThat(http.as(trust)
                        .post(
                                "/api/consultations/" + id + "/adoption",
                                Map.of("adoptedOn", today.minusDays(1).toString()))
                        .errorFields())
                .as("not before it opened")
                .containsExactly("adoptedOn");
        assertThat(http.as(trust)
                        .post(
                                "/api/consultations/" + id + "/adoption",
                                Map.of("adoptedOn", today.plusDays(1).toString()))
                        .errorFields())
                .as("not in the future")
                .containsExactly("adoptedOn");
        assertThat(http.as(scenario.user(null, "ADMIN"))
                        .post("/api/consultations/" + id + "/adoption", Map.of("adoptedOn", today.toString()))
                        .status())
                .as("the Trust adopts")
                .isEqualTo(403);
        Response adopted = http.as(trust)
                .post(
                        "/api/consultations/" + id + "/adoption",
                        Map.of("adoptedOn", today.toString(), "note", "Adopted at the Trust board"));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(adopted.field("status")).isEqualTo("ADOPTED");
        JsonNode one = http.as(trust).get("/api/consultations/" + id).json();
        assertThat(one.path("status").asString()).isEqualTo("ADOPTED");
        assertThat(one.path("adoptedOn").asString()).isEqualTo(today.toString());
        assertThat(jdbc.queryForObject(
                        "select consultation_id from code_version where code_version = ?", String.class, version))
                .isEqualTo(id);
        assertThat(http.as(trust)
                        .post("/api/consultations/" + id + "/adoption", Map.of("adoptedOn", today.toString()))
                        .status())
                .as("only once")
                .isEqualTo(409);
        assertThat(http.as(trust)
                        .post("/api/consultations", consultation(version, soon(Duration.ofDays(14))))
                        .status())
                .as("an adopted version is not consulted on again")
                .isEqualTo(409);
        assertThat(http.as(trust)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", "After adoption"))
                        .status())
                .isEqualTo(409);

        JsonNode verification =
                http.as(Scenario.ADMIN).get("/api/ledger/verification").json();
        assertThat(verification.path("problems"))
                .as("the consultations' tables are exactly what their events make them")
                .noneSatisfy(
                        problem -> assertThat(problem.path("table").asString()).startsWith("consultation_"));
    }

    @Test
    void everyCirculatedAgencyIsMailedWhenItOpensAndEachSilentOneWhenItCloses() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        String schoolInbox = Scenario.unique("school-inbox") + "@school.example";
        String policeInbox = Scenario.unique("police-inbox") + "@police.example";
        setAddress(school, schoolInbox);
        setAddress(police, policeInbox);
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, version(), soon(Duration.ofSeconds(4)));
        answer(schoolRep, id, school, "AGREE", null);

        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Mail.to(policeInbox).size() == 2);
        assertThat(Mail.to(schoolInbox)).hasSize(1);
        Mail.Received opened = Mail.to(schoolInbox).get(0);
        assertThat(opened.subject()).isEqualTo("New version of the Code for your answer: Agency " + school);
        assertThat(opened.text())
                .contains("Title: From Protocol to Code of Practice")
                .contains("Answer by: ")
                .contains("deemed to agree")
                .contains("http://localhost:8080/consultations/" + id);
        assertThat(Mail.to(policeInbox))
                .extracting(Mail.Received::subject)
                .containsExactly(
                        "New version of the Code for your answer: Agency " + police,
                        "Consultation closed: your agency is deemed to agree: Agency " + police);
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        // Each mail is recorded just after the mail server accepts it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.as(policeRep)
                                .get("/api/agencies/" + police + "/notifications")
                                .json()
                                .path("totalItems")
                                .asInt()
                        == 2);
        JsonNode told = http.as(policeRep)
                .get("/api/agencies/" + police + "/notifications")
                .json();
        assertThat(told.path("items"))
                .extracting(item -> item.path("step").asString())
                .containsExactlyInAnyOrder("CONSULTATION_OPENED", "CONSULTATION_CLOSED");
        assertThat(told.path("items"))
                .allSatisfy(item ->
                        assertThat(item.path("consultationId").asString()).isEqualTo(id))
                .allSatisfy(item -> assertThat(item.path("requestId").isNull()).isTrue());

        // A NotificationSent stored before consultations existed has no consultationId: it still loads, as null.
        Map<String, Object> row = jdbc.queryForMap(
                """
                select payload, payload_type, payload_revision from domain_event_entry
                where aggregate_identifier = ?""", told.path("items").get(0).path("notificationId").asString());
        ObjectNode old = (ObjectNode) Http.JSON.readTree((byte[]) row.get("payload"));
        old.remove("consultationId");
        NotificationSent before = eventSerializer.deserialize(new SimpleSerializedObject<>(
                old.toString().getBytes(StandardCharsets.UTF_8),
                byte[].class,
                (String) row.get("payload_type"),
                (String) row.get("payload_revision")));
        assertThat(before.consultationId()).isNull();
        assertThat(before.agencyId()).isEqualTo(police);
    }

    @Test
    void badInputsAre400AndRecordNothing() {
        String school = scenario.agency("EDUCATION");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, version(), soon(Duration.ofDays(14)));
        long before = events();

        Map<String, Object> missing = consultation(version(), soon(Duration.ofDays(14)));
        missing.remove("title");
        missing.put("codeVersion", "not a version!");
        assertThat(http.as(trust).post("/api/consultations", missing).errorFields())
                .containsExactlyInAnyOrder("codeVersion", "title");
        assertThat(http.as(trust)
                        .post("/api/consultations", consultation(version(), soon(Duration.ofMillis(500))))
                        .errorFields())
                .as("less than the minimum notice")
                .containsExactly("respondBy");
        Map<String, Object> unknown = consultation(version(), soon(Duration.ofDays(14)));
        unknown.put("quorum", 60);
        assertThat(http.as(trust).post("/api/consultations", unknown).errorFields())
                .containsExactly("quorum");
        Map<String, Object> badDate = consultation(version(), soon(Duration.ofDays(14)));
        badDate.put("respondBy", "next week");
        assertThat(http.as(trust).post("/api/consultations", badDate).status()).isEqualTo(400);
        assertThat(http.as(trust).post("/api/consultations", "{").status()).isEqualTo(400);
        assertThat(answer(schoolRep, id, school, "OBJECT", null).errorFields()).containsExactly("comments");
        assertThat(answer(schoolRep, id, school, "MAYBE", null).status()).isEqualTo(400);
        assertThat(http.as(schoolRep)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", " "))
                        .errorFields())
                .containsExactly("text");
        assertThat(http.as(schoolRep)
                        .post("/api/consultations/not-a-uuid/comments", Map.of("text", "Hello"))
                        .status())
                .isEqualTo(400);
        assertThat(http.as(trust)
                        .post("/api/consultations/" + id + "/adoption", Map.of())
                        .errorFields())
                .containsExactly("adoptedOn");
        assertThat(events()).isEqualTo(before);
        assertThat(http.as(schoolRep).get("/api/consultations?status=PENDING").status())
                .isEqualTo(400);
        assertThat(http.as(schoolRep).get("/api/consultations?size=0").status()).isEqualTo(400);
    }

    @Test
    void anUnknownConsultationIs404() {
        String school = scenario.agency("EDUCATION");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String unknown = UUID.randomUUID().toString();

        assertThat(http.as(schoolRep).get("/api/consultations/" + unknown).status())
                .isEqualTo(404);
        assertThat(answer(schoolRep, unknown, school, "AGREE", null).status()).isEqualTo(404);
    }

    @Test
    void signingInIsRequired() {
        assertThat(http.anonymous().get("/api/consultations").status()).isEqualTo(401);
        assertThat(http.anonymous()
                        .post("/api/consultations", consultation(version(), soon(Duration.ofDays(14))))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void eachStepIsTakenOnlyByWhoMay() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials schoolPractitioner = scenario.user(school, "PRACTITIONER");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials admin = scenario.user(null, "ADMIN");
        long before = events("ConsultationOpened");

        assertThat(http.as(schoolRep)
                        .post("/api/consultations", consultation(version(), soon(Duration.ofDays(14))))
                        .status())
                .isEqualTo(403);
        assertThat(events("ConsultationOpened")).isEqualTo(before);
        Response byAdmin =
                http.as(admin).post("/api/consultations", consultation(version(), soon(Duration.ofDays(14))));
        assertThat(byAdmin.status()).as("an ADMIN may open one too").isEqualTo(201);
        String id = byAdmin.field("consultationId");

        assertThat(answer(policeRep, id, school, "AGREE", null).status())
                .as("another agency's representative")
                .isEqualTo(403);
        assertThat(answer(schoolPractitioner, id, school, "AGREE", null).status())
                .as("a practitioner")
                .isEqualTo(403);
        assertThat(answer(trust, id, school, "AGREE", null).status()).isEqualTo(403);
        assertThat(http.as(schoolPractitioner)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", "Hello"))
                        .status())
                .isEqualTo(403);

        String late = scenario.agency("HEALTH");
        Credentials lateRep = scenario.user(late, "NOMINATED_REPRESENTATIVE");
        assertThat(answer(lateRep, id, late, "AGREE", null).status())
                .as("an agency signed after it opened was not circulated")
                .isEqualTo(409);
        assertThat(http.as(lateRep)
                        .post("/api/consultations/" + id + "/comments", Map.of("text", "May we join?"))
                        .status())
                .isEqualTo(403);
        assertThat(answer(schoolRep, id, school, "AGREE", null).status()).isEqualTo(200);
    }

    @Test
    void aVersionUnderConsultationIsNotOpenedTwiceEvenAtOnce() {
        scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String version = version();
        open(trust, version, soon(Duration.ofDays(14)));
        assertThat(http.as(trust)
                        .post("/api/consultations", consultation(version, soon(Duration.ofDays(14))))
                        .status())
                .isEqualTo(409);

        String together = version();
        List<CompletableFuture<Response>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(CompletableFuture.supplyAsync(() ->
                    http.as(trust).post("/api/consultations", consultation(together, soon(Duration.ofDays(14))))));
        }
        assertThat(both.stream().map(CompletableFuture::join).map(Response::status))
                .containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from consultation_view where code_version = ?", Long.class, together))
                .isEqualTo(1);
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyOpensOnce() {
        scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Map<String, Object> body = consultation(version(), soon(Duration.ofDays(14)));
        String key = UUID.randomUUID().toString();

        Response first = http.as(trust).header("Idempotency-Key", key).post("/api/consultations", body);
        Response retry = http.as(trust).header("Idempotency-Key", key).post("/api/consultations", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from consultation_view where code_version = ?",
                        Long.class,
                        body.get("codeVersion")))
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private String open(Credentials trust, String version, Instant respondBy) {
        Response opened = http.as(trust).post("/api/consultations", consultation(version, respondBy));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("consultationId");
    }

    private Response answer(Credentials by, String id, String agencyId, String response, String comments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("response", response);
        if (comments != null) {
            body.put("comments", comments);
        }
        return http.as(by).post("/api/consultations/" + id + "/responses", body);
    }

    private void setAddress(String agencyId, String email) {
        Response set = http.as(Scenario.ADMIN)
                .put("/api/agencies/" + agencyId + "/notification-address", Map.of("email", email));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private void withdraw(String agencyId) {
        Response withdrawn = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + agencyId + "/withdrawal",
                        Map.of("withdrawnOn", "2009-06-01", "reason", "Closed"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    }

    private long signedAgencies() {
        return jdbc.queryForObject("select count(*) from agency_view where status = 'SIGNED'", Long.class);
    }

    static Map<String, Object> consultation(String version, Instant respondBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("codeVersion", version);
        body.put("title", "From Protocol to Code of Practice");
        body.put("summaryOfChanges", "Silence by the closing date counts as agreement; no quorum");
        body.put("respondBy", respondBy.toString());
        return body;
    }

    static String version() {
        return Scenario.unique("v");
    }

    private static Instant soon(Duration after) {
        return Instant.now().plus(after);
    }

    private static List<String> agencyIds(JsonNode consultation) {
        return StreamSupport.stream(consultation.path("responses").spliterator(), false)
                .map(standing -> standing.path("agencyId").asString())
                .toList();
    }

    private static JsonNode standing(JsonNode consultation, String agencyId) {
        return StreamSupport.stream(consultation.path("responses").spliterator(), false)
                .filter(standing -> standing.path("agencyId").asString().equals(agencyId))
                .findFirst()
                .orElseThrow();
    }
}
