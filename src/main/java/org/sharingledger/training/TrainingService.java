package org.sharingledger.training;

import java.time.Clock;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.training.api.Accreditations;
import org.sharingledger.training.api.RecordTraining;
import org.sharingledger.training.api.TrainingRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks before a training record (who may, that the agency is registered, that it is new) and the command that
 * records it. The aggregate, {@link TrainingRecord}, holds the rules of the record itself.
 */
@Service
class TrainingService implements TrainingRecords {

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final Accreditations records;
    private final Clock clock;

    TrainingService(Commands commands, AgencyDirectory agencies, Accreditations records, Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.records = records;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Recorded record(Actor actor, NewRecord record) {
        requireMayRecordFor(actor, record.agencyId());
        if (agencies.find(record.agencyId()).isEmpty()) {
            throw new InvalidInput("agencyId", "is not a registered agency");
        }
        String recordId = TrainingRecords.recordId(
                record.agencyId(), record.practitioner(), record.course(), record.completedOn());
        if (records.recorded(recordId)) {
            return new Recorded(recordId, false);
        }
        commands.send(command(recordId, record), actor);
        return new Recorded(recordId, true);
    }

    private RecordTraining command(String recordId, NewRecord record) {
        return new RecordTraining(
                recordId,
                record.agencyId(),
                record.practitioner(),
                record.username(),
                record.course(),
                record.completedOn(),
                record.assessmentPassed(),
                record.validUntil(),
                clock.instant());
    }

    static void requireMayRecordFor(Actor actor, String agencyId) {
        boolean representative = actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId);
        if (!representative && !actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only an ADMIN, a TRUST_REVIEWER or the NOMINATED_REPRESENTATIVE of " + agencyId
                    + " may record its staff's training");
        }
    }
}
