package io.github.calendlywebhook.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void prefixesCellsASpreadsheetWouldEvaluate(String cell) {
        assertThat(CsvWriter.neutralize(cell)).isEqualTo("'" + cell);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(CsvWriter.neutralize("Ada Lovelace")).isEqualTo("Ada Lovelace");
    }

    @Test
    void quotesCellsWithSeparatorsQuotesAndLineBreaks() {
        String csv = new CsvWriter().row(List.of("a,b", "say \"hi\"", "two\nlines")).toString();

        assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void writesNullAsAnEmptyCell() {
        assertThat(new CsvWriter().row(Arrays.asList("x", null, "y")).toString()).isEqualTo("x,,y\r\n");
    }
}
