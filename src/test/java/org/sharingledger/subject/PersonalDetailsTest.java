package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.subject.api.PersonalDetails;

/** The rules for a child's name and date of birth as given in a request. */
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
}
