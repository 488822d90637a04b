package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharingledger.kernel.NhsNumber;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137", "9999999999"})
    void validNumbersAreAcceptedAndNormalised(String input) {
        assertThat(NhsNumber.parse(input))
                .get()
                .extracting(NhsNumber::digits)
                .isEqualTo(input.replace(" ", "").replace("-", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659I9", "", "1000000010"})
    void wrongCheckDigitsLengthsAndLettersAreRejected(String input) {
        assertThat(NhsNumber.parse(input)).isEmpty();
    }

    @Test
    void aNumberWhoseCheckDigitWouldBeTenIsNeverValid() {
        // 1000000010: weights give a remainder of 1, so the check digit would be 10
        assertThat(NhsNumber.parse("1000000010")).isEmpty();
        assertThat(NhsNumber.parse(null)).isEmpty();
    }

    @Test
    void itNeverPrintsItself() {
        assertThat(NhsNumber.parse("9434765919").orElseThrow().toString()).doesNotContain("9434765919");
    }

    @Test
    void pseudonymsAreStableKeyedAndScoped() {
        byte[] key = new byte[32];
        HmacSubjectPseudonyms pseudonyms = new HmacSubjectPseudonyms(key);
        key[0] = 1;
        HmacSubjectPseudonyms otherKey = new HmacSubjectPseudonyms(key);
        NhsNumber number = NhsNumber.parse("943 476 5919").orElseThrow();

        assertThat(pseudonyms.of(number))
                .hasSize(64)
                .isEqualTo(pseudonyms.of(NhsNumber.parse("9434765919").orElseThrow()));
        assertThat(otherKey.of(number)).isNotEqualTo(pseudonyms.of(number));
        assertThat(pseudonyms.ofLocalReference("school-a", "R1"))
                .isNotEqualTo(pseudonyms.ofLocalReference("school-b", "R1"));
    }
}
