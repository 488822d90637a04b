package org.sharingledger.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/** Information Sharing Protocols through the API, on the real database: every step, its refusals and its reads. */
class AgreementsIT extends IntegrationTest {

    static Map<String, Object> agreementBody(List<String> parties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Domestic abuse notifications");
        body.put("parties", parties);
        body.put("purpose", "Schools know by the next morning when police attended a domestic abuse incident");
        body.put("dataItems", List.of("Date of the incident", "Children present"));
        body.put("lawfulBasis", "Children Act 2004 s10 and s11; Crime and Disorder Act 1998 s115");
        body.put("reviewOn", LocalDate.now().plusYears(1).toString());
        return body;
    }

    /** Two signed agencies with a nominated representative each. */
    private record Two(String police, String school, Credentials policeRep, Credentials schoolRep) {}

    private Two two() {
        String police = scenario.agency("POLICE");
        String school = scenario.agency("EDUCATION");
        return new Two(
                police,
                school,
                scenario.user(police, "NOMINATED_REPRESENTATIVE"),
                scenario.user(school, "NOMINATED_REPRESENTATIVE"));
    }

    private String proposed(Two t) {
        Response created =
                http.as(t.policeRep()).post("/api/agreements", agreementBody(List.of(t.police(), t.school())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("agreementId");
    }

    private String active(Two t) {
        String id = proposed(t);
        sign(t.policeRep(), id, t.police());
        Response last = sign(t.schoolRep(), id, t.school());
        assertThat(last.field("status")).isEqualTo("ACTIVE");
        return id;
    }

    private Response sign(Credentials by, String id, String agencyId) {
        return http.as(by).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", agencyId));
    }

    @Test
    void aProposedAgreementComesIntoForceWhenEveryPartyHasSigned() {
        Two t = two();
        Response created =
                http.as(t.policeRep()).post("/api/agreements", agreementBody(List.of(t.police(), t.school())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.field("status")).isEqualTo("AWAITING_SIGNATURES");
        String id = created.field("agreementId");
        assertThat(created.header("Location")).isEqualTo("/api/agreements/" + id);

        JsonNode awaiting = http.as(t.schoolRep()).get("/api/agreements/" + id).json();
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_SIGNATURES");
        assertThat(awaiting.path("parties"))
                .extracting(p -> p.path("signed").asBoolean())
                .containsExactly(false, false);

        Response first = sign(t.policeRep(), id, t.police());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.field("status")).isEqualTo("AWAITING_SIGNATURES");
        Response second = sign(t.schoolRep(), id, t.school());
        assertThat(second.field("status")).isEqualTo("ACTIVE");

        JsonNode agreement = http.as(t.schoolRep()).get("/api/agreements/" + id).json();
        assertThat(agreement.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.path("lawfulBasis").asString()).contains("s115");
        assertThat(agreement.path("dataItems")).hasSize(2);
        assertThat(agreement.path("parties"))
                .extracting(p -> p.path("agencyId").asString())
                .containsExactly(t.police(), t.school());
        assertThat(agreement.path("parties")).allMatch(p -> p.path("signed").asBoolean());
        assertThat(agreement.path("parties").get(1).path("signedBy").asString())
                .isEqualTo(t.schoolRep().username());
        assertThat(agreement.path("history"))
                .extracting(s -> s.path("type").asString())
                .containsExactly("PROPOSED", "SIGNED", "SIGNED", "ACTIVATED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_name like 'AxonDeadline%'"
                                + " and convert_from(task_data, 'UTF8') like ?",
                        Long.class, "%" + id + "%"))
                .as("the review deadline, stored")
                .isEqualTo(1L);
    }

    @Test
    void theStoredDeadlineMarksItDueForReviewAndAReviewRenewsIt() {
        Two t = two();
        String id = active(t);
        // as if its review date had come: the stored deadline is brought forward
        jdbc.update("update scheduled_tasks set execution_time = now() where position(?::bytea in task_data) > 0", id);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.as(t.policeRep())
                                .get("/api/agreements/" + id)
                                .field("status"))
                        .isEqualTo("REVIEW_DUE"));
        Response reviewed = http.as(t.policeRep())
                .post(
                        "/api/agreements/" + id + "/review",
                        Map.of("nextReviewOn", LocalDate.now().plusYears(1).toString(), "note", "Still needed"));
        assertThat(reviewed.field("status")).isEqualTo("ACTIVE");
        assertThat(http.as(t.policeRep()).get("/api/agreements/" + id).json().path("history"))
                .extracting(s -> s.path("type").asString())
                .endsWith("REVIEW_DUE", "REVIEWED");
    }

    @Test
    void theTrustMayProposeAnAgreementBetweenTwoSignatories() {
        Two t = two();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Response created = http.as(trust).post("/api/agreements", agreementBody(List.of(t.police(), t.school())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aPartySignsOnlyOnceAndANonPartyNotAtAll() {
        Two t = two();
        String id = proposed(t);
        String health = scenario.agency("HEALTH");
        Credentials healthRep = scenario.user(health, "NOMINATED_REPRESENTATIVE");
        Credentials officer = scenario.user(t.police(), "PRACTITIONER");
        sign(t.policeRep(), id, t.police());
        long before = events("AgreementSigned");

        assertThat(sign(t.policeRep(), id, t.police()).status()).isEqualTo(409);
        assertThat(sign(healthRep, id, health).status()).isEqualTo(403);
        assertThat(sign(t.policeRep(), id, t.school()).status()).isEqualTo(403);
        assertThat(sign(officer, id, t.police()).status()).isEqualTo(403);
        assertThat(sign(t.policeRep(), UUID.randomUUID().toString(), t.police()).status())
                .isEqualTo(404);
        assertThat(events("AgreementSigned")).isEqualTo(before);
    }

    @Test
    void badProposalsAre400AndRecordNothing() {
        Two t = two();
        long before = events();
        Map<String, Object> one = agreementBody(List.of(t.police()));
        Map<String, Object> twice = agreementBody(List.of(t.police(), t.police()));
        Map<String, Object> unknown = agreementBody(List.of(t.police(), "no-such-agency-" + UUID.randomUUID()));
        Map<String, Object> past = agreementBody(List.of(t.police(), t.school()));
        past.put("reviewOn", LocalDate.now().toString());
        Map<String, Object> blank = agreementBody(List.of(t.police(), t.school()));
        blank.put("title", " ");
        blank.put("lawfulBasis", "x".repeat(501));
        blank.put("dataItems", List.of());
        Map<String, Object> unknownField = agreementBody(List.of(t.police(), t.school()));
        unknownField.put("colour", "blue");

        assertThat(http.as(t.policeRep()).post("/api/agreements", one).errorFields())
                .containsExactly("parties");
        assertThat(http.as(t.policeRep()).post("/api/agreements", twice).errorFields())
                .containsExactly("parties");
        assertThat(http.as(t.policeRep()).post("/api/agreements", unknown).errorFields())
                .containsExactly("parties[1]");
        assertThat(http.as(t.policeRep()).post("/api/agreements", past).errorFields())
                .containsExactly("reviewOn");
        Response invalid = http.as(t.policeRep()).post("/api/agreements", blank);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("title", "lawfulBasis", "dataItems");
        assertThat(http.as(t.policeRep()).post("/api/agreements", unknownField).status())
                .isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWithdrawnPartyIs409() {
        Two t = two();
        http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + t.school() + "/withdrawal",
                        Map.of("withdrawnOn", LocalDate.now().toString(), "reason", "Closed"));
        Response refused =
                http.as(t.policeRep()).post("/api/agreements", agreementBody(List.of(t.police(), t.school())));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains(t.school());
    }

    @Test
    void onlyAPartysRepresentativeOrTheTrustProposes() {
        Two t = two();
        String health = scenario.agency("HEALTH");
        Credentials healthRep = scenario.user(health, "NOMINATED_REPRESENTATIVE");
        Credentials officer = scenario.user(t.police(), "PRACTITIONER");
        Map<String, Object> body = agreementBody(List.of(t.police(), t.school()));

        assertThat(http.anonymous().post("/api/agreements", body).status()).isEqualTo(401);
        assertThat(http.as(healthRep).post("/api/agreements", body).status()).isEqualTo(403);
        assertThat(http.as(officer).post("/api/agreements", body).status()).isEqualTo(403);
        assertThat(http.as(Scenario.ADMIN).post("/api/agreements", body).status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isPositive();
    }

    @Test
    void aReviewRenewsAnAgreementAndATerminationEndsIt() {
        Two t = two();
        String awaiting = proposed(t);
        String id = active(t);
        String next = LocalDate.now().plusYears(2).toString();
        Map<String, Object> review =
                Map.of("nextReviewOn", next, "note", "Reviewed at the nominated representatives' group");

        assertThat(http.as(t.schoolRep())
                        .post("/api/agreements/" + awaiting + "/review", review)
                        .status())
                .isEqualTo(409);
        Response reviewed = http.as(t.schoolRep()).post("/api/agreements/" + id + "/review", review);
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.field("status")).isEqualTo("ACTIVE");
        assertThat(http.as(t.schoolRep()).get("/api/agreements/" + id).field("reviewOn"))
                .isEqualTo(next);
        assertThat(http.as(t.schoolRep())
                        .post("/api/agreements/" + id + "/review", Map.of("nextReviewOn", "2001-01-01", "note", "x"))
                        .errorFields())
                .containsExactly("nextReviewOn");

        Response ended = http.as(t.policeRep())
                .post("/api/agreements/" + id + "/termination", Map.of("reason", "Replaced by the county protocol"));
        assertThat(ended.field("status")).isEqualTo("TERMINATED");
        assertThat(http.as(t.policeRep())
                        .post("/api/agreements/" + id + "/termination", Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(http.as(t.policeRep())
                        .post("/api/agreements/" + id + "/termination", Map.of("reason", ""))
                        .status())
                .isEqualTo(400);
        JsonNode agreement = http.as(t.policeRep()).get("/api/agreements/" + id).json();
        assertThat(agreement.path("terminationReason").asString()).isEqualTo("Replaced by the county protocol");
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_name like 'AxonDeadline%'"
                                + " and convert_from(task_data, 'UTF8') like ?",
                        Long.class, "%" + id + "%"))
                .as("no review deadline left")
                .isZero();
    }

    @Test
    void aPartysWithdrawalFromTheCodeEndsItsAgreements() {
        Two t = two();
        String id = active(t);
        String awaiting = proposed(t);

        Response withdrawn = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + t.school() + "/withdrawal",
                        Map.of("withdrawnOn", LocalDate.now().toString(), "reason", "Academy closed"));

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        for (String agreementId : List.of(id, awaiting)) {
            JsonNode agreement =
                    http.as(trust).get("/api/agreements/" + agreementId).json();
            assertThat(agreement.path("status").asString()).isEqualTo("TERMINATED");
            assertThat(agreement.path("terminationReason").asString())
                    .contains(t.school())
                    .contains("withdrew from the Code of Practice")
                    .contains("Academy closed");
        }
    }

    @Test
    void listsAreFilteredByAgencyAndStatusAndPaged() {
        Two t = two();
        String id = active(t);
        String awaiting = proposed(t);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials officer = scenario.user(t.police(), "PRACTITIONER");

        Response mine = http.as(t.policeRep()).get("/api/agreements");
        assertThat(mine.json())
                .extracting(a -> a.path("agreementId").asString())
                .containsExactly(awaiting, id);
        assertThat(mine.header("X-Total-Count")).isEqualTo("2");
        assertThat(http.as(officer).get("/api/agreements?status=ACTIVE").json())
                .extracting(a -> a.path("agreementId").asString())
                .containsExactly(id);
        Response paged = http.as(trust).get("/api/agreements?agencyId=" + t.school() + "&size=1");
        assertThat(paged.json()).hasSize(1);
        assertThat(paged.header("Link")).contains("page=1");
        assertThat(http.as(trust)
                        .get("/api/agreements?status=AWAITING_SIGNATURES")
                        .json())
                .extracting(a -> a.path("agreementId").asString())
                .contains(awaiting)
                .doesNotContain(id);

        assertThat(http.as(t.policeRep())
                        .get("/api/agreements?agencyId=" + t.school())
                        .status())
                .isEqualTo(403);
        assertThat(http.as(trust).get("/api/agreements?status=SIGNED").status()).isEqualTo(400);
        assertThat(http.as(trust).get("/api/agreements?size=0").status()).isEqualTo(400);
        assertThat(http.anonymous().get("/api/agreements").status()).isEqualTo(401);
    }

    @Test
    void anAgreementIsReadByItsPartiesAndTheTrustOnly() {
        Two t = two();
        String id = proposed(t);
        String health = scenario.agency("HEALTH");
        Credentials healthRep = scenario.user(health, "NOMINATED_REPRESENTATIVE");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");

        assertThat(http.as(healthRep).get("/api/agreements/" + id).status()).isEqualTo(403);
        assertThat(http.as(reviewer).get("/api/agreements/" + id).status()).isEqualTo(403);
        assertThat(http.as(reviewer).get("/api/agreements").status()).isEqualTo(403);
        assertThat(http.as(t.schoolRep())
                        .get("/api/agreements/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(http.as(t.schoolRep()).get("/api/agreements/not-a-uuid").status())
                .isEqualTo(400);
        assertThat(http.anonymous().get("/api/agreements/" + id).status()).isEqualTo(401);
    }

    @Test
    void aSignatureWrittenIntoTheReadModelOutsideTheEventsIsReported() {
        Two t = two();
        String id = proposed(t);
        Response clean = http.as(Scenario.ADMIN).get("/api/ledger/verification");
        assertThat(clean.text()).doesNotContain("agreement_");
        jdbc.update(
                "update agreement_party set signed_at = now(), signed_by = 'forger' where agreement_id = ?::uuid"
                        + " and agency_id = ?",
                id,
                t.school());
        try {
            JsonNode result =
                    http.as(Scenario.ADMIN).get("/api/ledger/verification").json();

            assertThat(result.path("verified").asBoolean()).isFalse();
            assertThat(result.path("problems")).anySatisfy(problem -> {
                assertThat(problem.path("kind").asString()).isEqualTo("READ_MODEL_MISMATCH");
                assertThat(problem.path("table").asString()).isEqualTo("agreement_party");
                assertThat(problem.path("key").asString()).contains(id).contains(t.school());
            });
        } finally {
            jdbc.update(
                    "update agreement_party set signed_at = null, signed_by = null where agreement_id = ?::uuid"
                            + " and agency_id = ?",
                    id,
                    t.school());
        }
    }
}
