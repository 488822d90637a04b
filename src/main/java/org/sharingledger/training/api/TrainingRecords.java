package org.sharingledger.training.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Training records, with every rule that goes with them: the one way in for the JSON API, the file import and the
 * pages. Who may record: an {@code ADMIN}, a {@code TRUST_REVIEWER}, or an agency's own
 * {@code NOMINATED_REPRESENTATIVE} for its staff. A broken rule is thrown as the platform's {@code InvalidInput}
 * (400), {@code NotPermitted} (403) or {@code StepNotAllowed} (409), and nothing is recorded.
 */
public interface TrainingRecords {

    /** The header line of a training file, as it must be. */
    String CSV_HEADER = "agencyId,practitioner,username,course,completedOn,assessmentPassed,validUntil";

    /** The most lines of attendances one file may hold. */
    int MAX_CSV_LINES = 10_000;

    /**
     * Records one attendance, once: the same attendance (agency, person, course and day) sent again records nothing
     * and answers the record already kept ({@code created} false).
     */
    Recorded record(Actor actor, NewRecord record);

    /**
     * Imports a training file (CSV, UTF-8, the header {@link #CSV_HEADER}), all of it or nothing: every line is checked
     * first, as {@link #record} checks one attendance, and any problem is thrown as the platform's {@code InvalidLines}
     * (400) naming every bad line, with nothing recorded. Otherwise each attendance not yet in the ledger is recorded,
     * in one transaction; an attendance already recorded, or listed twice, is recorded once.
     */
    Imported importCsv(Actor actor, byte[] file);

    /** What an import did: the lines of attendances read, those recorded now, and those already kept. */
    record Imported(int lines, int imported, int alreadyRecorded) {}

    /** One attendance as given: {@code practitioner} is a member of staff's name, never a child's. */
    record NewRecord(
            @FreeText @NotBlank @Size(max = 64) String agencyId,
            @FreeText @NotBlank @Size(max = 200) String practitioner,

            @FreeText
            @Size(max = 100)
            @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be letters, digits, dots, hyphens, underscores or @")
            String username,

            @NotNull Course course,
            @NotNull LocalDate completedOn,
            Boolean assessmentPassed,
            LocalDate validUntil) {}

    /** The record kept, and whether this call created it. */
    record Recorded(String recordId, boolean created) {}

    /**
     * The id of an attendance: the same for the same agency, person (name, case and spacing aside), course and day,
     * so that a file imported twice, or a form sent twice, records each attendance once.
     */
    static String recordId(String agencyId, String practitioner, Course course, LocalDate completedOn) {
        String key = "training\n" + agencyId + "\n" + nameKey(practitioner) + "\n" + course + "\n" + completedOn;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A person's name as compared: trimmed, inner spaces collapsed to one, lower case. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
