package org.sharingledger.projections.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark -Dit.test=WorkListBenchmark}. One agency with 100,000
 * requests (half as holder, half as requester, over three years: most decided, some awaiting and overdue, some
 * escalated) among 200,000 requests between 20 other agencies; times {@code GET /requests} as a practitioner and as
 * the nominated representative see it, first page and a deep page, and prints the figures and the queries' plans.
 *
 * <p>{@code request_view} is filled by set-based SQL rather than by events through the projection: the work list
 * reads only {@code request_view} (and {@code agency_view}), and 300,000 requests with their decisions as events
 * would take many minutes on a small machine. Each row has the columns the projection writes for its status
 * (decision and escalation as the same JSON objects, {@code became_overdue_at} once past due, {@code changed_at} at
 * the last step); {@code request_history} and the event store stay empty for them, so only the list is measured.
 */
class WorkListBenchmark extends IntegrationTest {

    private static final int OURS = 100_000;
    private static final int OTHERS = 200_000;
    private static final int COUNTERPARTS = 20;
    private static final int WARM_UP = 50;
    private static final int RUNS = 300;
    private static final Pattern AWAITING_ROW = Pattern.compile("id=\"awaiting-[0-9a-f-]{36}\"");
    private static final Pattern MADE_ROW = Pattern.compile("id=\"made-[0-9a-f-]{36}\"");
    private static final Pattern ESCALATION_ROW = Pattern.compile("id=\"escalation-[0-9a-f-]{36}\"");

    /**
     * One request per row of {@code generate_series}: {@code %1$s} and {@code %2$s} are the requesting and holding
     * agencies' expressions (of {@code g} and {@code ?::text[]}, the counterparts). Status by a roll: 1.5% awaiting
     * (asked in the last 20 days, so about half are overdue), 0.6% open escalations at every stage, the rest decided
     * or withdrawn.
     */
    private static final String LOAD = """
            insert into request_view (request_id, requesting_agency_id, holding_agency_id, case_reference, purpose,
                purpose_detail, lawful_basis, consent_status, consent_detail, urgency, information_sought, status,
                requested_at, due_by, became_overdue_at, decided_at, decision, escalation, changed_at,
                subject_pseudonym, subject_details)
            select id, requester, holder, 'CASE-' || g, purpose, 'Purpose in detail', 'PUBLIC_TASK', 'NOT_SOUGHT',
                'Seeking consent would place the child at risk', urgency, 'Call-outs to the home', status,
                requested_at, due_by,
                case when due_by < now() and status = 'AWAITING_DECISION' then due_by end,
                case when status not in ('AWAITING_DECISION', 'WITHDRAWN') then decided_at end,
                case when status in ('AWAITING_DECISION', 'WITHDRAWN') then null
                     when status in ('SHARED', 'PARTIALLY_SHARED') then jsonb_build_object('type', status,
                        'scope', case when status = 'SHARED' then 'FULL' else 'PARTIAL' end,
                        'informationShared', 'x', 'method', 'SECURE_EMAIL', 'rationale', 'y',
                        'withheldReason', case when status = 'PARTIALLY_SHARED' then 'THIRD_PARTY_CONFIDENTIALITY' end,
                        'adviceSought', null, 'recordedAt', decided_at, 'occurredAt', decided_at,
                        'late', decided_at > due_by, 'decidedBy', 'benchmark')
                     else jsonb_build_object('type', 'REFUSED', 'reason', 'OTHER', 'rationale', 'z',
                        'adviceSought', null, 'recordedAt', decided_at, 'occurredAt', decided_at,
                        'late', decided_at > due_by, 'decidedBy', 'benchmark') end,
                case when status = 'ESCALATED' then jsonb_build_object('stage', stage, 'reason', 'r',
                        'raisedAt', escalated_at, 'raisedBy', 'benchmark', 'open', true)
                     when status in ('REFUSAL_UPHELD', 'SHARED_AFTER_ESCALATION') then jsonb_build_object(
                        'stage', stage, 'reason', 'r', 'raisedAt', escalated_at, 'raisedBy', 'benchmark',
                        'open', false, 'outcome',
                        case when status = 'REFUSAL_UPHELD' then 'REFUSAL_UPHELD' else 'SHARED' end,
                        'rationale', 'w', 'informationShared', null, 'method', null,
                        'resolvedAt', escalated_at + interval '2 days', 'resolvedBy', 'benchmark') end,
                case when status = 'AWAITING_DECISION' then coalesce(
                        case when due_by < now() then due_by end, requested_at)
                     when status = 'WITHDRAWN' then requested_at + interval '1 day'
                     when status = 'ESCALATED' then escalated_at
                     when status in ('REFUSAL_UPHELD', 'SHARED_AFTER_ESCALATION')
                        then escalated_at + interval '2 days'
                     else decided_at end,
                md5(g::text) || md5((g + 1)::text), null
            from (
                select g, gen_random_uuid() as id, %1$s as requester, %2$s as holder,
                    (array['CHILD_PROTECTION_ENQUIRY', 'CHILD_IN_NEED_ASSESSMENT', 'EARLY_HELP_ASSESSMENT',
                        'TEAM_AROUND_THE_CHILD', 'HEALTH_CARE', 'EDUCATION_WELFARE', 'CRIME_PREVENTION',
                        'COMMUNITY_SAFETY_ASSESSMENT', 'CASE_REVIEW'])[1 + g %% 9] as purpose,
                    case when g %% 20 = 0 then 'EMERGENCY' when g %% 5 = 0 then 'URGENT' else 'ROUTINE' end
                        as urgency,
                    status, requested_at,
                    requested_at + case when g %% 20 = 0 then interval '1 day' when g %% 5 = 0
                        then interval '3 days' else interval '10 days' end as due_by,
                    requested_at + interval '1 minute' * (1 + (g * 7919) %% (12 * 24 * 60)) as decided_at,
                    requested_at + interval '14 days' as escalated_at,
                    (array['LINE_MANAGER', 'NOMINATED_REPRESENTATIVE', 'DATA_PROTECTION_OFFICER',
                        'SAFEGUARDING_PARTNERSHIP'])[1 + (g / 7) %% 4] as stage
                from (
                    select g, status, now() - case when status = 'AWAITING_DECISION'
                            then interval '1 minute' * ((g * 104729) %% (20 * 24 * 60))
                            when status = 'ESCALATED' then interval '15 days' + interval '1 minute' * ((g * 104729)
                                %% (60 * 24 * 60))
                            else interval '21 days' + interval '1 minute' * ((g * 104729) %% (3 * 365 * 24 * 60))
                            end as requested_at
                    from (
                        select g, case
                            when roll < 150 then 'AWAITING_DECISION'
                            when roll < 210 then 'ESCALATED'
                            when roll < 4700 then 'SHARED'
                            when roll < 6200 then 'PARTIALLY_SHARED'
                            when roll < 7700 then 'REFUSED'
                            when roll < 8400 then 'REFUSAL_UPHELD'
                            when roll < 9200 then 'SHARED_AFTER_ESCALATION'
                            else 'WITHDRAWN' end as status
                        from (select g, (g * 2654435761) %% 10000 as roll from generate_series(?::bigint, ?::bigint) g) rolls
                    ) statuses
                ) timed
            ) rows""";

    /** {p50, p95} in milliseconds by label, for the benchmark table. */
    private static final Map<String, double[]> FIGURES = new ConcurrentHashMap<>();

    @Autowired
    RequestLists lists;

    @Test
    void theWorkListOfAnAgencyWith100kRequests() {
        String ours = scenario.agency("POLICE");
        List<String> counterparts = new ArrayList<>();
        String[] sectors = {"EDUCATION", "HEALTH", "CHILDRENS_SOCIAL_CARE", "POLICE"};
        for (int i = 0; i < COUNTERPARTS; i++) {
            counterparts.add(scenario.agency(sectors[i % sectors.length]));
        }
        Credentials practitioner = scenario.user(ours, "PRACTITIONER");
        Credentials representative = scenario.user(ours, "NOMINATED_REPRESENTATIVE");
        String others = "{" + String.join(",", counterparts) + "}";

        Instant start = Instant.now();
        // Ours: even rows we hold, odd rows we asked for; the other party one of the counterparts.
        jdbc.update(
                LOAD.formatted(
                        "case when g % 2 = 0 then (?::text[])[1 + g % " + COUNTERPARTS + "] else ? end",
                        "case when g % 2 = 0 then ? else (?::text[])[1 + g % " + COUNTERPARTS + "] end"),
                others,
                ours,
                ours,
                others,
                1,
                OURS);
        // Around it: requests between the counterparts, never ours.
        jdbc.update(
                LOAD.formatted(
                        "(?::text[])[1 + g % " + COUNTERPARTS + "]",
                        "(?::text[])[1 + (g % " + COUNTERPARTS + " + 1 + (g / " + COUNTERPARTS + ") % "
                                + (COUNTERPARTS - 1) + ") % " + COUNTERPARTS + "]"),
                others,
                others,
                OURS + 1,
                OURS + OTHERS);
        jdbc.execute("vacuum analyze request_view");
        double loadSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        List<String> mix = jdbc.query(
                """
                select case when holding_agency_id = ? then 'held' else 'made' end, status,
                    count(*), count(became_overdue_at)
                from request_view where ? in (holding_agency_id, requesting_agency_id)
                group by 1, 2 order by 1, 2""",
                (rs, i) -> String.format(
                        Locale.ROOT,
                        "    %-5s %-24s %,7d%s",
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4) > 0 ? String.format(Locale.ROOT, " (%,d overdue)", rs.getLong(4)) : ""),
                ours,
                ours);
        long total = jdbc.queryForObject("select count(*) from request_view", Long.class);

        PageSession asPractitioner = signedIn(practitioner);
        PageSession asRepresentative = signedIn(representative);
        String first = "/requests";
        String deep = "/requests?awaitingPage=10&escalationsPage=2&madePage=500";
        String filtered = "/requests?status=REFUSED&madePage=100";

        // Correctness: full pages where there are enough rows, and the representative sees the escalations.
        String page = asPractitioner.get(first).body();
        assertThat(count(AWAITING_ROW, page)).isEqualTo(RequestLists.PAGE);
        assertThat(count(MADE_ROW, page)).isEqualTo(RequestLists.PAGE);
        assertThat(count(ESCALATION_ROW, page)).isZero();
        String repPage = asRepresentative.get(first).body();
        assertThat(count(ESCALATION_ROW, repPage)).isEqualTo(RequestLists.PAGE);
        String deepPage = asRepresentative.get(deep).body();
        assertThat(count(AWAITING_ROW, deepPage)).isEqualTo(RequestLists.PAGE);
        assertThat(count(MADE_ROW, deepPage)).isEqualTo(RequestLists.PAGE);
        assertThat(count(MADE_ROW, asPractitioner.get(filtered).body())).isEqualTo(RequestLists.PAGE);
        assertThat(lists.madeBy(ours, null, 500).rows().stream().map(RequestLists.Row::requestId))
                .containsExactlyElementsOf(jdbc.queryForList("""
                        select request_id::text from request_view where requesting_agency_id = ?
                        order by requested_at desc, request_id limit 50 offset 25000""", String.class, ours));
        assertThat(lists.madeBy(ours, "REFUSED", 100).rows().stream().map(RequestLists.Row::requestId))
                .containsExactlyElementsOf(jdbc.queryForList("""
                        select request_id::text from request_view where requesting_agency_id = ?
                        and status = 'REFUSED' order by requested_at desc, request_id limit 50 offset 5000""", String.class, ours));

        String loadBefore = loadAverage();
        String[] rows = {
            line("practitioner, first page", asPractitioner, first),
            line("practitioner, deep page", asPractitioner, deep),
            line("practitioner, refused, page 101", asPractitioner, filtered),
            line("representative, first page", asRepresentative, first),
            line("representative, deep page", asRepresentative, deep),
            // The same sections read in the process, without HTTP, security, session or rendering.
            timed("  queries only, first page", () -> {
                lists.awaitingOurDecision(ours, 0);
                lists.escalationsForAgency(ours, 0);
                lists.madeBy(ours, null, 0);
            }),
            timed("  queries only, deep page", () -> {
                lists.awaitingOurDecision(ours, 10);
                lists.escalationsForAgency(ours, 2);
                lists.madeBy(ours, null, 500);
            }),
        };
        String loadAfter = loadAverage();

        System.out.printf(
                Locale.ROOT,
                """

                BENCHMARK work list (GET /requests over HTTP; 2 shared cores, figures noisy)
                  request_view rows:   %,d (%,d ours, loaded by SQL with the others in %.1f s)
                  our agency's requests by section and status:
                %s
                  deep page:           %s (offsets 500, 100 and 25,000)
                  load average (1, 5, 15 min) before and after timing: %s / %s
                  per page: %d warm-up requests, then %d timed; milliseconds
                                                        p50      p95      p99      max
                %s
                %n""",
                total,
                OURS,
                loadSeconds,
                String.join("\n", mix),
                deep,
                loadBefore,
                loadAfter,
                WARM_UP,
                RUNS,
                String.join("\n", rows));

        double[] firstPage = FIGURES.get("practitioner, first page");
        BenchmarkTable.row(
                "Queries",
                String.format(
                        Locale.ROOT,
                        "Work list: GET /requests as a practitioner of an agency with %,d requests among %,d, first "
                                + "page, p95 (p50 %.1f ms; deep page p95 %.1f ms)",
                        OURS,
                        total,
                        firstPage[0],
                        FIGURES.get("practitioner, deep page")[1]),
                BenchmarkTable.figure(firstPage[1], "ms"),
                "under 100 ms",
                "",
                firstPage[1] < 100);

        StringBuilder plans = new StringBuilder("\nBENCHMARK work list: the queries' plans (first page, deep page)\n");
        plans.append(plan("awaiting our decision, first", RequestLists.AWAITING, ours, 51, 0));
        plans.append(plan("awaiting our decision, page 11", RequestLists.AWAITING, ours, 51, 500));
        plans.append(plan("escalations for our agency, first", RequestLists.ESCALATIONS_FOR_AGENCY, ours, 51, 0));
        plans.append(plan("escalations for the Trust, first", RequestLists.ESCALATIONS_FOR_TRUST, 51, 0));
        plans.append(plan("made by us, first", RequestLists.MADE, ours, 51, 0));
        plans.append(plan("made by us, page 501", RequestLists.MADE, ours, 51, 25_000));
        plans.append(plan("made by us, refused, page 101", RequestLists.MADE_IN_STATUS, ours, "REFUSED", 51, 5000));
        plans.append("  request_view pages all-visible (as the planner last saw them): " + visible() + "\n");
        // Whether a fresh VACUUM changes the deep page's plan: the bulk load's VACUUM may run while the ledger's
        // processors hold older snapshots, and then leaves the planner thinking few pages are all-visible.
        jdbc.execute("vacuum analyze request_view");
        plans.append("  after another VACUUM ANALYZE: " + visible() + "\n");
        plans.append(plan("made by us, page 501, after it", RequestLists.MADE, ours, 51, 25_000));
        System.out.println(plans);
    }

    private String visible() {
        return jdbc.queryForObject(
                "select relallvisible || ' of ' || relpages from pg_class where relname = 'request_view'",
                String.class);
    }

    private static String line(String label, PageSession session, String path) {
        return timed(label, () -> {
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
        });
    }

    private static String timed(String label, Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        FIGURES.put(label, new double[] {percentile(ms, 50), percentile(ms, 95)});
        return String.format(
                Locale.ROOT,
                "  %-36s %8.1f %8.1f %8.1f %8.1f",
                label,
                percentile(ms, 50),
                percentile(ms, 95),
                percentile(ms, 99),
                ms[ms.length - 1]);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[(int) Math.ceil(sorted.length * p / 100.0) - 1];
    }

    private String plan(String label, String sql, Object... args) {
        List<String> lines = jdbc.queryForList("explain (analyze, buffers, costs off) " + sql, String.class, args);
        return "  -- " + label + "\n"
                + lines.stream()
                        .map(l -> "    " + l)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("") + "\n";
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession session = new PageSession(port);
        session.signIn(credentials);
        return session;
    }

    private static int count(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
