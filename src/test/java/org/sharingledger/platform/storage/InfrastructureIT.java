package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;

/** The wiring STACK.md warns about, checked on the running application. */
class InfrastructureIT extends IntegrationTest {

    @Autowired
    TransactionManager axonTransactionManager;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void axonUsesSpringsTransactionsAndTheJdbcStores() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void aCommitIsDurableBeforeItIsAnswered() {
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    }

    @Test
    void readModelsThatMustReflectAWriteAreSubscribingAndNeverSwallowErrors() {
        for (String group : new String[] {"request-views", "agency-views", "access-accounts", "dashboards"}) {
            if (!group.equals("dashboards")) {
                assertThat(processing.eventProcessor(group))
                        .get()
                        .as(group)
                        .isInstanceOf(SubscribingEventProcessor.class);
            }
            assertThat(processing.listenerInvocationErrorHandler(group))
                    .as(group)
                    .isInstanceOf(StopOnErrorHandler.class);
        }
    }

    @Test
    void everyEventCarriesItsActorAgencyRolesAndCorrelationId() {
        Parties p = scenario.parties();
        Response created = http.as(p.requesterPractitioner())
                .header("X-Correlation-Id", "ticket-4711")
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));

        assertThat(created.header("X-Correlation-Id")).isEqualTo("ticket-4711");
        String metaData = jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry " + "where aggregate_identifier = ?",
                String.class,
                created.field("requestId"));
        assertThat(metaData)
                .contains("\"actor.username\":\"" + p.requesterPractitioner().username() + "\"")
                .contains("\"actor.agencyId\":\"" + p.requester() + "\"")
                .contains("\"actor.roles\":\"PRACTITIONER\"")
                .contains("\"correlationId\":\"ticket-4711\"");
    }

    @Test
    void healthMetricsAndApiDescriptionAreServed() {
        Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner())
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));

        assertThat(http.anonymous().get("/actuator/health").field("status")).isEqualTo("UP");
        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.as(p.requesterPractitioner())
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        String prometheus = http.as(Scenario.ADMIN).get("/actuator/prometheus").text();
        assertThat(prometheus)
                .contains("ledger_commands_seconds_count{")
                .containsPattern(
                        "ledger_commands_seconds_count\\{[^}]*command=\"MakeRequest\"[^}]*outcome=\"accepted\"")
                .containsPattern("ledger_commands_seconds_count\\{[^}]*command=\"MakeRequest\"[^}]*outcome=\"denied\"")
                .contains("commandBus");
    }

    @Test
    void onlyTheBusesAndStreamingReadModelsAreMeasuredPerMessageAndSecurityIsNotObservedPerFilter() {
        Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        awaitReadModels();

        String prometheus = http.as(Scenario.ADMIN).get("/actuator/prometheus").text();
        assertThat(prometheus)
                .contains("commandBus_")
                .contains("eventStore_")
                .contains("dashboards_")
                .doesNotContain("request_views_")
                .doesNotContain("agency_views_")
                .doesNotContain("access_accounts_")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authorizations");
        Response apiDocs = http.anonymous().get("/v3/api-docs");
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.json().path("paths").has("/api/requests/{requestId}/escalations/resolution"))
                .isTrue();
        assertThat(http.anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
