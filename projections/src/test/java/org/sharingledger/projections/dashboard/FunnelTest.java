package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sharingledger.projections.dashboard.Funnel.Flag;

/**
 * Funnel limits against values computed by hand. Area rate p = 0.2, n = 100 decided:
 * se = sqrt(0.2 × 0.8 / 100) = 0.04; 95 %: 0.2 ± 1.959964 × 0.04 = 0.2 ± 0.0783986 → [0.1216014, 0.2783986];
 * 99.8 %: 0.2 ± 3.090232 × 0.04 = 0.2 ± 0.1236093 → [0.0763907, 0.3236093].
 */
class FunnelTest {

    private static final double EPSILON = 1e-6;

    @Test
    void limitsMatchTheHandComputedValues() {
        Funnel funnel = Funnel.of(0.2, 100, 0.2);
        assertThat(funnel.lower95()).isCloseTo(0.1216014, within(EPSILON));
        assertThat(funnel.upper95()).isCloseTo(0.2783986, within(EPSILON));
        assertThat(funnel.lower998()).isCloseTo(0.0763907, within(EPSILON));
        assertThat(funnel.upper998()).isCloseTo(0.3236093, within(EPSILON));
        assertThat(funnel.flag()).isEqualTo(Flag.WITHIN);
    }

    @Test
    void ratesBeyondEachLimitAreFlagged() {
        assertThat(Funnel.of(0.2, 100, 0.30).flag()).isEqualTo(Flag.ABOVE_95);
        assertThat(Funnel.of(0.2, 100, 0.35).flag()).isEqualTo(Flag.ABOVE_998);
        assertThat(Funnel.of(0.2, 100, 0.10).flag()).isEqualTo(Flag.BELOW_95);
        assertThat(Funnel.of(0.2, 100, 0.05).flag()).isEqualTo(Flag.BELOW_998);
        assertThat(Funnel.of(0.2, 100, 0.27).flag()).isEqualTo(Flag.WITHIN);
    }

    @Test
    void smallNumbersGiveWideLimitsClippedToZeroAndOne() {
        // p = 0.1, n = 4: se = sqrt(0.09 / 4) = 0.15; 95 %: 0.1 ± 0.2939946 → [0, 0.3939946];
        // 99.8 %: 0.1 ± 0.4635348 → [0, 0.5635348]. Two refusals out of four (0.5) is within the 99.8 % limit.
        Funnel funnel = Funnel.of(0.1, 4, 0.5);
        assertThat(funnel.lower95()).isZero();
        assertThat(funnel.upper95()).isCloseTo(0.3939946, within(EPSILON));
        assertThat(funnel.lower998()).isZero();
        assertThat(funnel.upper998()).isCloseTo(0.5635348, within(EPSILON));
        assertThat(funnel.flag()).isEqualTo(Flag.ABOVE_95);
        assertThat(Funnel.of(0.9, 1, 1.0).upper95()).isEqualTo(1.0);
    }

    @Test
    void theSameRateIsAnOutlierOnlyWithEnoughDecisions() {
        assertThat(Funnel.of(0.2, 10, 0.4).flag()).isEqualTo(Flag.WITHIN);
        assertThat(Funnel.of(0.2, 1000, 0.4).flag()).isEqualTo(Flag.ABOVE_998);
    }

    @Test
    void anAreaThatNeverRefusesHasNoSpread() {
        Funnel funnel = Funnel.of(0.0, 50, 0.0);
        assertThat(funnel.lower998()).isZero();
        assertThat(funnel.upper998()).isZero();
        assertThat(funnel.flag()).isEqualTo(Flag.WITHIN);
        assertThatThrownBy(() -> Funnel.of(0.2, 0, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
