package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ledger.subjects.retention: an ISO-8601 duration, eight years unless set, counted on the calendar. */
class RetentionPeriodTest {

    private static final Instant NOW = Instant.parse("2017-03-31T09:15:00Z");

    @Test
    void eightYearsUnlessSet() {
        RetentionPeriod period = new RetentionPeriod(null);
        assertThat(period.retention()).isEqualTo("P8Y");
        assertThat(period.cutoff(NOW)).isEqualTo(Instant.parse("2009-03-31T09:15:00Z"));
        assertThat(period.legalBasis()).isEqualTo("Retention period ended (P8Y)");
    }

    @Test
    void yearsMonthsDaysAndTimesAreAccepted() {
        assertThat(new RetentionPeriod("P18M").cutoff(NOW)).isEqualTo(Instant.parse("2015-09-30T09:15:00Z"));
        assertThat(new RetentionPeriod("P30D").cutoff(NOW)).isEqualTo(Instant.parse("2017-03-01T09:15:00Z"));
        assertThat(new RetentionPeriod("PT1H").cutoff(NOW)).isEqualTo(Instant.parse("2017-03-31T08:15:00Z"));
    }

    @Test
    void anythingElseStopsTheStart() {
        assertThatThrownBy(() -> new RetentionPeriod("8 years")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RetentionPeriod("P0D")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RetentionPeriod("-P1Y")).isInstanceOf(IllegalStateException.class);
    }
}
