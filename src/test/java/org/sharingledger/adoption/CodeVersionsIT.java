package org.sharingledger.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/code-versions}: the versions signed and adopted, in order, how many are on each, which is current. */
class CodeVersionsIT extends IntegrationTest {

    @Autowired
    private EventGateway events;

    @Test
    void theVersionsSignedBeforeAnyAdoptionComeFirstAndTheLastAdoptedIsCurrent() {
        String legacy = Scenario.unique("protocol");
        String agencyId = Scenario.unique("school");
        Map<String, Object> body = Scenario.agencyBody(agencyId, "EDUCATION");
        body.put("codeOfPracticeVersion", legacy);
        body.put("signedOn", "1999-04-01");
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);
        Credentials practitioner = scenario.user(agencyId, "PRACTITIONER");

        JsonNode signedOnly =
                find(http.as(practitioner).get("/api/code-versions").json(), legacy);
        assertThat(signedOnly.path("adoptedOn").isNull()).isTrue();
        assertThat(signedOnly.path("signedAgencies").asLong()).isEqualTo(1);

        String adopted = Scenario.unique("code");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        events.publish(GenericEventMessage.asEventMessage(new CodeVersionAdopted(
                        Scenario.unique("consultation"),
                        adopted,
                        "The Code of Practice",
                        today,
                        null,
                        List.of(agencyId),
                        List.of(),
                        Instant.now()))
                .andMetaData(ActorMetaData.of(Actor.SYSTEM, null)));

        JsonNode versions = http.as(practitioner).get("/api/code-versions").json();
        JsonNode now = find(versions, adopted);
        assertThat(now.path("adoptedOn").asString()).isEqualTo(today.toString());
        assertThat(now.path("current").asBoolean()).isTrue();
        assertThat(now.path("signedAgencies").asLong()).isEqualTo(1);
        assertThat(now.path("title").asString()).isEqualTo("The Code of Practice");
        JsonNode before = find(versions, legacy);
        assertThat(before.path("signedAgencies").asLong())
                .as("its one agency moved")
                .isZero();
        assertThat(before.path("current").asBoolean()).isFalse();
        List<String> order = names(versions);
        assertThat(order.indexOf(legacy)).isLessThan(order.indexOf(adopted));
        assertThat(order.get(order.size() - 1)).isEqualTo(adopted);
        long current = 0;
        for (JsonNode version : versions) {
            current += version.path("current").asBoolean() ? 1 : 0;
        }
        assertThat(current).isEqualTo(1);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + agencyId)
                        .json()
                        .path("codeOfPracticeVersion")
                        .asString())
                .isEqualTo(adopted);
    }

    @Test
    void theVersionsAreForSignedInUsers() {
        assertThat(http.anonymous().get("/api/code-versions").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode versions, String name) {
        for (JsonNode version : versions) {
            if (version.path("codeVersion").asString().equals(name)) {
                return version;
            }
        }
        throw new AssertionError(name + " is not in " + versions);
    }

    private static List<String> names(JsonNode versions) {
        List<String> names = new ArrayList<>();
        versions.forEach(version -> names.add(version.path("codeVersion").asString()));
        return names;
    }
}
