package org.sharingledger.subject;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases, as the ledger itself, every child's personal details whose key no request has used for the retention
 * period: the same {@code SubjectDetailsErased} event as an administrator's erasure, by {@code system}, with the
 * legal basis "Retention period ended (P8Y)". Runs every {@code ledger.subjects.retention-check} (default hourly,
 * first an interval after start). Several nodes may run it at once: each key is erased by whoever locks it first.
 */
@Component
class SubjectRetention {

    private static final Logger log = LoggerFactory.getLogger(SubjectRetention.class);

    private final SubjectKeys keys;
    private final SubjectErasures erasures;
    private final RetentionPeriod period;
    private final Clock clock;

    SubjectRetention(SubjectKeys keys, SubjectErasures erasures, RetentionPeriod period, Clock clock) {
        this.keys = keys;
        this.erasures = erasures;
        this.period = period;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ledger.subjects.retention-check:PT1H}",
            initialDelayString = "${ledger.subjects.retention-check:PT1H}")
    void onSchedule() {
        eraseExpired();
    }

    /** One run: how many children's details it erased. */
    int eraseExpired() {
        Instant now = clock.instant();
        Instant cutoff = period.cutoff(now);
        int erased = 0;
        for (String pseudonym : keys.unusedSince(cutoff)) {
            try {
                if (erasures.eraseIfUnusedSince(pseudonym, cutoff, period.legalBasis(), now)
                        .isPresent()) {
                    erased++;
                }
            } catch (RuntimeException e) {
                log.error(
                        "Could not erase personal details at the end of their retention period; the next run "
                                + "tries again",
                        e);
            }
        }
        if (erased > 0) {
            log.info(
                    "Retention period ({}) ended for {} children's personal details: erased",
                    period.retention(),
                    erased);
        }
        return erased;
    }
}
