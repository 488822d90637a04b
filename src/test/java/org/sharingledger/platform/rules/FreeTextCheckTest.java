package org.sharingledger.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextCheckTest {

    @Test
    void anNhsNumberIsFoundTogetherSpacedOrHyphenated() {
        assertThat(FreeText.Check.holdsNhsNumber("Child 9434765919 seen")).isTrue();
        assertThat(FreeText.Check.holdsNhsNumber("NHS no. 943 476 5919.")).isTrue();
        assertThat(FreeText.Check.holdsNhsNumber("943-476-5919")).isTrue();
    }

    @Test
    void anNhsNumberAfterOtherDigitsIsStillFound() {
        assertThat(FreeText.Check.holdsNhsNumber("Case 12 of 2024, referral 7: 943 476 5919"))
                .isTrue();
    }

    @Test
    void textWithFewerThanTenDigitsOrNoValidNumberHoldsNone() {
        assertThat(FreeText.Check.holdsNhsNumber("Section 47 enquiry after a referral from school"))
                .isFalse();
        assertThat(FreeText.Check.holdsNhsNumber("Call-outs on 12/03/2024 and 1/6/2024"))
                .isFalse();
        assertThat(FreeText.Check.holdsNhsNumber("Reference 1234567890")).isFalse();
        assertThat(FreeText.Check.holdsNhsNumber("")).isFalse();
    }
}
