package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A table with more columns than {@code deeprounds.datasets.max-columns} is refused with a message naming the file
 * and the count, before anything is stored (a 10,000-column CSV used to overflow the stored summary: a bare 500).
 */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class WideCsvTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    DatasetLimits limits;

    @Test
    void a_table_with_ten_thousand_columns_is_refused_naming_the_file_and_the_count() {
        int before = datasets.list().size();
        var csv = table(10_000);
        var wide = new DatasetService.ImportRequest(
                "Wide", null, "y", null, java.util.List.of(), null, java.util.List.of(), null, null, null);
        assertThatThrownBy(() -> datasets.importUpload(wide, DatasetImportTest.upload("wide.csv", csv), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContainingAll("wide.csv", "10000 columns", "at most " + limits.maxColumns());
        assertThat(datasets.list()).as("nothing stored").hasSize(before);
    }

    @Test
    void a_table_at_the_limit_is_imported() {
        var csv = table(limits.maxColumns());
        var request = new DatasetService.ImportRequest(
                "Just wide enough", null, "y", null, java.util.List.of(), null, java.util.List.of(), null, null, null);
        var imported = datasets.importUpload(request, DatasetImportTest.upload("edge.csv", csv), null);
        assertThat(datasets.summary(imported.id()).tabular()).isNotNull();
        datasets.delete(imported.id());
    }

    @Test
    void a_table_whose_description_outgrows_the_stored_summary_is_refused_before_it_is_stored() {
        int before = datasets.list().size();
        int columns = limits.maxColumns();
        var out = new StringBuilder(
                IntStream.range(1, columns).mapToObj(i -> "t" + i).collect(Collectors.joining(",")) + ",y\n");
        for (int row = 0; row < 40; row++) {
            var value = "c" + row + "-" + "x".repeat(40);
            out.append((value + ",").repeat(columns - 1))
                    .append(row % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        var request = new DatasetService.ImportRequest(
                "Many words", null, "y", null, java.util.List.of(), null, java.util.List.of(), null, null, null);
        assertThatThrownBy(() ->
                        datasets.importUpload(request, DatasetImportTest.upload("words.csv", out.toString()), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContainingAll("words.csv", "more than the " + DatasetService.MAX_SUMMARY_CHARS);
        assertThat(datasets.list()).as("nothing stored").hasSize(before);
    }

    /** {@code columns} columns: numeric features c1.. and a binary target y, over 40 rows. */
    private static String table(int columns) {
        var header = IntStream.range(1, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(",")) + ",y\n";
        var out = new StringBuilder(header);
        for (int row = 0; row < 40; row++) {
            int r = row;
            out.append(IntStream.range(1, columns)
                            .mapToObj(i -> Integer.toString((r * i) % 7))
                            .collect(Collectors.joining(",")))
                    .append(',')
                    .append(row % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        return out.toString();
    }
}
