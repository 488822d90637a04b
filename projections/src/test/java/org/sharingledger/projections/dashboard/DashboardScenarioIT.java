package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * Six agencies of different sectors, 200 requests with a mix of outcomes driven through the HTTP API; both dashboards'
 * figures checked against counts this test keeps itself. Area-wide figures are checked as the change the scenario
 * made (other tests share the database).
 */
class DashboardScenarioIT extends IntegrationTest {

    private static final String[] SECTORS = {
        "CHILDRENS_SOCIAL_CARE", "EDUCATION", "HEALTH", "POLICE", "HOUSING", "VOLUNTARY_COMMUNITY"
    };
    private static final String[] REASONS = {
        "THIRD_PARTY_CONFIDENTIALITY", "WOULD_PREJUDICE_INVESTIGATION", "INFORMATION_NOT_HELD", "STATUTORY_BAR"
    };
    private static final String[] STAGES = {
        "LINE_MANAGER", "NOMINATED_REPRESENTATIVE", "DATA_PROTECTION_OFFICER", "SAFEGUARDING_PARTNERSHIP"
    };

    /** Counts one agency should show. */
    private static final class Expected {
        long received, decided, shared, partial, refused, withdrawn, awaiting, openEscalations;
        final Map<String, Long> refusedByReason = new HashMap<>();
        long made, escalationsRaised, sharedAfter, upheld;
        final Map<String, Long> outcomes = new HashMap<>();
        final Map<String, Long> byStage = new HashMap<>();
    }

    @Test
    void bothDashboardsAgreeWithCountsKeptByTheTest() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        List<String> agencies = new ArrayList<>();
        Map<String, Credentials> practitioners = new HashMap<>();
        Map<String, Credentials> representatives = new HashMap<>();
        for (String sector : SECTORS) {
            String agency = scenario.agency(sector);
            agencies.add(agency);
            practitioners.put(agency, scenario.user(agency, "PRACTITIONER"));
            representatives.put(agency, scenario.user(agency, "NOMINATED_REPRESENTATIVE"));
        }
        awaitReadModels();
        JsonNode before = http.as(trust).get("/api/trust/refusal-patterns").json();

        Map<String, Expected> expected = new LinkedHashMap<>();
        agencies.forEach(agency -> expected.put(agency, new Expected()));
        Map<String, Long> areaReasons = new HashMap<>();
        Random random = new Random(2009);
        for (int i = 0; i < 200; i++) {
            String requester = agencies.get(random.nextInt(agencies.size()));
            String holder;
            do {
                holder = agencies.get(random.nextInt(agencies.size()));
            } while (holder.equals(requester));
            Expected h = expected.get(holder);
            Expected r = expected.get(requester);
            String id = scenario.request(practitioners.get(requester), requester, holder);
            h.received++;
            r.made++;
            String path = "/api/requests/" + id;
            String status;
            switch (i % 7) {
                case 0 -> {
                    status = "AWAITING_DECISION";
                    h.awaiting++;
                }
                case 1 -> {
                    ok(http.as(practitioners.get(holder)).post(path + "/share", Scenario.share("FULL")));
                    status = "SHARED";
                    h.decided++;
                    h.shared++;
                }
                case 2, 6 -> {
                    ok(http.as(practitioners.get(holder)).post(path + "/share", Scenario.share("PARTIAL")));
                    h.decided++;
                    h.partial++;
                    status = "PARTIALLY_SHARED";
                    if (i % 7 == 6) {
                        String stage = STAGES[random.nextInt(3)];
                        ok(http.as(practitioners.get(requester))
                                .post(path + "/escalations", Map.of("stage", stage, "reason", "We need it all")));
                        r.escalationsRaised++;
                        r.byStage.merge(stage, 1L, Long::sum);
                        h.openEscalations++;
                        status = "ESCALATED";
                    }
                }
                case 3, 5 -> {
                    String reason = REASONS[random.nextInt(REASONS.length)];
                    ok(http.as(practitioners.get(holder))
                            .post(path + "/refusal", Map.of("reason", reason, "rationale", "Recorded reason")));
                    h.decided++;
                    h.refused++;
                    h.refusedByReason.merge(reason, 1L, Long::sum);
                    areaReasons.merge(reason, 1L, Long::sum);
                    status = "REFUSED";
                    if (i % 7 == 5) {
                        String stage = STAGES[random.nextInt(4)];
                        ok(http.as(practitioners.get(requester))
                                .post(path + "/escalations", Map.of("stage", stage, "reason", "Child at risk")));
                        r.escalationsRaised++;
                        r.byStage.merge(stage, 1L, Long::sum);
                        boolean share = random.nextBoolean();
                        Credentials resolver =
                                stage.equals("SAFEGUARDING_PARTNERSHIP") ? trust : representatives.get(holder);
                        ok(http.as(resolver)
                                .post(
                                        path + "/escalations/resolution",
                                        share
                                                ? Map.of(
                                                        "outcome",
                                                        "SHARED",
                                                        "rationale",
                                                        "Risk",
                                                        "informationShared",
                                                        "All",
                                                        "method",
                                                        "SECURE_EMAIL")
                                                : Map.of("outcome", "REFUSAL_UPHELD", "rationale", "Still live")));
                        if (share) {
                            r.sharedAfter++;
                            status = "SHARED_AFTER_ESCALATION";
                        } else {
                            r.upheld++;
                            status = "REFUSAL_UPHELD";
                        }
                    }
                }
                default -> {
                    ok(http.as(practitioners.get(requester))
                            .post(path + "/withdrawal", Map.of("reason", "No longer needed")));
                    h.withdrawn++;
                    status = "WITHDRAWN";
                }
            }
            r.outcomes.merge(status, 1L, Long::sum);
        }
        awaitReadModels();

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        for (String agency : agencies) {
            Expected e = expected.get(agency);
            JsonNode d = http.as(representatives.get(agency))
                    .get("/api/agencies/" + agency + "/dashboard")
                    .json();
            JsonNode holder = d.path("asHolder");
            assertThat(holder.path("received").asLong())
                    .as(agency + " received")
                    .isEqualTo(e.received);
            assertThat(holder.path("decided").asLong()).isEqualTo(e.decided);
            assertThat(holder.path("shared").asLong()).isEqualTo(e.shared);
            assertThat(holder.path("partiallyShared").asLong()).isEqualTo(e.partial);
            assertThat(holder.path("refused").asLong()).isEqualTo(e.refused);
            assertThat(holder.path("withdrawn").asLong()).isEqualTo(e.withdrawn);
            assertThat(holder.path("awaitingDecision").asLong()).isEqualTo(e.awaiting);
            assertThat(holder.path("overdueNow").asLong()).isZero();
            assertThat(holder.path("decidedLate").asLong()).isZero();
            if (e.decided > 0) {
                assertThat(holder.path("refusalRate").asDouble())
                        .isCloseTo((double) e.refused / e.decided, within(1e-9));
                assertThat(holder.path("onTimeRate").asDouble()).isEqualTo(1.0);
                assertThat(holder.path("p90HoursToDecision").asDouble())
                        .isGreaterThanOrEqualTo(
                                holder.path("medianHoursToDecision").asDouble())
                        .isGreaterThanOrEqualTo(0);
            }
            for (String reason : REASONS) {
                assertThat(holder.path("refusalsByReason").path(reason).asLong())
                        .isEqualTo(e.refusedByReason.getOrDefault(reason, 0L));
            }
            JsonNode requester = d.path("asRequester");
            assertThat(requester.path("made").asLong()).isEqualTo(e.made);
            e.outcomes.forEach((status, n) -> assertThat(
                            requester.path("outcomes").path(status).asLong())
                    .as(status)
                    .isEqualTo(n));
            assertThat(requester.path("escalationsRaised").asLong()).isEqualTo(e.escalationsRaised);
            for (String stage : STAGES) {
                assertThat(requester.path("escalationsByStage").path(stage).asLong())
                        .isEqualTo(e.byStage.getOrDefault(stage, 0L));
            }
            assertThat(requester.path("sharedAfterEscalation").asLong()).isEqualTo(e.sharedAfter);
            assertThat(requester.path("refusalUpheld").asLong()).isEqualTo(e.upheld);
            assertThat(d.path("openEscalations").asLong()).isEqualTo(e.openEscalations);
            JsonNode thisMonth = d.path("monthly").get(d.path("monthly").size() - 1);
            assertThat(thisMonth.path("month").asString()).isEqualTo(month);
            assertThat(thisMonth.path("received").asLong()).isEqualTo(e.received);
            assertThat(thisMonth.path("refused").asLong()).isEqualTo(e.refused);
            assertThat(d.path("monthly").size()).isEqualTo(12);
        }

        JsonNode after = http.as(trust).get("/api/trust/refusal-patterns").json();
        double area = after.path("areaRefusalRate").asDouble();
        long allDecided = 0;
        long allRefused = 0;
        for (JsonNode row : after.path("agencies")) {
            allDecided += row.path("decided").asLong();
            allRefused += row.path("refused").asLong();
            String agency = row.path("agencyId").asString();
            if (!expected.containsKey(agency)) {
                continue;
            }
            Expected e = expected.get(agency);
            assertThat(row.path("received").asLong()).isEqualTo(e.received);
            assertThat(row.path("decided").asLong()).isEqualTo(e.decided);
            assertThat(row.path("refused").asLong()).isEqualTo(e.refused);
            assertThat(row.path("overdueRate").asDouble()).isZero();
            if (e.decided > 0) {
                Funnel funnel = Funnel.of(area, e.decided, (double) e.refused / e.decided);
                assertThat(row.path("funnel").path("upper95").asDouble()).isCloseTo(funnel.upper95(), within(1e-9));
                assertThat(row.path("funnel").path("lower998").asDouble()).isCloseTo(funnel.lower998(), within(1e-9));
                assertThat(row.path("funnel").path("flag").asString())
                        .isEqualTo(funnel.flag().name());
            }
        }
        assertThat(area).isCloseTo((double) allRefused / allDecided, within(1e-9));
        for (String reason : REASONS) {
            assertThat(after.path("refusalsByReason").path(reason).asLong()
                            - before.path("refusalsByReason").path(reason).asLong())
                    .as(reason)
                    .isEqualTo(areaReasons.getOrDefault(reason, 0L));
        }
        long requestsInMatrixBefore = sum(before.path("sectorMatrix"), "requests");
        assertThat(sum(after.path("sectorMatrix"), "requests") - requestsInMatrixBefore)
                .isEqualTo(200);
        JsonNode lastMonth = after.path("monthly").get(after.path("monthly").size() - 1);
        JsonNode lastMonthBefore =
                before.path("monthly").get(before.path("monthly").size() - 1);
        assertThat(lastMonth.path("received").asLong()
                        - lastMonthBefore.path("received").asLong())
                .isEqualTo(200);

        Response csv = http.as(trust).header("Accept", "text/csv").get("/api/trust/refusal-patterns");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String firstAgency = agencies.get(0);
        String line = csv.text()
                .lines()
                .filter(l -> l.startsWith(firstAgency + ","))
                .findFirst()
                .orElseThrow();
        assertThat(line.split(",", -1)[5]).isEqualTo(String.valueOf(expected.get(firstAgency).refused));
        Response agencyCsv = http.as(representatives.get(firstAgency))
                .header("Accept", "text/csv")
                .get("/api/agencies/" + firstAgency + "/dashboard?from=" + LocalDate.now(ZoneOffset.UTC));
        assertThat(agencyCsv.text()).contains("asHolder,refused,," + expected.get(firstAgency).refused);
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.path(field).asLong();
        }
        return total;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
