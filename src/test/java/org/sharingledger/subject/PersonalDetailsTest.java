package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.subject.api.PersonalDetails;

/** The rules for a child's identifier, name and date of birth as a request seals them. */
class PersonalDetailsTest {

    private static final LocalDate TODAY = LocalDate.of(2009, 3, 31);

    @Test
    void aNameIsTrimmed() {
        assertThat(PersonalDetails.from("  Ellie Marsh \t", null))
                .get()
                .extracting(PersonalDetails::name)
                .isEqualTo("Ellie Marsh");
        assertThat(PersonalDetails.problems("  Ellie Marsh \t", null, TODAY)).isEmpty();
    }

    @Test
    void aNameHasOneTo200CharactersOnceTrimmed() {
        assertThat(PersonalDetails.problems("   ", null, TODAY))
                .extracting(FieldProblem::field)
                .containsExactly("name");
        assertThat(PersonalDetails.problems("x".repeat(201), null, TODAY))
                .extracting(FieldProblem::field)
                .containsExactly("name");
        assertThat(PersonalDetails.problems(" " + "x".repeat(200) + " ", null, TODAY))
                .isEmpty();
        assertThat(PersonalDetails.problems("Zoë O'Brien-Ngata", null, TODAY)).isEmpty();
    }

    @Test
    void aNameHasNoControlCharacters() {
        assertThat(PersonalDetails.problems("Ellie\nMarsh", null, TODAY))
                .extracting(FieldProblem::field)
                .containsExactly("name");
    }

    @Test
    void aDateOfBirthIsNotInTheFuture() {
        assertThat(PersonalDetails.problems(null, TODAY.plusDays(1), TODAY))
                .extracting(FieldProblem::field)
                .containsExactly("dateOfBirth");
        assertThat(PersonalDetails.problems(null, TODAY, TODAY)).isEmpty();
    }

    @Test
    void aDateOfBirthIsNotBefore1990() {
        assertThat(PersonalDetails.problems(null, LocalDate.of(1989, 12, 31), TODAY))
                .extracting(FieldProblem::field)
                .containsExactly("dateOfBirth");
        assertThat(PersonalDetails.problems(null, PersonalDetails.EARLIEST_DATE_OF_BIRTH, TODAY))
                .isEmpty();
    }

    @Test
    void problemsNeverRepeatTheValues() {
        assertThat(PersonalDetails.problems("x".repeat(201), LocalDate.of(1909, 4, 2), TODAY))
                .extracting(FieldProblem::message)
                .noneMatch(message -> message.contains("xxx") || message.contains("1909"));
    }

    @Test
    void eitherDetailMayBeGivenAloneAndNeitherMeansNone() {
        assertThat(PersonalDetails.from(null, LocalDate.of(2001, 5, 6))).isPresent();
        assertThat(PersonalDetails.from("Ellie", null)).isPresent();
        assertThat(PersonalDetails.from(null, null)).isEmpty();
        assertThatThrownBy(() -> new PersonalDetails(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailsNeverPrint() {
        assertThat(new PersonalDetails("Ellie Marsh", LocalDate.of(2001, 5, 6)).toString())
                .doesNotContain("Ellie")
                .doesNotContain("2001");
    }

    @Test
    void aRequestSealsTheIdentifierItNamesTheChildByEvenWithoutNameOrBirthDate() {
        PersonalDetails byNhsNumber =
                PersonalDetails.of(NhsNumber.parse("943 476 5919").orElseThrow(), null, null, null);
        PersonalDetails byReference = PersonalDetails.of(null, "CSC/2009/00142", "Ellie Marsh", null);

        assertThat(byNhsNumber.nhsNumber()).isEqualTo("9434765919");
        assertThat(byNhsNumber.localReference()).isNull();
        assertThat(byNhsNumber.hasNameOrDateOfBirth()).isFalse();
        assertThat(byReference.localReference()).isEqualTo("CSC/2009/00142");
        assertThat(byReference.hasNameOrDateOfBirth()).isTrue();
    }

    @Test
    void aRequestNamesItsChildByExactlyOneIdentifier() {
        NhsNumber nhsNumber = NhsNumber.parse("9434765919").orElseThrow();

        assertThatThrownBy(() -> PersonalDetails.of(nhsNumber, "CSC/1", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDetails.of(null, null, "Ellie Marsh", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdentifierIsNeverPrinted() {
        assertThat(PersonalDetails.of(NhsNumber.parse("9434765919").orElseThrow(), null, "Ellie Marsh", TODAY)
                        .toString())
                .doesNotContain("9434765919")
                .doesNotContain("Ellie");
    }
}
