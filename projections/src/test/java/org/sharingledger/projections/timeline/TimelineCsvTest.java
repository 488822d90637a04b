package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.timeline.Timeline.Entry;

/** The CSV export parsed back as a spreadsheet would read it (RFC 4180). */
class TimelineCsvTest {

    private static final List<String> HEADER = List.of(
            "section",
            "eventId",
            "position",
            "requestId",
            "step",
            "description",
            "recordedAt",
            "occurredAt",
            "lateBy",
            "requestingAgencyId",
            "requestingAgencyName",
            "requestingAgencySector",
            "holdingAgencyId",
            "holdingAgencyName",
            "holdingAgencySector",
            "actorUsername",
            "actorDisplayName",
            "actorRoles",
            "actorAgencyId",
            "caseReference",
            "purpose",
            "purposeDetail",
            "lawfulBasis",
            "consentStatus",
            "consentDetail",
            "urgency",
            "informationSought",
            "dueBy",
            "scope",
            "informationShared",
            "method",
            "rationale",
            "withheldReasonCode",
            "withheldReasonText",
            "reasonCode",
            "reasonText",
            "adviceSought",
            "dueMet",
            "stage",
            "outcome");

    private final Timeline sample = SampleTimelines.refusedEscalatedShared();

    @Test
    void aHeaderRowThenOneRowPerEntryInLedgerOrderEveryRecordEndedByCrLf() {
        String csv = TimelineCsv.render(sample);
        List<List<String>> records = parse(csv);

        assertThat(csv).endsWith("\r\n");
        assertThat(records.get(0)).isEqualTo(HEADER);
        assertThat(records).hasSize(1 + sample.entries().size());
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(HEADER.size()));
        assertThat(rows(records)).extracting(row -> row.get("eventId")).containsExactly("e1", "e2", "e3", "e4");
        assertThat(rows(records))
                .extracting(row -> row.get("step"))
                .containsExactly("REQUESTED", "REFUSED", "ESCALATED", "ESCALATION_RESOLVED");
        assertThat(rows(records)).extracting(row -> row.get("section")).containsOnly("ENTRY");
    }

    @Test
    void everyFieldOfAnEntryHasItsColumnAgencyAndActorFlattened() {
        Map<String, String> refused = rows(parse(TimelineCsv.render(sample))).get(1);

        assertThat(refused)
                .containsEntry("position", "102")
                .containsEntry("requestId", SampleTimelines.REQUEST)
                .containsEntry(
                        "description",
                        "Lowmarsh Constabulary (Ashcombe) refused: disclosure would prejudice an investigation")
                .containsEntry("recordedAt", "2009-03-05T12:15:00Z")
                .containsEntry("occurredAt", "2009-03-02T12:15:00Z")
                .containsEntry("lateBy", "PT72H")
                .containsEntry("requestingAgencyId", "county-csc")
                .containsEntry("requestingAgencyName", "County Children's Social Care")
                .containsEntry("requestingAgencySector", "CHILDRENS_SOCIAL_CARE")
                .containsEntry("holdingAgencyId", "ashcombe-police")
                .containsEntry("holdingAgencyName", "Lowmarsh Constabulary (Ashcombe)")
                .containsEntry("holdingAgencySector", "POLICE")
                .containsEntry("actorUsername", "pc.khan")
                .containsEntry("actorDisplayName", "PC Aisha Khan")
                .containsEntry("actorRoles", "PRACTITIONER")
                .containsEntry("actorAgencyId", "ashcombe-police")
                .containsEntry("dueBy", "2009-03-03T09:15:00Z")
                .containsEntry("rationale", "A live investigation would be harmed")
                .containsEntry("reasonCode", "WOULD_PREJUDICE_INVESTIGATION")
                .containsEntry("reasonText", "Disclosure would prejudice an investigation")
                .containsEntry("adviceSought", "Force solicitor")
                .containsEntry("dueMet", "true")
                .containsEntry("purpose", "")
                .containsEntry("withheldReasonCode", "");

        Map<String, String> requested = rows(parse(TimelineCsv.render(sample))).get(0);
        assertThat(requested)
                .containsEntry("consentStatus", "NOT_SOUGHT")
                .containsEntry("consentDetail", "Seeking consent would put the child at risk")
                .containsEntry("lawfulBasis", "PUBLIC_TASK")
                .containsEntry("purposeDetail", "Section 47 enquiry")
                .containsEntry("urgency", "URGENT")
                .containsEntry("lateBy", "")
                .containsEntry("dueMet", "");
    }

    @Test
    void formulaLookingTextIsDefusedAndQuotesCommasAndLineBreaksRoundTrip() {
        List<Entry> entries = new ArrayList<>(sample.entries());
        entries.set(1, TimelinePdfTest.rationale(entries.get(1), "=HYPERLINK(\"http://evil.example\",\"click\")"));
        entries.set(2, TimelinePdfTest.rationale(entries.get(2), "@SUM(A1:A9)"));
        entries.set(
                3,
                TimelinePdfTest.rationale(
                        entries.get(3), "She said \"share it, now\", and then:\r\nsecond line; café £5"));
        Entry minus = TimelinePdfTest.rationale(entries.get(0), "-2+3 calls");
        Timeline timeline = new Timeline(
                sample.asOf(),
                sample.generatedAt(),
                sample.review(),
                sample.reviewer(),
                sample.grantId(),
                sample.summary(),
                entries,
                List.of(minus));

        List<Map<String, String>> rows = rows(parse(TimelineCsv.render(timeline)));

        assertThat(rows)
                .extracting(row -> row.get("rationale"))
                .containsExactly(
                        null == entries.get(0).rationale() ? "" : entries.get(0).rationale(),
                        "'=HYPERLINK(\"http://evil.example\",\"click\")",
                        "'@SUM(A1:A9)",
                        "She said \"share it, now\", and then:\r\nsecond line; café £5",
                        "'-2+3 calls");
        assertThat(rows).extracting(row -> row.get("position")).containsExactly("101", "102", "140", "141", "101");
    }

    @Test
    void stepsRecordedLaterFollowTheEntriesInASectionOfTheirOwn() {
        Entry late = TimelinePdfTest.rationale(sample.entries().get(2), "Recorded a week later");
        late = new Entry(
                "e9",
                300,
                late.requestId(),
                late.step(),
                late.description(),
                late.recordedAt().plus(Duration.ofDays(7)),
                late.occurredAt(),
                Duration.ofHours(170),
                late.requestingAgency(),
                late.holdingAgency(),
                late.actor(),
                late.caseReference(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                late.rationale(),
                null,
                null,
                null,
                null,
                late.stage(),
                null,
                null);
        Timeline timeline = new Timeline(
                sample.asOf(),
                sample.generatedAt(),
                sample.review(),
                sample.reviewer(),
                sample.grantId(),
                sample.summary(),
                sample.entries(),
                List.of(late));

        List<Map<String, String>> rows = rows(parse(TimelineCsv.render(timeline)));

        assertThat(rows)
                .extracting(row -> row.get("section"))
                .containsExactly("ENTRY", "ENTRY", "ENTRY", "ENTRY", "RECORDED_LATER");
        assertThat(rows.get(4))
                .containsEntry("eventId", "e9")
                .containsEntry("lateBy", "PT170H")
                .containsEntry("stage", "NOMINATED_REPRESENTATIVE");
    }

    @Test
    void anEmptyTimelineIsTheHeaderAlone() {
        Timeline empty = new Timeline(
                sample.asOf(),
                sample.generatedAt(),
                sample.review(),
                sample.reviewer(),
                sample.grantId(),
                sample.summary(),
                List.of(),
                List.of());

        assertThat(TimelineCsv.render(empty)).isEqualTo(String.join(",", HEADER) + "\r\n");
    }

    private static List<Map<String, String>> rows(List<List<String>> records) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                row.put(HEADER.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A strict RFC 4180 reader: records end with CRLF, a field is quoted or holds no quote, CR or LF; inside quotes a
     * doubled quote is one quote and anything else is literal.
     */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        fail("unterminated quoted field");
                    }
                    char q = csv.charAt(i++);
                    if (q == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    fail("text after a closing quote at " + i);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
                    fail("CR without LF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                fail("unquoted " + (c == '\n' ? "LF" : "quote") + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!record.isEmpty() || !field.isEmpty()) {
            fail("last record not ended by CRLF");
        }
        return records;
    }
}
