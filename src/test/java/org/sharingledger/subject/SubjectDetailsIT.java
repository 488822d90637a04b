package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A child's name and date of birth through HTTP: given with a request, shown only to those who may see it, stored
 * only sealed, and erased by an administrator, after which every request about the child shows them as erased and
 * everything else stays as it was.
 */
class SubjectDetailsIT extends IntegrationTest {

    private static final String ERASURE = "/api/subjects/erasure";
    private static final String LEGAL_BASIS = "UK GDPR article 17(1)(a): no longer necessary";
    private static final String REASON = "The family asked; no agency holds an open case";

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private SubjectPseudonyms pseudonyms;

    // ---------------------------------------------------------------- details with a request

    @Test
    void theDetailsAreShownToBothPartiesAndTheTrustAndToNoOneElse() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials stranger = scenario.user(scenario.agency("HEALTH"), "PRACTITIONER");

        String id = scenario.request(p.requesterPractitioner(), child.requestBody(p));

        for (Credentials reader : new Credentials[] {p.requesterPractitioner(), p.holderPractitioner(), trust}) {
            JsonNode subject = view(reader, id).path("subject");
            assertThat(subject.path("name").asString()).as(reader.username()).isEqualTo(child.name());
            assertThat(subject.path("dateOfBirth").asString())
                    .isEqualTo(child.dateOfBirth().toString());
            assertThat(subject.has("erased")).isFalse();
        }
        for (Credentials party : new Credentials[] {p.requesterPractitioner(), p.holderPractitioner()}) {
            assertThat(view(party, id).path("subject").path("nhsNumber").asString())
                    .as("the holder can find the child in its own records")
                    .isEqualTo(child.nhsNumber());
        }
        assertThat(view(trust, id).path("subject").has("nhsNumber"))
                .as("the identifier is for the two agencies only")
                .isFalse();
        Response refused = http.as(stranger).get("/api/requests/" + id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text())
                .doesNotContain(child.name())
                .doesNotContain(child.dateOfBirth().toString());
        assertThat(http.as(p.requesterPractitioner())
                        .get("/api/requests?side=REQUESTER")
                        .text())
                .as("lists never show details")
                .doesNotContain(child.name());
    }

    @Test
    void theEventAndTheViewHoldTheDetailsOnlySealed() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        String id = scenario.request(p.requesterPractitioner(), child.requestBody(p));

        JsonNode event = requestedPayload(id);
        String sealed = event.path("subjectDetails").asString();
        assertThat(sealed).matches("[A-Za-z0-9+/=]{60,}");
        assertThat(event.toString())
                .doesNotContain(child.name())
                .doesNotContain(child.dateOfBirth().toString())
                .doesNotContain(child.nhsNumber());
        assertThat(jdbc.queryForObject(
                        "select subject_details from request_view where request_id = ?::uuid", String.class, id))
                .isEqualTo(sealed);
        byte[] wrapped = jdbc.queryForObject(
                "select wrapped_key from subject_key where pseudonym = ?",
                byte[].class,
                event.path("subjectPseudonym").asString());
        assertThat(wrapped).as("IV, a wrapped 256-bit key, tag").hasSize(12 + 32 + 16);
    }

    @Test
    void requestsAboutTheSameChildShareTheChildsKey() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        String first = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        Instant firstUse = lastUsed(pseudonymOf(first));
        Map<String, Object> spaced = child.requestBody(p);
        spaced.put("subject", Map.of("nhsNumber", child.spacedNhsNumber(), "name", child.name()));

        String second = scenario.request(p.requesterPractitioner(), spaced);

        assertThat(pseudonymOf(second)).isEqualTo(pseudonymOf(first));
        assertThat(jdbc.queryForObject(
                        "select count(*) from subject_key where pseudonym = ?", Long.class, pseudonymOf(first)))
                .isEqualTo(1);
        assertThat(lastUsed(pseudonymOf(first))).isAfterOrEqualTo(firstUse);
        assertThat(view(p.holderPractitioner(), first)
                        .path("subject")
                        .path("name")
                        .asString())
                .isEqualTo(child.name());
        JsonNode secondSubject = view(p.holderPractitioner(), second).path("subject");
        assertThat(secondSubject.path("name").asString()).isEqualTo(child.name());
        assertThat(secondSubject.path("dateOfBirth").isNull())
                .as("only the name was given the second time")
                .isTrue();
    }

    @Test
    void aRequestWithoutNameOrBirthDateSealsItsIdentifierForTheTwoAgenciesOnly() {
        Parties p = scenario.parties();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        String localReference = Scenario.uniqueLocalReference();
        body.put("subject", Map.of("localReference", " " + localReference + " "));

        String id = scenario.request(p.requesterPractitioner(), body);

        for (Credentials party : new Credentials[] {p.requesterPractitioner(), p.holderPractitioner()}) {
            JsonNode subject = view(party, id).path("subject");
            assertThat(subject.path("localReference").asString()).isEqualTo(localReference);
            assertThat(subject.has("name")).as("no name was given").isFalse();
        }
        assertThat(view(trust, id).has("subject"))
                .as("nothing the Trust may see")
                .isFalse();
        JsonNode event = requestedPayload(id);
        assertThat(event.path("subjectDetails").asString()).matches("[A-Za-z0-9+/=]{40,}");
        assertThat(event.toString()).doesNotContain(localReference);
        assertThat(jdbc.queryForObject(
                        "select count(*) from subject_key where pseudonym = ?", Long.class, pseudonymOf(id)))
                .isEqualTo(1);
    }

    /** The subject as JSON, with ` for " (NHS: a valid NHS number of the test's own). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "blank name                | {`nhsNumber`: `NHS`, `name`: `   `}                   | subject.name",
                "name of 201 characters    | {`nhsNumber`: `NHS`, `name`: `LONG`}                  | subject.name",
                "name with a line break    | {`nhsNumber`: `NHS`, `name`: `Ellie\\nMarsh`}         | subject.name",
                "date of birth in future   | {`nhsNumber`: `NHS`, `dateOfBirth`: `TOMORROW`}       | subject.dateOfBirth",
                "date of birth before 1990 | {`nhsNumber`: `NHS`, `dateOfBirth`: `1989-12-31`}     | subject.dateOfBirth",
                "date of birth not a date  | {`nhsNumber`: `NHS`, `dateOfBirth`: `31/03/2009`}     | subject.dateOfBirth",
                "date of birth a number    | {`nhsNumber`: `NHS`, `dateOfBirth`: 20090331}         | subject.dateOfBirth",
                "unknown detail            | {`nhsNumber`: `NHS`, `middleName`: `Rose`}            | subject.middleName",
                "details, no identifier    | {`name`: `Ellie Marsh`, `dateOfBirth`: `2009-03-01`}  | subject"
            })
    void badDetailsAre400NamingTheFieldAndRecordNothing(String why, String subject, String field) {
        Parties p = scenario.parties();
        String nhsNumber = Scenario.uniqueNhsNumber();
        String json = Http.JSON
                .writeValueAsString(Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"))
                .replace(
                        "{\"nhsNumber\":\"943 476 5919\"}",
                        subject.replace('`', '"')
                                .replace("NHS", nhsNumber)
                                .replace("LONG", "x".repeat(201))
                                .replace(
                                        "TOMORROW",
                                        LocalDate.now(ZoneOffset.UTC)
                                                .plusDays(2)
                                                .toString()));
        long events = events();
        long keys = keys();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(response.text())
                .doesNotContain(nhsNumber)
                .doesNotContain("Marsh")
                .doesNotContain("1989")
                .doesNotContain("31/03/2009");
        assertThat(events()).isEqualTo(events);
        assertThat(keys()).isEqualTo(keys);
    }

    @Test
    void everyProblemWithTheSubjectIsReportedTogether() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", "9434765918", "name", "", "dateOfBirth", "1980-01-01"));

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields())
                .containsExactlyInAnyOrder("subject.nhsNumber", "subject.name", "subject.dateOfBirth");
    }

    @Test
    void aRefusedRequestLeavesNoKeyBehind() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        Map<String, Object> toOwnAgency = child.requestBody(p);
        toOwnAgency.put("holdingAgencyId", p.requester());

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", toOwnAgency);

        assertThat(response.status()).isEqualTo(400);
        assertThat(keys(child))
                .as("the key made for sealing rolled back with the request")
                .isZero();
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void erasureShowsTheDetailsAsErasedInEveryRequestAboutTheChildAndLeavesTheHistoryIntact() {
        Parties p = scenario.parties();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Child child = Child.byNhsNumber();
        String refused = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        http.as(p.holderPractitioner()).post("/api/requests/" + refused + "/refusal", Scenario.refusal());
        String open = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        JsonNode refusedBefore = view(p.requesterPractitioner(), refused);
        JsonNode openBefore = view(p.holderPractitioner(), open);

        Response erased = http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().propertyNames()).containsExactly("erasedAt");
        assertThat(erased.text()).doesNotContain(child.nhsNumber());
        String erasedAt = erased.field("erasedAt");
        for (Credentials reader : new Credentials[] {p.requesterPractitioner(), p.holderPractitioner(), trust}) {
            for (String id : new String[] {refused, open}) {
                JsonNode subject = view(reader, id).path("subject");
                assertThat(subject.path("erased").asBoolean())
                        .as(reader.username() + " " + id)
                        .isTrue();
                assertThat(subject.path("erasedAt").asString()).isEqualTo(erasedAt);
                assertThat(subject.has("name")).isFalse();
                assertThat(view(reader, id).toString()).doesNotContain(child.name());
            }
        }
        assertThat(withoutSubject(view(p.requesterPractitioner(), refused))).isEqualTo(withoutSubject(refusedBefore));
        assertThat(withoutSubject(view(p.holderPractitioner(), open))).isEqualTo(withoutSubject(openBefore));
        assertThat(view(p.requesterPractitioner(), refused).path("history"))
                .extracting(step -> step.path("type").asString())
                .containsExactly("REQUESTED", "REFUSED");
        assertThat(keys(child)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from request_view where subject_pseudonym = ? "
                                + "and subject_details is not null",
                        Long.class,
                        pseudonymOf(child)))
                .isZero();
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + open + "/share", Scenario.share("FULL"))
                        .status())
                .as("the request goes on")
                .isEqualTo(200);
        JsonNode verification = http.as(trust).get("/api/ledger/verification").json();
        assertThat(verification.path("problems"))
                .as("the events hold only ciphertext, which stays")
                .isEmpty();
        assertThat(verification.path("verified").asBoolean()).isTrue();
    }

    @Test
    void erasureIsAnImmutableFactWithWhoWhyAndWhen() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        scenario.request(p.requesterPractitioner(), child.requestBody(p));

        Response erased = http.as(Scenario.ADMIN)
                .header("X-Correlation-Id", "erasure-" + UUID.randomUUID())
                .post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        Map<String, Object> row = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta_data
                from domain_event_entry where aggregate_identifier = ?""", "subject:" + pseudonymOf(child));
        JsonNode payload = Http.JSON.readTree((String) row.get("payload"));
        JsonNode metaData = Http.JSON.readTree((String) row.get("meta_data"));
        assertThat(payload.path("pseudonym").asString()).isEqualTo(pseudonymOf(child));
        assertThat(payload.path("legalBasis").asString()).isEqualTo(LEGAL_BASIS);
        assertThat(payload.path("reason").asString()).isEqualTo(REASON);
        assertThat(Instant.parse(payload.path("erasedAt").asString()))
                .isEqualTo(Instant.parse(erased.field("erasedAt")));
        assertThat(metaData.path("actor.username").asString()).isEqualTo("admin");
        assertThat(metaData.path("actor.roles").asString()).isEqualTo("ADMIN");
        assertThat(metaData.path("correlationId").asString()).isEqualTo(erased.header("X-Correlation-Id"));
    }

    @Test
    void erasingTwiceIs409AndRecordsNothing() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        scenario.request(p.requesterPractitioner(), child.requestBody(p));
        assertThat(http.as(Scenario.ADMIN)
                        .post(ERASURE, child.erasure(LEGAL_BASIS, REASON))
                        .status())
                .isEqualTo(200);
        long events = events();

        Response again = http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void erasingAChildNamedOnlyByIdentifierMakesTheIdentifierUnreadable() {
        Parties p = scenario.parties();
        String withoutDetails = Scenario.uniqueNhsNumber();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", withoutDetails));
        String id = scenario.request(p.requesterPractitioner(), body);

        Response erased = http.as(Scenario.ADMIN)
                .post(ERASURE, Child.erasureOf(Map.of("nhsNumber", withoutDetails), LEGAL_BASIS, REASON));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode subject = view(p.holderPractitioner(), id).path("subject");
        assertThat(subject.path("erased").asBoolean()).isTrue();
        assertThat(subject.has("nhsNumber")).isFalse();
    }

    @Test
    void erasingAChildTheLedgerNeverHeardOfIs404() {
        long events = events();

        Response unknown = http.as(Scenario.ADMIN)
                .post(ERASURE, Child.erasureOf(Map.of("nhsNumber", Scenario.uniqueNhsNumber()), LEGAL_BASIS, REASON));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aChildKnownByLocalReferenceIsErasedWithTheAgencyWhoseReferenceItIs() {
        Parties p = scenario.parties();
        Child child = Child.byLocalReference(p.requester());
        String id = scenario.request(p.requesterPractitioner(), child.requestBody(p));

        Response elsewhere = http.as(Scenario.ADMIN)
                .post(
                        ERASURE,
                        Child.erasureOf(
                                Map.of("localReference", child.localReference(), "agencyId", p.holder()),
                                LEGAL_BASIS,
                                REASON));
        Response erased = http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        assertThat(elsewhere.status())
                .as("the same reference at another agency is another child")
                .isEqualTo(404);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(view(p.requesterPractitioner(), id)
                        .path("subject")
                        .path("erased")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void detailsGivenAgainAfterErasureAreKeptUnderANewKeyAndCanBeErasedInTheirTurn() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        String before = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        String after = scenario.request(p.requesterPractitioner(), child.requestBody(p));

        assertThat(view(p.holderPractitioner(), after)
                        .path("subject")
                        .path("name")
                        .asString())
                .isEqualTo(child.name());
        assertThat(view(p.holderPractitioner(), before)
                        .path("subject")
                        .path("erased")
                        .asBoolean())
                .as("a new key opens nothing sealed under the old one")
                .isTrue();
        Response erasedAgain = http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));
        assertThat(erasedAgain.status()).isEqualTo(200);
        assertThat(view(p.holderPractitioner(), after)
                        .path("subject")
                        .path("erasedAt")
                        .asString())
                .isEqualTo(erasedAgain.field("erasedAt"));
        assertThat(events("SubjectDetailsErased") > 0).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        "subject:" + pseudonymOf(child)))
                .isEqualTo(2);
    }

    /** The body as JSON, with ` for " (NHS: the NHS number of a child the ledger holds details for). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "neither identifier | {`legalBasis`: `B`, `reason`: `R`} | subject",
                "both identifiers | {`nhsNumber`: `NHS`, `localReference`: `L1`, `agencyId`: `a1`,"
                        + " `legalBasis`: `B`, `reason`: `R`} | subject",
                "reference without agency | {`localReference`: `L1`, `legalBasis`: `B`, `reason`: `R`} | agencyId",
                "agency without reference | {`agencyId`: `a1`, `legalBasis`: `B`, `reason`: `R`} | localReference",
                "invalid NHS number | {`nhsNumber`: `9434765918`, `legalBasis`: `B`, `reason`: `R`} | nhsNumber",
                "no legal basis | {`nhsNumber`: `NHS`, `reason`: `R`} | legalBasis",
                "blank reason | {`nhsNumber`: `NHS`, `legalBasis`: `B`, `reason`: `  `} | reason",
                "reason of 501 characters | {`nhsNumber`: `NHS`, `legalBasis`: `B`, `reason`: `LONG`} | reason",
                "unknown field | {`nhsNumber`: `NHS`, `legalBasis`: `B`, `reason`: `R`, `name`: `X`} | name"
            })
    void badErasuresAre400NamingTheFieldAndEraseNothing(String why, String json, String field) {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        scenario.request(p.requesterPractitioner(), child.requestBody(p));
        long events = events();

        Response response = http.as(Scenario.ADMIN)
                .post(
                        ERASURE,
                        json.replace('`', '"').replace("NHS", child.nhsNumber()).replace("LONG", "r".repeat(501)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(response.text()).doesNotContain(child.nhsNumber());
        assertThat(events()).isEqualTo(events);
        assertThat(keys(child)).isEqualTo(1);
    }

    @Test
    void erasureIsForAdministratorsOnlyAndADeniedAttemptIsRecorded() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        String id = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials representative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        long erasures = events("SubjectDetailsErased");

        Response anonymous = http.anonymous().post(ERASURE, child.erasure(LEGAL_BASIS, REASON));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        for (Credentials refused : new Credentials[] {p.requesterPractitioner(), trust, representative}) {
            long denied = events("AccessDenied");
            Response response = http.as(refused).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));
            assertThat(response.status()).as(refused.username()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(events("AccessDenied")).as("the attempt is recorded").isEqualTo(denied + 1);
        }
        assertThat(events("SubjectDetailsErased")).isEqualTo(erasures);
        assertThat(keys(child)).isEqualTo(1);
        assertThat(view(p.requesterPractitioner(), id)
                        .path("subject")
                        .path("name")
                        .asString())
                .isEqualTo(child.name());
    }

    @Test
    void aRetriedErasureWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        scenario.request(p.requesterPractitioner(), child.requestBody(p));
        String key = UUID.randomUUID().toString();

        Response first = http.as(Scenario.ADMIN)
                .header("Idempotency-Key", key)
                .post(ERASURE, child.erasure(LEGAL_BASIS, REASON));
        long events = events();
        Response retry = http.as(Scenario.ADMIN)
                .header("Idempotency-Key", key)
                .post(ERASURE, child.erasure(LEGAL_BASIS, REASON));
        Response otherBody = http.as(Scenario.ADMIN)
                .header("Idempotency-Key", key)
                .post(ERASURE, child.erasure(LEGAL_BASIS, "Another reason"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "select row_to_json(k)::text from idempotency_key k where idempotency_key = ?",
                        String.class,
                        key))
                .doesNotContain(child.nhsNumber());
    }

    @Test
    void theErasureIsTimedAsACommand() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        scenario.request(p.requesterPractitioner(), child.requestBody(p));
        http.as(Scenario.ADMIN).post(ERASURE, child.erasure(LEGAL_BASIS, REASON));

        assertThat(http.as(Scenario.ADMIN).get("/actuator/prometheus").text())
                .contains("command=\"EraseSubjectDetails\"");
    }

    // ---------------------------------------------------------------- events stored before details existed

    @Test
    void anInformationRequestedStoredWithoutTheFieldStillLoadsWithNoDetails() {
        Parties p = scenario.parties();
        Child child = Child.byNhsNumber();
        String id = scenario.request(p.requesterPractitioner(), child.requestBody(p));
        Map<String, Object> row = jdbc.queryForMap("""
                select payload, payload_type, payload_revision from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", id);
        ObjectNode stored = (ObjectNode) Http.JSON.readTree((byte[]) row.get("payload"));
        ObjectNode old = stored.deepCopy();
        old.remove("subjectDetails");

        InformationRequested now = deserialize(stored.toString().getBytes(StandardCharsets.UTF_8), row);
        InformationRequested before = deserialize(old.toString().getBytes(StandardCharsets.UTF_8), row);

        assertThat(old.has("subjectDetails")).isFalse();
        assertThat(now.subjectDetails()).isNotNull();
        assertThat(before.subjectDetails()).isNull();
        assertThat(before)
                .isEqualTo(new InformationRequested(
                        now.requestId(),
                        now.requestingAgencyId(),
                        now.holdingAgencyId(),
                        now.subjectPseudonym(),
                        now.subjectKind(),
                        now.caseReference(),
                        now.purpose(),
                        now.purposeDetail(),
                        now.lawfulBasis(),
                        now.consent(),
                        now.urgency(),
                        now.informationSought(),
                        now.requestedAt(),
                        now.dueBy(),
                        null,
                        null));
    }

    // ---------------------------------------------------------------- helpers

    private InformationRequested deserialize(byte[] payload, Map<String, Object> row) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(
                payload, byte[].class, (String) row.get("payload_type"), (String) row.get("payload_revision")));
    }

    private JsonNode view(Credentials reader, String id) {
        Response response = http.as(reader).get("/api/requests/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode withoutSubject(JsonNode view) {
        ObjectNode copy = ((ObjectNode) view).deepCopy();
        copy.remove("subject");
        copy.remove("overdue");
        return copy;
    }

    private JsonNode requestedPayload(String requestId) {
        return Http.JSON.readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, requestId));
    }

    private String pseudonymOf(String requestId) {
        return requestedPayload(requestId).path("subjectPseudonym").asString();
    }

    private Instant lastUsed(String pseudonym) {
        return jdbc.queryForObject(
                        "select last_used_at from subject_key where pseudonym = ?", Timestamp.class, pseudonym)
                .toInstant();
    }

    private long keys() {
        return jdbc.queryForObject("select count(*) from subject_key", Long.class);
    }

    private long keys(Child child) {
        return jdbc.queryForObject(
                "select count(*) from subject_key where pseudonym = ?", Long.class, pseudonymOf(child));
    }

    private String pseudonymOf(Child child) {
        return child.nhsNumber() != null
                ? pseudonyms.of(NhsNumber.parse(child.nhsNumber()).orElseThrow())
                : pseudonyms.ofLocalReference(child.agencyId(), child.localReference());
    }

    /** A child of the test's own: every identifier made up and registered by the test support. */
    private record Child(String nhsNumber, String localReference, String agencyId, String name, LocalDate dateOfBirth) {

        static Child byNhsNumber() {
            return new Child(
                    Scenario.uniqueNhsNumber(), null, null, Scenario.uniqueName(), Scenario.uniqueDateOfBirth());
        }

        static Child byLocalReference(String agencyId) {
            return new Child(
                    null,
                    Scenario.uniqueLocalReference(),
                    agencyId,
                    Scenario.uniqueName(),
                    Scenario.uniqueDateOfBirth());
        }

        String spacedNhsNumber() {
            return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
        }

        /** A request about the child with both details, the name with spaces around it (trimmed on the way in). */
        Map<String, Object> requestBody(Parties p) {
            Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
            Map<String, Object> subject = new LinkedHashMap<>();
            if (nhsNumber != null) {
                subject.put("nhsNumber", nhsNumber);
            } else {
                subject.put("localReference", localReference);
            }
            subject.put("name", "  " + name + " ");
            subject.put("dateOfBirth", dateOfBirth.toString());
            body.put("subject", subject);
            return body;
        }

        Map<String, Object> erasure(String legalBasis, String reason) {
            return erasureOf(
                    nhsNumber != null
                            ? Map.of("nhsNumber", nhsNumber)
                            : Map.of("localReference", localReference, "agencyId", agencyId),
                    legalBasis,
                    reason);
        }

        static Map<String, Object> erasureOf(Map<String, Object> subject, String legalBasis, String reason) {
            Map<String, Object> body = new HashMap<>(subject);
            body.put("legalBasis", legalBasis);
            body.put("reason", reason);
            return body;
        }

        @Override
        public String toString() {
            return "Child[redacted]";
        }
    }
}
