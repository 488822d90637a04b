package org.sharingledger.projections.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenNeededAndRecordsEndWithCrLf() {
        String csv = Csv.write(List.of(List.of("a", "b,c"), Arrays.asList(null, "say \"hi\"", "x\ny", 3)));

        assertThat(csv).isEqualTo("a,\"b,c\"\r\n,\"say \"\"hi\"\"\",\"x\ny\",3\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersAreNot() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+44 1234")).isEqualTo("'+44 1234");
        assertThat(Csv.cell("-5")).isEqualTo("'-5");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(Csv.cell(-5)).isEqualTo("-5");
        assertThat(Csv.cell(-0.25)).isEqualTo("-0.25");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void textStartingWithATabACarriageReturnOrAFormulaAfterLeadingSpacesIsDefusedToo() {
        assertThat(Csv.cell("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(Csv.cell("  =cmd|' /C calc'!A0")).isEqualTo("'  =cmd|' /C calc'!A0");
        assertThat(Csv.cell(" @SUM(A1)")).isEqualTo("' @SUM(A1)");
        assertThat(Csv.cell("   -2+3")).isEqualTo("'   -2+3");
        assertThat(Csv.cell("a = b")).isEqualTo("a = b");
        assertThat(Csv.cell("   ")).isEqualTo("   ");
    }

    @Test
    void valuesThatAreNotTextAreDefusedByWhatTheyPrintButNumbersAndBooleansAreNot() {
        Object formula = new Object() {
            @Override
            public String toString() {
                return "=1+2";
            }
        };
        assertThat(Csv.cell(formula)).isEqualTo("'=1+2");
        assertThat(Csv.cell(-3L)).isEqualTo("-3");
        assertThat(Csv.cell(Boolean.TRUE)).isEqualTo("true");
    }
}
