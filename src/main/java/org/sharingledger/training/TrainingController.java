package org.sharingledger.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.training.api.TrainingRecords;
import org.sharingledger.training.api.TrainingRecords.NewRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Training records as JSON; the rules are {@link TrainingService}'s, which the pages use too. */
@RestController
@Tag(name = "Training", description = "Who attended which course, and who is accredited")
class TrainingController {

    private final TrainingRecords training;

    TrainingController(TrainingRecords training) {
        this.training = training;
    }

    @PostMapping(path = "/api/training-records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record that a member of an agency's staff attended a course",
            description = "ADMIN, TRUST_REVIEWER, or the agency's own NOMINATED_REPRESENTATIVE. 201 with the record's"
                    + " id; the same attendance (agency, name case and spacing aside, course, completedOn) sent again"
                    + " records nothing and answers 200 with the same id.")
    public ResponseEntity<Map<String, Object>> record(@Valid @RequestBody NewRecord body) {
        TrainingRecords.Recorded recorded = training.record(CurrentActor.get(), body);
        Map<String, Object> answer = Map.of("recordId", recorded.recordId(), "created", recorded.created());
        return recorded.created()
                ? ResponseEntity.created(URI.create("/api/training-records/" + recorded.recordId()))
                        .body(answer)
                : ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    @PostMapping(path = "/api/training-records", consumes = "text/csv")
    @Operation(
            summary = "Import a file of attendances (CSV), all of it or nothing",
            description = "ADMIN, TRUST_REVIEWER, or a NOMINATED_REPRESENTATIVE for its own agency's lines. The header"
                    + " line " + TrainingRecords.CSV_HEADER + ", then one attendance a line (RFC 4180, UTF-8, at most "
                    + TrainingRecords.MAX_CSV_LINES + " lines). Every line is checked first: any problem answers 400"
                    + " with errors [{line, field, message}] naming every bad line (the header is line 1), and nothing"
                    + " is recorded. Otherwise 201 {lines, imported, alreadyRecorded} (200 when nothing was new): an"
                    + " attendance already recorded, or listed twice, is recorded once.")
    public ResponseEntity<Map<String, Object>> importFile(@RequestBody(required = false) byte[] file) {
        TrainingRecords.Imported imported = training.importCsv(CurrentActor.get(), file == null ? new byte[0] : file);
        Map<String, Object> answer = Map.of(
                "lines", imported.lines(),
                "imported", imported.imported(),
                "alreadyRecorded", imported.alreadyRecorded());
        return ResponseEntity.status(imported.imported() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer);
    }
}
