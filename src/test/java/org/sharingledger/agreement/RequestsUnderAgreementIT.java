package org.sharingledger.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.node.ObjectNode;

/** A request may cite an Information Sharing Protocol only while it is in force between the two agencies. */
class RequestsUnderAgreementIT extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    private record Cast(
            String requester,
            String holder,
            Credentials requesterRep,
            Credentials holderRep,
            Credentials practitioner) {}

    private Cast cast() {
        String requester = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String holder = scenario.agency("POLICE");
        return new Cast(
                requester,
                holder,
                scenario.user(requester, "NOMINATED_REPRESENTATIVE"),
                scenario.user(holder, "NOMINATED_REPRESENTATIVE"),
                scenario.user(requester, "PRACTITIONER"));
    }

    private String proposed(Credentials by, String one, String other) {
        Response created = http.as(by).post("/api/agreements", AgreementsIT.agreementBody(List.of(one, other)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("agreementId");
    }

    private void sign(Credentials by, String id, String agencyId) {
        Response signed = http.as(by).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", agencyId));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    }

    private String active(Cast c) {
        String id = proposed(c.requesterRep(), c.requester(), c.holder());
        sign(c.requesterRep(), id, c.requester());
        sign(c.holderRep(), id, c.holder());
        return id;
    }

    private Response request(Cast c, Object agreementId) {
        Map<String, Object> body = Scenario.requestBody(c.requester(), c.holder(), "ROUTINE");
        body.put("agreementId", agreementId);
        return http.as(c.practitioner()).post("/api/requests", body);
    }

    @Test
    void aRequestUnderAnAgreementInForceBetweenTheTwoAgenciesShowsItAndIsCounted() {
        Cast c = cast();
        String agreementId = active(c);

        Response made = request(c, agreementId);

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        Response read = http.as(c.practitioner()).get("/api/requests/" + made.field("requestId"));
        assertThat(read.field("agreementId")).isEqualTo(agreementId);
        assertThat(read.field("agreementTitle")).isEqualTo("Domestic abuse notifications");
        String plain = scenario.request(c.practitioner(), c.requester(), c.holder());
        assertThat(http.as(c.practitioner())
                        .get("/api/requests/" + plain)
                        .json()
                        .path("agreementId")
                        .isNull())
                .isTrue();

        awaitReadModels();
        assertThat(http.as(c.requesterRep())
                        .get("/api/agencies/" + c.requester() + "/dashboard")
                        .json()
                        .path("asRequester")
                        .path("madeUnderAgreement")
                        .asLong())
                .isEqualTo(1);
        assertThat(http.as(c.holderRep())
                        .get("/api/agencies/" + c.holder() + "/dashboard")
                        .json()
                        .path("asHolder")
                        .path("receivedUnderAgreement")
                        .asLong())
                .isEqualTo(1);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        assertThat(http.as(trust)
                        .get("/api/trust/refusal-patterns")
                        .json()
                        .path("requestsUnderAgreement")
                        .asLong())
                .isPositive();
    }

    @Test
    void onlyAnAgreementInForceBetweenTheTwoAgenciesMayBeCited() {
        Cast c = cast();
        String awaiting = proposed(c.requesterRep(), c.requester(), c.holder());
        String ended = active(c);
        http.as(c.holderRep()).post("/api/agreements/" + ended + "/termination", Map.of("reason", "Superseded"));
        String health = scenario.agency("HEALTH");
        Credentials healthRep = scenario.user(health, "NOMINATED_REPRESENTATIVE");
        String elsewhere = proposed(c.requesterRep(), c.requester(), health);
        sign(c.requesterRep(), elsewhere, c.requester());
        sign(healthRep, elsewhere, health);
        long before = events();

        for (String agreementId :
                List.of(awaiting, ended, elsewhere, UUID.randomUUID().toString())) {
            Response refused = request(c, agreementId);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }
        Response malformed = request(c, "not-an-agreement");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("agreementId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anInformationRequestedStoredBeforeAgreementsStillLoadsCitingNone() {
        Cast c = cast();
        String agreementId = active(c);
        String id = request(c, agreementId).field("requestId");
        Map<String, Object> row = jdbc.queryForMap("""
                select payload, payload_type, payload_revision from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", id);
        ObjectNode stored = (ObjectNode) Http.JSON.readTree((byte[]) row.get("payload"));
        ObjectNode old = stored.deepCopy();
        old.remove("agreementId");

        InformationRequested now = deserialize(stored.toString(), row);
        InformationRequested before = deserialize(old.toString(), row);

        assertThat(now.agreementId()).isEqualTo(agreementId);
        assertThat(before.agreementId()).isNull();
        assertThat(before.requestId()).isEqualTo(now.requestId());
        assertThat(row.get("payload_revision")).isEqualTo("1");
    }

    private InformationRequested deserialize(String payload, Map<String, Object> row) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, (String) row.get("payload_type"), (String)
                        row.get("payload_revision")));
    }
}
