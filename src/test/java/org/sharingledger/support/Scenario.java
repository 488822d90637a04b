package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.sharingledger.support.Http.Credentials;

/**
 * Builds what a test needs through the API, with unique names, so tests never share agencies or users. Every child's
 * identifier it makes up (NHS number, local reference, name, date of birth) is registered in {@link Identifiers}, so
 * the suite can check that none of them reaches a log line.
 */
public final class Scenario {

    public static final Credentials ADMIN = new Credentials("admin", IntegrationTest.ADMIN_PASSWORD);
    /** A valid NHS number (modulus 11): the NHS's own example. */
    public static final String NHS_NUMBER = Identifiers.nhsNumber("9434765919");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String[] GIVEN_NAMES = {
        "Ellie", "Kayden", "Zoë", "Tyrone", "Aleksandra", "Ibrahim", "Niamh", "Declan", "Priya", "Mason"
    };
    private static final LocalDate EARLIEST_TEST_BIRTH = LocalDate.of(2010, 1, 1);

    private final Http http;

    public Scenario(Http http) {
        this.http = http;
    }

    /** A valid NHS number (modulus 11) no other test uses, for a child of one's own. */
    public static String uniqueNhsNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return Identifiers.nhsNumber(digits.append(check == 11 ? 0 : check).toString());
        }
    }

    /** A child's name no other test uses: a given name and a made-up family name. */
    public static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder family = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 9; i++) {
            family.append((char) ('a' + random.nextInt(26)));
        }
        return Identifiers.register(GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)] + " " + family + "-"
                + Integer.toString(SEQUENCE.incrementAndGet(), 36));
    }

    /** A date of birth between 2010 and 2023 (dates no other test data uses), at random. */
    public static LocalDate uniqueDateOfBirth() {
        return Identifiers.dateOfBirth(
                EARLIEST_TEST_BIRTH.plusDays(ThreadLocalRandom.current().nextInt(14 * 365)));
    }

    /** A requesting agency's own reference for a child, no other test uses. */
    public static String uniqueLocalReference() {
        return Identifiers.register(
                "LR/" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT) + "/"
                        + Integer.toString(SEQUENCE.incrementAndGet(), 36));
    }

    public static String unique(String prefix) {
        return prefix + "-" + Integer.toString(SEQUENCE.incrementAndGet(), 36) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public Http.Response signAgency(Map<String, Object> body) {
        return http.as(ADMIN).post("/api/agencies", body);
    }

    public static Map<String, Object> agencyBody(String agencyId, String sector) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("name", "Agency " + agencyId);
        body.put("sector", sector);
        body.put("localDeliveryArea", "Ashcombe Vale");
        body.put("nominatedRepresentative", Map.of("name", "Nominated Rep", "email", "rep@agency.example"));
        body.put("signedOn", "2008-03-01");
        body.put("codeOfPracticeVersion", "2009.1");
        return body;
    }

    /** A new signed agency of that sector; its id. */
    public String agency(String sector) {
        String agencyId = unique(sector.toLowerCase(Locale.ROOT).replace('_', '-'));
        Http.Response response = signAgency(agencyBody(agencyId, sector));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return agencyId;
    }

    public Credentials user(String agencyId, String... roles) {
        String username = unique("user");
        String password = "password-" + username;
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", "User " + username);
        body.put("agencyId", agencyId);
        body.put("roles", List.of(roles));
        Http.Response response = http.as(ADMIN).post("/api/users", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Credentials(username, password);
    }

    public static Map<String, Object> requestBody(String requestingAgencyId, String holdingAgencyId, String urgency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingAgencyId", requestingAgencyId);
        body.put("holdingAgencyId", holdingAgencyId);
        body.put("subject", Map.of("nhsNumber", "943 476 5919"));
        body.put("caseReference", "CASE-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("purpose", "CHILD_PROTECTION_ENQUIRY");
        body.put("purposeDetail", "Section 47 enquiry after a referral from school");
        body.put("lawfulBasis", "PUBLIC_TASK");
        body.put("consent", Map.of("status", "NOT_SOUGHT", "detail", "Seeking consent would put the child at risk"));
        body.put("urgency", urgency);
        body.put("informationSought", "Any domestic abuse call-outs to the family home in the last 12 months");
        return body;
    }

    /** A new request from one agency to another; its id. */
    public String request(Credentials by, String requestingAgencyId, String holdingAgencyId) {
        return request(by, requestBody(requestingAgencyId, holdingAgencyId, "ROUTINE"));
    }

    public String request(Credentials by, Map<String, Object> body) {
        Http.Response response = http.as(by).post("/api/requests", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("requestId");
    }

    /**
     * Takes a request through refusal, escalation to the line manager and a resolution that shares after all: four
     * events with the request, as the benchmarks copy them. The request's id.
     */
    public String refusedEscalatedAndShared(Parties p, String id) {
        http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", refusal());
        http.as(p.requesterPractitioner())
                .post(
                        "/api/requests/" + id + "/escalations",
                        Map.of("stage", "LINE_MANAGER", "reason", "Needed for the enquiry"));
        Credentials rep = user(p.holder(), "NOMINATED_REPRESENTATIVE");
        http.as(rep)
                .post(
                        "/api/requests/" + id + "/escalations/resolution",
                        Map.of(
                                "outcome",
                                "SHARED",
                                "rationale",
                                "On reflection, proportionate",
                                "informationShared",
                                "Call-out log",
                                "method",
                                "SECURE_EMAIL"));
        return id;
    }

    public static Map<String, Object> share(String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        body.put("informationShared", "Two call-outs, March and June");
        body.put("method", "SECURE_EMAIL");
        body.put("rationale", "Necessary and proportionate to protect the child");
        if ("PARTIAL".equals(scope)) {
            body.put("withheldReason", "THIRD_PARTY_CONFIDENTIALITY");
        }
        return body;
    }

    public static Map<String, Object> refusal() {
        return Map.of("reason", "WOULD_PREJUDICE_INVESTIGATION", "rationale", "A live investigation would be harmed");
    }

    /** Two agencies with a practitioner each: the usual cast. */
    public Parties parties() {
        String requester = agency("CHILDRENS_SOCIAL_CARE");
        String holder = agency("POLICE");
        return new Parties(requester, holder, user(requester, "PRACTITIONER"), user(holder, "PRACTITIONER"));
    }

    /** A requesting and a holding agency, with a practitioner in each. */
    public record Parties(
            String requester, String holder, Credentials requesterPractitioner, Credentials holderPractitioner) {}
}
