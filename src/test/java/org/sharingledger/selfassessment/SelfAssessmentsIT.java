package org.sharingledger.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.GovernanceIntegrationTest;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.Mail;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * Self-assessment rounds through the JSON API on the real database: opening, returns, reading, the overdue deadline,
 * bad inputs, 401, 403, 404 and 409. A round is circulated to every signed agency, hence the database of its own.
 */
class SelfAssessmentsIT extends GovernanceIntegrationTest {

    @Test
    void theTrustOpensARoundCirculatedToEveryAgencySignedAtThatMoment() {
        String school = scenario.agency("EDUCATION");
        String withdrawn = scenario.agency("HOUSING");
        withdraw(withdrawn);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        long signed = signedAgencies();

        Response opened = http.as(trust).post("/api/self-assessments", round(soon(Duration.ofDays(21))));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.field("selfAssessmentId");
        assertThat(opened.header("Location")).isEqualTo("/api/self-assessments/" + id);
        assertThat(opened.field("status")).isEqualTo("OPEN");
        assertThat(opened.json().path("circulatedTo").asLong()).isEqualTo(signed);
        JsonNode one = http.as(trust).get("/api/self-assessments/" + id).json();
        assertThat(one.path("title").asString()).isEqualTo("Position statement for the Laming review");
        assertThat(one.path("questions"))
                .extracting(q -> q.path("id").asString())
                .containsExactly("q1", "q2", "q3");
        assertThat(one.path("status").asString()).isEqualTo("OPEN");
        assertThat(one.path("circulated").asLong()).isEqualTo(signed);
        assertThat(one.path("counts").path("outstanding").asLong()).isEqualTo(signed);
        assertThat(one.path("returned")).isEmpty();
        assertThat(ids(one.path("outstanding"))).contains(school).doesNotContain(withdrawn);
        assertThat(entry(one.path("outstanding"), school).path("name").asString())
                .isEqualTo("Agency " + school);
        assertThat(entry(one.path("outstanding"), school).path("overdue").asBoolean())
                .isFalse();
        assertThat(http.as(trust).get("/api/self-assessments").json())
                .extracting(r -> r.path("selfAssessmentId").asString())
                .contains(id);
    }

    @Test
    void aRepresentativeReturnsForItsAgencyMayReturnAgainAndTheLastCounts() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, soon(Duration.ofDays(21)));

        Response first = submit(schoolRep, id, giveBack(school, "PARTLY", "Half the staff attended in 2008"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("late").asBoolean()).isFalse();
        Map<String, Object> revised = giveBack(school, "YES", null);
        revised.put("statement", "Every member of staff has now attended.");
        Response again = submit(schoolRep, id, revised);
        assertThat(again.status()).as("a later return is 200").isEqualTo(200);
        assertThat(submit(policeRep, id, giveBack(police, "NO", "The course was postponed"))
                        .status())
                .isEqualTo(201);

        JsonNode all = http.as(trust).get("/api/self-assessments/" + id).json();
        assertThat(all.path("counts").path("returned").asInt()).isEqualTo(2);
        assertThat(all.path("counts").path("outstanding").asInt())
                .isEqualTo(all.path("circulated").asInt() - 2);
        JsonNode schoolReturn = entry(all.path("returned"), school);
        assertThat(schoolReturn.path("statement").asString()).isEqualTo("Every member of staff has now attended.");
        assertThat(schoolReturn.path("returns").asInt()).isEqualTo(2);
        assertThat(schoolReturn.path("late").asBoolean()).isFalse();
        assertThat(schoolReturn.path("answers"))
                .extracting(a -> a.path("answer").asString())
                .containsExactly("YES", "YES", "YES");
        assertThat(entry(all.path("returned"), police)
                        .path("answers")
                        .get(1)
                        .path("evidence")
                        .asString())
                .isEqualTo("The course was postponed");
        assertThat(ids(all.path("outstanding"))).doesNotContain(school, police);

        JsonNode seenByPolice =
                http.as(policeRep).get("/api/self-assessments/" + id).json();
        assertThat(ids(seenByPolice.path("returned")))
                .as("a representative sees its own agency's return only")
                .containsExactly(police);
        assertThat(seenByPolice.path("outstanding")).isEmpty();
        assertThat(seenByPolice.path("counts").path("returned").asInt())
                .as("counts shown")
                .isEqualTo(2);
        assertThat(seenByPolice.toString()).doesNotContain("Every member of staff has now attended.");
        JsonNode listed = StreamSupport.stream(
                        http.as(policeRep).get("/api/self-assessments").json().spliterator(), false)
                .filter(r -> r.path("selfAssessmentId").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("returned").asInt()).isEqualTo(2);
        assertThat(listed.path("overdue").asInt()).isZero();

        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/ledger/verification")
                        .json()
                        .path("problems"))
                .as("the rounds' tables are exactly what their events make them")
                .noneSatisfy(
                        problem -> assertThat(problem.path("table").asString()).startsWith("self_assessment_"));
    }

    @Test
    void atDueByTheOutstandingAreRecordedOverdueAndALateReturnIsTakenAndMarkedLate() {
        String school = scenario.agency("EDUCATION");
        String silent = scenario.agency("HEALTH");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials silentRep = scenario.user(silent, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, soon(Duration.ofSeconds(3)));
        assertThat(submit(schoolRep, id, giveBack(school, "YES", null)).status())
                .isEqualTo(201);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "CLOSED"
                        .equals(http.as(trust)
                                .get("/api/self-assessments/" + id)
                                .field("status")));
        JsonNode closed = http.as(trust).get("/api/self-assessments/" + id).json();
        assertThat(entry(closed.path("outstanding"), silent).path("overdue").asBoolean())
                .isTrue();
        assertThat(closed.path("counts").path("overdue").asInt())
                .isEqualTo(closed.path("circulated").asInt() - 1);
        assertThat(entry(closed.path("returned"), school).path("late").asBoolean())
                .isFalse();

        Response late = submit(silentRep, id, giveBack(silent, "YES", null));
        assertThat(late.status()).as("a late return is still taken").isEqualTo(201);
        assertThat(late.json().path("late").asBoolean()).isTrue();
        JsonNode after = http.as(trust).get("/api/self-assessments/" + id).json();
        assertThat(entry(after.path("returned"), silent).path("late").asBoolean())
                .isTrue();
        assertThat(ids(after.path("outstanding"))).doesNotContain(silent);
        assertThat(after.path("counts").path("overdue").asInt())
                .as("it stops counting as overdue")
                .isEqualTo(closed.path("counts").path("overdue").asInt() - 1);
        assertThat(jdbc.queryForObject("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%SelfAssessmentOverdue'""", Long.class, id))
                .as("the overdue fact stays in the history")
                .isEqualTo(1);
    }

    @Test
    void everyCirculatedAgencyIsMailedWhenItOpensAndEachOutstandingOneWhenItIsOverdue() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        String schoolInbox = Scenario.unique("school-inbox") + "@school.example";
        String policeInbox = Scenario.unique("police-inbox") + "@police.example";
        setAddress(school, schoolInbox);
        setAddress(police, policeInbox);
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, soon(Duration.ofSeconds(4)));
        assertThat(submit(schoolRep, id, giveBack(school, "YES", null)).status())
                .isEqualTo(201);

        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Mail.to(policeInbox).size() == 2);
        assertThat(Mail.to(schoolInbox))
                .as("a school that returned is not told it is overdue")
                .hasSize(1);
        Mail.Received opened = Mail.to(schoolInbox).get(0);
        assertThat(opened.subject()).isEqualTo("Self-assessment round for your return: Agency " + school);
        assertThat(opened.text())
                .contains("Title: Position statement for the Laming review")
                .contains("Questions: 3")
                .contains("Return by: ")
                .contains("http://localhost:8080/self-assessments/" + id);
        assertThat(Mail.to(policeInbox))
                .extracting(Mail.Received::subject)
                .containsExactly(
                        "Self-assessment round for your return: Agency " + police,
                        "Self-assessment overdue: your return is still wanted: Agency " + police);
        assertThat(Mail.to(policeInbox).get(1).text()).contains("A late return is still wanted");
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
                .containsExactlyInAnyOrder("SELF_ASSESSMENT_OPENED", "SELF_ASSESSMENT_OVERDUE");
        assertThat(told.path("items"))
                .allSatisfy(item ->
                        assertThat(item.path("selfAssessmentId").asString()).isEqualTo(id))
                .allSatisfy(item -> assertThat(item.path("requestId").isNull()).isTrue())
                .allSatisfy(
                        item -> assertThat(item.path("consultationId").isNull()).isTrue());
    }

    @Test
    void badInputsAre400AndRecordNothing() {
        String school = scenario.agency("EDUCATION");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = open(trust, soon(Duration.ofDays(21)));
        long before = events();

        Map<String, Object> missing = round(soon(Duration.ofDays(21)));
        missing.remove("title");
        missing.put("questions", List.of());
        assertThat(http.as(trust).post("/api/self-assessments", missing).errorFields())
                .containsExactlyInAnyOrder("title", "questions");
        assertThat(http.as(trust)
                        .post("/api/self-assessments", round(Instant.now().minusSeconds(60)))
                        .errorFields())
                .containsExactly("dueBy");
        Map<String, Object> repeated = round(soon(Duration.ofDays(21)));
        repeated.put("questions", List.of(question("q1", "One?"), question("q1", "Again?")));
        assertThat(http.as(trust).post("/api/self-assessments", repeated).errorFields())
                .containsExactly("questions[1].id");
        Map<String, Object> blankId = round(soon(Duration.ofDays(21)));
        blankId.put("questions", List.of(question(" ", "One?")));
        assertThat(http.as(trust).post("/api/self-assessments", blankId).errorFields())
                .contains("questions[0].id");
        Map<String, Object> tooMany = round(soon(Duration.ofDays(21)));
        List<Map<String, Object>> fiftyOne = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            fiftyOne.add(question("q" + i, "Question " + i + "?"));
        }
        tooMany.put("questions", fiftyOne);
        assertThat(http.as(trust).post("/api/self-assessments", tooMany).errorFields())
                .containsExactly("questions");
        Map<String, Object> longTitle = round(soon(Duration.ofDays(21)));
        longTitle.put("title", "T".repeat(201));
        assertThat(http.as(trust).post("/api/self-assessments", longTitle).errorFields())
                .containsExactly("title");
        Map<String, Object> badDate = round(soon(Duration.ofDays(21)));
        badDate.put("dueBy", "next month");
        assertThat(http.as(trust).post("/api/self-assessments", badDate).status())
                .isEqualTo(400);
        Map<String, Object> wrongType = round(soon(Duration.ofDays(21)));
        wrongType.put("questions", "q1");
        assertThat(http.as(trust).post("/api/self-assessments", wrongType).status())
                .isEqualTo(400);
        Map<String, Object> unknownField = round(soon(Duration.ofDays(21)));
        unknownField.put("quorum", 60);
        assertThat(http.as(trust).post("/api/self-assessments", unknownField).errorFields())
                .containsExactly("quorum");
        assertThat(http.as(trust).post("/api/self-assessments", "").status()).isEqualTo(400);
        assertThat(http.as(trust).post("/api/self-assessments", "{").status()).isEqualTo(400);
        assertThat(http.as(trust)
                        .post("/api/self-assessments", "x".repeat(70_000))
                        .status())
                .as("larger than ledger.web.max-body-size")
                .isEqualTo(413);

        Map<String, Object> unknownQuestion = giveBack(school, "YES", null);
        List<Map<String, Object>> answers = new ArrayList<>(answers(unknownQuestion));
        answers.add(answer("q9", "YES", null));
        unknownQuestion.put("answers", answers);
        assertThat(submit(schoolRep, id, unknownQuestion).errorFields()).containsExactly("answers[3].questionId");
        Map<String, Object> unanswered = giveBack(school, "YES", null);
        unanswered.put("answers", answers(unanswered).subList(0, 2));
        assertThat(submit(schoolRep, id, unanswered).errorFields()).containsExactly("answers");
        assertThat(submit(schoolRep, id, giveBack(school, "PARTLY", " ")).errorFields())
                .containsExactly("answers[0].evidence", "answers[1].evidence", "answers[2].evidence");
        Map<String, Object> noStatement = giveBack(school, "YES", null);
        noStatement.remove("statement");
        assertThat(submit(schoolRep, id, noStatement).errorFields()).containsExactly("statement");
        Map<String, Object> longStatement = giveBack(school, "YES", null);
        longStatement.put("statement", "S".repeat(10_001));
        assertThat(submit(schoolRep, id, longStatement).errorFields()).containsExactly("statement");
        assertThat(submit(schoolRep, id, giveBack(school, "MAYBE", null)).status())
                .isEqualTo(400);
        Map<String, Object> noAnswers = giveBack(school, "YES", null);
        noAnswers.remove("answers");
        assertThat(submit(schoolRep, id, noAnswers).errorFields()).containsExactly("answers");
        Map<String, Object> nullAnswer = giveBack(school, "YES", null);
        List<Object> withNull = new ArrayList<>(answers(nullAnswer));
        withNull.add(null);
        nullAnswer.put("answers", withNull);
        assertThat(submit(schoolRep, id, nullAnswer).status()).isEqualTo(400);
        assertThat(http.as(schoolRep)
                        .post("/api/self-assessments/" + id + "/returns", "[]")
                        .status())
                .isEqualTo(400);
        assertThat(submit(schoolRep, "not-a-uuid", giveBack(school, "YES", null))
                        .status())
                .isEqualTo(400);
        assertThat(events()).isEqualTo(before);
        assertThat(http.as(trust).get("/api/self-assessments?size=0").status()).isEqualTo(400);
        assertThat(http.as(trust).get("/api/self-assessments/not-a-uuid").status())
                .isEqualTo(400);
    }

    @Test
    void anUnknownRoundIs404() {
        String school = scenario.agency("EDUCATION");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String unknown = UUID.randomUUID().toString();

        assertThat(http.as(schoolRep).get("/api/self-assessments/" + unknown).status())
                .isEqualTo(404);
        assertThat(submit(schoolRep, unknown, giveBack(school, "YES", null)).status())
                .isEqualTo(404);
    }

    @Test
    void signingInIsRequired() {
        assertThat(http.anonymous().get("/api/self-assessments").status()).isEqualTo(401);
        assertThat(http.anonymous()
                        .get("/api/self-assessments/" + UUID.randomUUID())
                        .status())
                .isEqualTo(401);
        assertThat(http.anonymous()
                        .post("/api/self-assessments", round(soon(Duration.ofDays(21))))
                        .status())
                .isEqualTo(401);
        assertThat(http.anonymous()
                        .post(
                                "/api/self-assessments/" + UUID.randomUUID() + "/returns",
                                giveBack("any-agency", "YES", null))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void eachStepIsTakenAndReadOnlyByWhoMay() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials schoolPractitioner = scenario.user(school, "PRACTITIONER");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials admin = scenario.user(null, "ADMIN");
        long before = events("SelfAssessmentOpened");

        assertThat(http.as(schoolRep)
                        .post("/api/self-assessments", round(soon(Duration.ofDays(21))))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(admin)
                        .post("/api/self-assessments", round(soon(Duration.ofDays(21))))
                        .status())
                .as("the Trust opens rounds")
                .isEqualTo(403);
        assertThat(events("SelfAssessmentOpened")).isEqualTo(before);
        String id = open(trust, soon(Duration.ofDays(21)));

        assertThat(submit(policeRep, id, giveBack(school, "YES", null)).status())
                .as("another agency's representative")
                .isEqualTo(403);
        assertThat(submit(schoolPractitioner, id, giveBack(school, "YES", null)).status())
                .as("a practitioner")
                .isEqualTo(403);
        assertThat(submit(trust, id, giveBack(school, "YES", null)).status()).isEqualTo(403);
        assertThat(http.as(schoolPractitioner).get("/api/self-assessments").status())
                .isEqualTo(403);
        assertThat(http.as(schoolPractitioner)
                        .get("/api/self-assessments/" + id)
                        .status())
                .isEqualTo(403);
        assertThat(http.as(admin).get("/api/self-assessments/" + id).status()).isEqualTo(200);

        String late = scenario.agency("HEALTH");
        Credentials lateRep = scenario.user(late, "NOMINATED_REPRESENTATIVE");
        assertThat(submit(lateRep, id, giveBack(late, "YES", null)).status())
                .as("an agency signed after it opened was not circulated")
                .isEqualTo(409);
        assertThat(submit(schoolRep, id, giveBack(school, "YES", null)).status())
                .isEqualTo(201);
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyOpensOnce() {
        scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Map<String, Object> body = round(soon(Duration.ofDays(21)));
        String key = UUID.randomUUID().toString();
        long before = events("SelfAssessmentOpened");

        Response first = http.as(trust).header("Idempotency-Key", key).post("/api/self-assessments", body);
        Response retry = http.as(trust).header("Idempotency-Key", key).post("/api/self-assessments", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(events("SelfAssessmentOpened")).isEqualTo(before + 1);
    }

    // ---------------------------------------------------------------- helpers

    private String open(Credentials trust, Instant dueBy) {
        Response opened = http.as(trust).post("/api/self-assessments", round(dueBy));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("selfAssessmentId");
    }

    private Response submit(Credentials by, String id, Map<String, Object> body) {
        return http.as(by).post("/api/self-assessments/" + id + "/returns", body);
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

    static Map<String, Object> round(Instant dueBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Position statement for the Laming review");
        body.put(
                "questions",
                List.of(
                        question("q1", "Do your staff know how to share information about a child at risk?"),
                        question("q2", "Have your staff attended the multi-agency course?"),
                        question("q3", "Does your agency have a named safeguarding lead?")));
        body.put("dueBy", dueBy.toString());
        return body;
    }

    static Map<String, Object> giveBack(String agencyId, String answer, String evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put(
                "answers",
                List.of(
                        answer("q1", answer, evidence),
                        answer("q2", answer, evidence),
                        answer("q3", answer, evidence)));
        body.put("statement", "We share information under the Code; our staff are trained on the multi-agency course.");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> answers(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("answers");
    }

    private static Map<String, Object> question(String id, String text) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("id", id);
        question.put("text", text);
        return question;
    }

    private static Map<String, Object> answer(String questionId, String answer, String evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questionId", questionId);
        body.put("answer", answer);
        if (evidence != null) {
            body.put("evidence", evidence);
        }
        return body;
    }

    private static Instant soon(Duration after) {
        return Instant.now().plus(after);
    }

    private static List<String> ids(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> entry.path("agencyId").asString())
                .toList();
    }

    private static JsonNode entry(JsonNode entries, String agencyId) {
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.path("agencyId").asString().equals(agencyId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(agencyId + " not in " + entries));
    }
}
