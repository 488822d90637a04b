package org.sharingledger.projections.training;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.training.api.TrainingRecorded;
import org.sharingledger.training.api.TrainingRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code training_record}, one row per attendance, with the key of the person who attended: a person is the
 * same however often they attend, when their username is the same, or (without a username to tell) their agency and
 * name are, case and spacing aside. A record with a username joins the person already known by that username, else
 * the one of that agency and name, else starts a person of its own; so the count of people never depends on the
 * order a file lists them in beyond what the names allow.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "training_record",
            key = {"record_id"})
})
@ProcessingGroup(TrainingProjection.PROCESSING_GROUP)
class TrainingProjection {

    static final String PROCESSING_GROUP = "training-views";

    private final JdbcTemplate jdbc;

    TrainingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrainingRecorded event) {
        String nameKey = TrainingRecords.nameKey(event.practitioner());
        String personKey = personKey(event.agencyId(), nameKey, event.username());
        jdbc.update(
                """
                insert into training_record (record_id, agency_id, practitioner, practitioner_key, username,
                    person_key, course, completed_on, assessment_passed, valid_until, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (record_id) do nothing""",
                event.recordId(),
                event.agencyId(),
                event.practitioner(),
                nameKey,
                event.username(),
                personKey,
                event.course().name(),
                Date.valueOf(event.completedOn()),
                event.assessmentPassed(),
                event.validUntil() == null ? null : Date.valueOf(event.validUntil()),
                Timestamp.from(event.recordedAt()));
    }

    private String personKey(String agencyId, String nameKey, String username) {
        if (username != null) {
            List<String> byUsername = jdbc.queryForList(
                    "select person_key from training_record where username = ? limit 1", String.class, username);
            if (!byUsername.isEmpty()) {
                return byUsername.get(0);
            }
        }
        List<String> byName = jdbc.queryForList(
                "select person_key from training_record where agency_id = ? and practitioner_key = ? limit 1",
                String.class,
                agencyId,
                nameKey);
        if (!byName.isEmpty()) {
            return byName.get(0);
        }
        return username != null ? "user:" + username : "name:" + agencyId + ":" + nameKey;
    }
}
