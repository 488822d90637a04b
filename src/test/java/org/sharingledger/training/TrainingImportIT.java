package org.sharingledger.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The training file's import through the API, on the real database: all of it or nothing, every bad line named. */
class TrainingImportIT extends IntegrationTest {

    static final String HEADER = "agencyId,practitioner,username,course,completedOn,assessmentPassed,validUntil";
    static final String TEXT_CSV = "text/csv; charset=utf-8";

    private Response upload(Credentials who, String csv) {
        return http.as(who).post("/api/training-records", TEXT_CSV, csv.getBytes(StandardCharsets.UTF_8));
    }

    private long records(String agencyId) {
        return jdbc.queryForObject("select count(*) from training_record where agency_id = ?", Long.class, agencyId);
    }

    private static String day(int daysAgo) {
        return LocalDate.now().minusDays(daysAgo).toString();
    }

    /** Line n (the header is line 1) of every error, with its field. */
    private static List<String> errors(Response response) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            errors.add(error.path("line").asInt() + ":" + error.path("field").asString());
        }
        return errors;
    }

    @Test
    void aFileIsImportedAndImportedAgainRecordsNothingTwice() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(400) + ",,\n"
                + school + ",Rafe Penhallow,,MULTI_AGENCY_COURSE," + day(300) + ",,\n"
                + school + ",Rafe Penhallow,,ONLINE_INFORMATION_SHARING," + day(20) + ",true," + day(-345) + "\n";
        Response first = upload(rep, csv);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("imported").asInt()).isEqualTo(3);
        assertThat(first.json().path("alreadyRecorded").asInt()).isZero();
        assertThat(records(school)).isEqualTo(3);

        long events = events();
        Response again = upload(rep, csv);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("alreadyRecorded").asInt()).isEqualTo(3);
        assertThat(records(school)).isEqualTo(3);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void threeBadLinesAmongGoodOnesRecordNothingAndAreAllNamed() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n" // 2
                + school + ",Ann Leabrook,,FIRST_AID," + day(40) + ",,\n" // 3: no such course
                + school + ",Rafe Penhallow,,MULTI_AGENCY_COURSE," + day(30) + ",,\n" // 4
                + school + ",Tam Pike,,ONLINE_INFORMATION_SHARING," + day(30) + ",,\n" // 5: no result
                + school + ",Ola Brent,,AGENCY_COURSE," + day(20) + ",,\n" // 6
                + school + ",Kit Marsh,,AGENCY_COURSE," + day(-5) + ",,\n" // 7: in the future
                + school + ",Bea Lowe,,AGENCY_COURSE," + day(10) + ",,\n"; // 8
        long events = events();
        Response refused = upload(rep, csv);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errors(refused)).containsExactly("3:course", "5:assessmentPassed", "7:completedOn");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("MULTI_AGENCY_COURSE");
        assertThat(records(school)).isZero();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void quotedFieldsCrlfAByteOrderMarkAndBlankOptionalFieldsAreRead() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "\"" + school + "\",\"Dsl, Sue \"\"Susie\"\"\",,\"MULTI_AGENCY_COURSE\"," + day(40) + ",,\r\n"
                + school + ",\"O'Neill\nMary\",,AGENCY_COURSE," + day(30) + ",,\r\n"
                + "\r\n"
                + school + ",Ann Leabrook,,ONLINE_INFORMATION_SHARING," + day(20) + ",false,";
        Response imported = upload(rep, csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForList(
                        "select practitioner from training_record where agency_id = ? order by practitioner",
                        String.class,
                        school))
                .containsExactly("Ann Leabrook", "Dsl, Sue \"Susie\"", "O'Neill Mary");
        assertThat(jdbc.queryForObject(
                        "select assessment_passed from training_record where agency_id = ? and course = ?",
                        Boolean.class,
                        school,
                        "ONLINE_INFORMATION_SHARING"))
                .isFalse();
    }

    @Test
    void twoLinesOfOneFileThatAreTheSameAttendanceCountOnce() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n"
                + school + ",  sue   DSL ,,MULTI_AGENCY_COURSE," + day(40) + ",,\n";
        Response imported = upload(rep, csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        assertThat(imported.json().path("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(records(school)).isEqualTo(1);
    }

    @Test
    void aWrongHeaderIsRefusedNamingTheHeaderExpected() {
        Credentials admin = scenario.user(null, "ADMIN");
        Response refused = upload(admin, "agency,name,course,date\nx,y,MULTI_AGENCY_COURSE,2009-01-01\n");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("1:header");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains(HEADER);
    }

    @Test
    void anEmptyFileIsRefused() {
        Credentials admin = scenario.user(null, "ADMIN");
        Response empty = upload(admin, "");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("body");
        Response bomOnly = upload(admin, "\uFEFF\r\n");
        assertThat(bomOnly.status()).as(bomOnly.toString()).isEqualTo(400);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        Credentials admin = scenario.user(null, "ADMIN");
        byte[] latin1 = (HEADER + "\nx,Zoë,,AGENCY_COURSE,2009-01-01,,\n").getBytes(StandardCharsets.ISO_8859_1);
        Response refused = http.as(admin).post("/api/training-records", "text/csv", latin1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
    }

    @Test
    void malformedLinesAreNamedWithTheirLines() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + "\n" // 2: six fields
                + school + ",Sue \"D\" Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n" // 3: a bare quote
                + school + ",Bea Lowe,,AGENCY_COURSE,31/03/2009,maybe,\n" // 4: date and result
                + school + ",\"Ann Leabrook,,AGENCY_COURSE," + day(40) + ",,\n"; // 5: never closed
        Response refused = upload(rep, csv);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused))
                .containsExactly("2:line", "3:practitioner", "4:completedOn", "4:assessmentPassed", "5:practitioner");
        assertThat(records(school)).isZero();
    }

    @Test
    void aRepresentativeImportsItsOwnAgencysLinesOnly() {
        String school = scenario.agency("EDUCATION");
        String surgery = scenario.agency("HEALTH");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n"
                + surgery + ",Dr Ann Leabrook,,MULTI_AGENCY_COURSE," + day(40) + ",,\n"
                + "no-such-agency-anywhere,Bea Lowe,,MULTI_AGENCY_COURSE," + day(40) + ",,\n";
        Response refused = upload(rep, csv);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("3:agencyId", "4:agencyId");
        assertThat(records(school)).isZero();

        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String both = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n"
                + surgery + ",Dr Ann Leabrook,,MULTI_AGENCY_COURSE," + day(40) + ",,\n";
        Response imported = upload(trust, both);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(records(school) + records(surgery)).isEqualTo(2);
    }

    @Test
    void aUsernameMustBeAUserOfTheLinesAgency() {
        String school = scenario.agency("EDUCATION");
        String surgery = scenario.agency("HEALTH");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials teacher = scenario.user(school, "PRACTITIONER");
        Credentials doctor = scenario.user(surgery, "PRACTITIONER");
        String csv = HEADER + "\n"
                + school + ",Sue Dsl," + teacher.username() + ",ONLINE_INFORMATION_SHARING," + day(4) + ",true,\n"
                + school + ",Dr Who," + doctor.username() + ",ONLINE_INFORMATION_SHARING," + day(4) + ",true,\n"
                + school + ",Nobody,no-such-user-here,ONLINE_INFORMATION_SHARING," + day(4) + ",true,\n";
        Response refused = upload(rep, csv);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("3:username", "4:username");
    }

    @Test
    void onlyTheTrustAnAdministratorOrARepresentativeMayImport() {
        String school = scenario.agency("EDUCATION");
        Credentials practitioner = scenario.user(school, "PRACTITIONER");
        String csv = HEADER + "\n" + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n";
        assertThat(upload(practitioner, csv).status()).isEqualTo(403);
        assertThat(http.anonymous()
                        .post("/api/training-records", TEXT_CSV, csv.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(401);
        assertThat(records(school)).isZero();
    }

    @Test
    void aFileOfMoreThanTenThousandLinesIsRefused() {
        Credentials admin = scenario.user(null, "ADMIN");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= 10_000; i++) {
            csv.append("a,P").append(i).append(",,AGENCY_COURSE,2009-01-01,,\n");
        }
        Response refused = upload(admin, csv.toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
    }

    @Test
    void aFileLargerThanTheImportLimitIsRefusedBeforeItIsRead() {
        Credentials admin = scenario.user(null, "ADMIN");
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(http.as(admin).post("/api/training-records", TEXT_CSV, huge).status())
                .isEqualTo(413);
    }

    /**
     * A file of 5,000 lines fits and is checked whole: its last line's problem is found and named, so nothing is
     * recorded. (Importing that many would add 5,000 events to the database every other test shares; the county's
     * scenario, on a ledger of its own, imports 700 lines at once.)
     */
    @Test
    void aFileOfFiveThousandLinesIsCheckedWholeToItsLastLine() {
        String police = scenario.agency("POLICE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 4_999; i++) {
            csv.append(police)
                    .append(",\"Constable Number ")
                    .append(i)
                    .append(", Thames Valley\",,MULTI_AGENCY_COURSE,")
                    .append(day(1 + i % 1000))
                    .append(",,\r\n");
        }
        csv.append(police)
                .append(",Constable Last,,NO_SUCH_COURSE,")
                .append(day(1))
                .append(",,\r\n");
        assertThat(csv.length()).isGreaterThan(64 * 1024);
        Response refused = upload(trust, csv.toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors")).hasSize(1);
        assertThat(refused.json().path("errors").get(0).path("line").asInt()).isEqualTo(5_001);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("course");
        assertThat(records(police)).isZero();
    }
}
