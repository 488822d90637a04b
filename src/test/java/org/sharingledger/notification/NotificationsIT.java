package org.sharingledger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Mail;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Agencies are mailed the steps that concern them, once each, and every mail is a ledger event. */
class NotificationsIT extends IntegrationTest {

    private static final Duration MAILED = Duration.ofSeconds(90);

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MeterRegistry meters;

    @Test
    void eachStepMailsTheRightAgency() {
        Cast cast = cast();
        String inbox = Scenario.unique("holder-inbox") + "@police.example";
        assertThat(http.as(Scenario.ADMIN)
                        .put(addressOf(cast.holder()), Map.of("email", inbox))
                        .status())
                .isEqualTo(200);

        Map<String, Object> urgent = Scenario.requestBody(cast.requester(), cast.holder(), "URGENT");
        String refused = scenario.request(cast.requesterPractitioner(), urgent);
        Mail.Received asked = awaitOne(inbox, refused);
        assertThat(asked.subject())
                .startsWith("New request for information: Agency " + cast.requester() + " to Agency " + cast.holder())
                .contains("Urgent (24 hours)");
        assertThat(asked.text())
                .contains("From: Agency " + cast.requester() + " (" + cast.requester() + ")")
                .contains("To: Agency " + cast.holder() + " (" + cast.holder() + ")")
                .contains("Urgency: Urgent (24 hours)")
                .contains("Due by: ")
                .contains("http://localhost:8080/requests/" + refused);

        ok(http.as(cast.holderPractitioner()).post("/api/requests/" + refused + "/refusal", Scenario.refusal()));
        assertThat(awaitOne(cast.requesterRepresentative(), refused).text())
                .startsWith("Request refused")
                .contains("Reason: Would prejudice an investigation");

        ok(http.as(cast.requesterPractitioner())
                .post(
                        "/api/requests/" + refused + "/escalations",
                        Map.of("stage", "LINE_MANAGER", "reason", "We need it to assess risk")));
        assertThat(awaitOne(cast.holderRepresentative(), refused).text())
                .startsWith("Refusal escalated")
                .contains("Escalated to: Line manager");

        ok(http.as(cast.holderRep())
                .post(
                        "/api/requests/" + refused + "/escalations/resolution",
                        Map.of("outcome", "REFUSAL_UPHELD", "rationale", "The investigation is still live")));
        await().atMost(MAILED)
                .until(() -> mailsAbout(cast.requesterRepresentative(), refused).size() == 2);
        assertThat(mailsAbout(cast.requesterRepresentative(), refused).get(1).text())
                .startsWith("Escalation resolved")
                .contains("Stage: Line manager", "Outcome: Refusal upheld");

        String shared = scenario.request(cast.requesterPractitioner(), cast.requester(), cast.holder());
        awaitOne(inbox, shared);
        ok(http.as(cast.holderPractitioner()).post("/api/requests/" + shared + "/share", Scenario.share("PARTIAL")));
        assertThat(awaitOne(cast.requesterRepresentative(), shared).text())
                .startsWith("Information shared")
                .contains("Shared: In part")
                .contains("Urgency: Routine (10 days)");

        // EMERGENCY is due in 2 seconds in the tests: both agencies are told it became overdue.
        String overdue = scenario.request(
                cast.requesterPractitioner(), Scenario.requestBody(cast.requester(), cast.holder(), "EMERGENCY"));
        await().atMost(MAILED).until(() -> mailsAbout(inbox, overdue).size() == 2);
        assertThat(mailsAbout(inbox, overdue))
                .extracting(Mail.Received::subject)
                .anySatisfy(subject -> assertThat(subject).startsWith("Request overdue"));
        assertThat(awaitOne(cast.requesterRepresentative(), overdue).subject()).startsWith("Request overdue");

        // The holder's notifications, as its users and the Trust see them; the requester's users may not.
        JsonNode holderList = ok(http.as(cast.holderPractitioner())
                        .get("/api/agencies/" + cast.holder() + "/notifications?size=100"))
                .json();
        assertThat(holderList.path("totalItems").asLong()).isEqualTo(5);
        List<String> steps = new ArrayList<>();
        holderList.path("items").forEach(item -> steps.add(item.path("step").asString()));
        assertThat(steps)
                .containsExactlyInAnyOrder("NEW_REQUEST", "ESCALATED", "NEW_REQUEST", "NEW_REQUEST", "OVERDUE");
        JsonNode escalated = holderList.path("items").get(steps.indexOf("ESCALATED"));
        assertThat(escalated.path("address").asString()).isEqualTo(cast.holderRepresentative());
        assertThat(escalated.path("requestId").asString()).isEqualTo(refused);
        assertThat(escalated.path("eventId").asString()).isNotBlank();
        assertThat(escalated.path("sentAt").asString()).isNotBlank();
        // Recorded by the ledger itself, not in the name of whoever took the step it tells of.
        String metaData = jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class,
                escalated.path("notificationId").asString());
        assertThat(metaData).contains("\"actor.username\":\"system\"").doesNotContain("actor.agencyId");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        assertThat(ok(http.as(trust).get("/api/agencies/" + cast.holder() + "/notifications"))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(5);
        assertThat(http.as(cast.requesterPractitioner())
                        .get("/api/agencies/" + cast.holder() + "/notifications")
                        .status())
                .isEqualTo(403);
        assertThat(ok(http.as(cast.requesterPractitioner()).get("/api/agencies/" + cast.requester() + "/notifications"))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(4);

        // Every mail is a ledger event, in a stream of its own.
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification_sent where agency_id in (?, ?)",
                        Long.class,
                        cast.requester(),
                        cast.holder()))
                .isEqualTo(9);
        assertThat(meters.get("ledger.notifications.sent")
                        .tag("step", "NEW_REQUEST")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theNotificationAddressIsSetByAnAdministratorOrTheAgencysOwnRepresentative() {
        Cast cast = cast();
        String first = Scenario.unique("first") + "@police.example";
        Response byAdmin = http.as(Scenario.ADMIN).put(addressOf(cast.holder()), Map.of("email", first));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.field("notificationAddress")).isEqualTo(first);
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/" + cast.holder()).field("notificationAddress"))
                .isEqualTo(first);

        String second = Scenario.unique("second") + "@police.example";
        assertThat(http.as(cast.holderRep())
                        .put(addressOf(cast.holder()), Map.of("email", second))
                        .status())
                .isEqualTo(200);
        assertThat(http.as(cast.holderPractitioner())
                        .get("/api/agencies/" + cast.holder())
                        .field("notificationAddress"))
                .isEqualTo(second);
        assertThat(events("NotificationAddressSet")).isGreaterThanOrEqualTo(2);

        long denied = events("AccessDenied");
        assertThat(http.as(cast.holderPractitioner())
                        .put(addressOf(cast.holder()), Map.of("email", first))
                        .status())
                .isEqualTo(403);
        Credentials otherRepresentative = scenario.user(cast.requester(), "NOMINATED_REPRESENTATIVE");
        Response other = http.as(otherRepresentative).put(addressOf(cast.holder()), Map.of("email", first));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);

        Response invalid = http.as(Scenario.ADMIN).put(addressOf(cast.holder()), Map.of("email", "not-an-address"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invalid.errorFields()).containsExactly("email");
        assertThat(http.anonymous()
                        .put(addressOf(cast.holder()), Map.of("email", first))
                        .status())
                .isEqualTo(401);
        assertThat(http.as(Scenario.ADMIN)
                        .put(addressOf("no-such-agency"), Map.of("email", first))
                        .status())
                .isEqualTo(404);
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/" + cast.holder()).field("notificationAddress"))
                .isEqualTo(second);
    }

    @Test
    void mailsCarryNeitherTheChildNorAnyTextOfTheRequest() {
        Cast cast = cast();
        String nhsNumber = Scenario.uniqueNhsNumber();
        String name = Scenario.uniqueName();
        List<String> markers = new ArrayList<>();
        for (String field : List.of("case", "purpose", "consent", "sought", "rationale", "escalation", "resolution")) {
            markers.add("Zq" + field + Scenario.unique("marker").replace("-", ""));
        }
        Map<String, Object> body =
                new LinkedHashMap<>(Scenario.requestBody(cast.requester(), cast.holder(), "ROUTINE"));
        body.put("subject", Map.of("nhsNumber", nhsNumber, "name", name, "dateOfBirth", "2004-05-06"));
        body.put("caseReference", markers.get(0));
        body.put("purposeDetail", markers.get(1));
        body.put("consent", Map.of("status", "NOT_SOUGHT", "detail", markers.get(2)));
        body.put("informationSought", markers.get(3));
        String requestId = scenario.request(cast.requesterPractitioner(), body);
        ok(http.as(cast.holderPractitioner())
                .post(
                        "/api/requests/" + requestId + "/refusal",
                        Map.of("reason", "THIRD_PARTY_CONFIDENTIALITY", "rationale", markers.get(4))));
        ok(http.as(cast.requesterPractitioner())
                .post(
                        "/api/requests/" + requestId + "/escalations",
                        Map.of("stage", "NOMINATED_REPRESENTATIVE", "reason", markers.get(5))));
        ok(http.as(cast.holderRep())
                .post(
                        "/api/requests/" + requestId + "/escalations/resolution",
                        Map.of(
                                "outcome",
                                "SHARED",
                                "rationale",
                                markers.get(6),
                                "informationShared",
                                markers.get(6) + "x",
                                "method",
                                "SECURE_PORTAL")));
        await().atMost(MAILED)
                .until(() -> mailsAbout(cast.holderRepresentative(), requestId).size()
                                + mailsAbout(cast.requesterRepresentative(), requestId)
                                        .size()
                        == 4);

        List<Mail.Received> mails = new ArrayList<>(mailsAbout(cast.holderRepresentative(), requestId));
        mails.addAll(mailsAbout(cast.requesterRepresentative(), requestId));
        String digits = nhsNumber.replaceAll("\\D", "");
        List<String> forbidden = new ArrayList<>(markers);
        forbidden.addAll(List.of(
                digits,
                digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6),
                name,
                "2004-05-06"));
        for (Mail.Received mail : mails) {
            for (String secret : forbidden) {
                assertThat(mail.subject()).doesNotContainIgnoringCase(secret);
                assertThat(mail.text()).doesNotContainIgnoringCase(secret);
            }
            assertThat(mail.text()).contains("/requests/" + requestId);
        }
    }

    @Test
    void aMailServerOutageLosesAndDuplicatesNothing() {
        Cast cast = cast();
        double failedBefore = failed();
        List<String> requests = new ArrayList<>();
        Mail.stop();
        try {
            for (int i = 0; i < 3; i++) {
                requests.add(scenario.request(cast.requesterPractitioner(), cast.requester(), cast.holder()));
            }
            await().atMost(MAILED).until(() -> failed() >= failedBefore + 2);
            assertThat(Mail.to(cast.holderRepresentative())).isEmpty();
            assertThat(recorded(requests)).isZero();
        } finally {
            Mail.start();
        }
        await().atMost(MAILED).until(() -> Mail.to(cast.holderRepresentative()).size() >= 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Mail.to(cast.holderRepresentative()).size() == 3);
        for (String requestId : requests) {
            assertThat(mailsAbout(cast.holderRepresentative(), requestId)).hasSize(1);
        }
        assertThat(recorded(requests)).isEqualTo(3);
    }

    @Test
    void aProcessorRestartLosesAndDuplicatesNothing() {
        Cast cast = cast();
        EventProcessor notifications =
                processing.eventProcessor(Notifier.PROCESSING_GROUP).orElseThrow();
        String before = scenario.request(cast.requesterPractitioner(), cast.requester(), cast.holder());
        awaitOne(cast.holderRepresentative(), before);

        notifications.shutDown();
        List<String> during = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                during.add(scenario.request(cast.requesterPractitioner(), cast.requester(), cast.holder()));
            }
            assertThat(recorded(during)).isZero();
        } finally {
            notifications.start();
        }

        await().atMost(MAILED).until(() -> Mail.to(cast.holderRepresentative()).size() >= 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Mail.to(cast.holderRepresentative()).size() == 3);
        assertThat(mailsAbout(cast.holderRepresentative(), before)).hasSize(1);
        for (String requestId : during) {
            assertThat(mailsAbout(cast.holderRepresentative(), requestId)).hasSize(1);
        }
        List<String> all = new ArrayList<>(during);
        all.add(before);
        assertThat(recorded(all)).isEqualTo(3);
    }

    @Test
    void theNotificationsAreNeverReplayed() {
        Response rebuild =
                http.as(Scenario.ADMIN).post("/api/admin/read-models/" + Notifier.PROCESSING_GROUP + "/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(409);
    }

    /** Two agencies, each with its own representative's address, a practitioner each, the holder's representative. */
    private Cast cast() {
        String requester = agency("CHILDRENS_SOCIAL_CARE");
        String holder = agency("POLICE");
        return new Cast(
                requester,
                holder,
                scenario.user(requester, "PRACTITIONER"),
                scenario.user(holder, "PRACTITIONER"),
                scenario.user(holder, "NOMINATED_REPRESENTATIVE"));
    }

    private String agency(String sector) {
        String agencyId =
                Scenario.unique(sector.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        Map<String, Object> body = Scenario.agencyBody(agencyId, sector);
        body.put("nominatedRepresentative", Map.of("name", "Nominated Rep", "email", representative(agencyId)));
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);
        return agencyId;
    }

    private static String representative(String agencyId) {
        return "rep@" + agencyId + ".example";
    }

    private record Cast(
            String requester,
            String holder,
            Credentials requesterPractitioner,
            Credentials holderPractitioner,
            Credentials holderRep) {

        String requesterRepresentative() {
            return representative(requester);
        }

        String holderRepresentative() {
            return representative(holder);
        }
    }

    private static String addressOf(String agencyId) {
        return "/api/agencies/" + agencyId + "/notification-address";
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<Mail.Received> mailsAbout(String address, String requestId) {
        return Mail.to(address).stream()
                .filter(mail -> mail.text().contains("/requests/" + requestId))
                .toList();
    }

    private static Mail.Received awaitOne(String address, String requestId) {
        await().atMost(MAILED).until(() -> !mailsAbout(address, requestId).isEmpty());
        List<Mail.Received> mails = mailsAbout(address, requestId);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private double failed() {
        return meters.find("ledger.notifications.failed").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private long recorded(List<String> requestIds) {
        return jdbc.queryForObject(
                "select count(*) from notification_view where request_id = any (?)", Long.class, (Object)
                        requestIds.toArray(String[]::new));
    }
}
