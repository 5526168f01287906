package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.formats.HeaderlessCsvException;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What an import checks in files made by others (issue 16): a table without a header row, copies of rows and
 * sequences (with different labels, too), and whole-number columns that may be codes for categories. Real files on
 * disk, imported through the service, read back through the splits as training and evaluation read them.
 */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class ImportChecksTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    DatasetRepository repository;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @TempDir
    Path folder;

    // ---- a table without a header row ----

    @Test
    void a_table_whose_first_row_is_a_patient_is_refused_naming_line_1_its_values_and_the_option() throws Exception {
        var file = write("heart.csv", RealFileFixtures.heartWithoutHeader(60, 1));
        int before = datasets.list().size();
        // The case: a target named from the first row, which used to pass and then fail at line 2 with
        // "14 values, but the header has 14 columns".
        var request = table("Heart", "0");

        assertThatThrownBy(() -> datasets.importUpload(request, DatasetService.Upload.ofFile("heart.csv", file), null))
                .isInstanceOf(HeaderlessCsvException.class)
                .hasMessageContainingAll(
                        "heart.csv line 1",
                        "looks like data, not column names",
                        "14 of its 14 values are numbers (63.0, 1.0, 1.0, 145.0, 233.0, 1.0, ...)",
                        "header=false",
                        "columnNames",
                        "column_1 to column_14")
                .hasMessageNotContaining("but the header has 14 columns")
                .satisfies(e -> assertThat(((HeaderlessCsvException) e).proposedColumnNames())
                        .hasSize(14)
                        .endsWith("column_14"));
        assertThat(datasets.list()).as("nothing stored").hasSize(before);
    }

    @Test
    void with_header_false_and_column_names_the_first_row_is_read_as_the_first_patient() throws Exception {
        var file = write("heart.csv", RealFileFixtures.heartWithoutHeader(60, 2));
        var request = new DatasetService.ImportRequest(
                        "Heart named", null, "num", null, List.of("sex"), "1", List.of(), null, "CC BY 4.0", null)
                .withHeader(false, RealFileFixtures.HEART_COLUMNS);

        var info = datasets.importUpload(request, DatasetService.Upload.ofFile("heart.csv", file), null);

        var tabular = datasets.summary(info.id()).tabular();
        assertThat(tabular.headerless()).isTrue();
        assertThat(tabular.header()).containsExactlyElementsOf(RealFileFixtures.HEART_COLUMNS);
        assertThat(tabular.rows())
                .as("the first patient is a row, not the header")
                .isEqualTo(60);
        assertThat(String.join(",", tabular.previewRows().getFirst())).isEqualTo(RealFileFixtures.FIRST_PATIENT);
        assertThat(column(tabular, "age").max()).isGreaterThanOrEqualTo(63.0);
        assertThat(info.classes()).containsExactly("0", "1");
        assertThat(readAll(info.id()).values().stream().mapToInt(List::size).sum())
                .as("every row, the first included, reaches training and evaluation")
                .isEqualTo(60);
        assertThat(datasets.readTestGroups(info.id(), "sex")).isNotEmpty();
    }

    @Test
    void with_header_false_alone_the_columns_are_called_column_1_to_column_n() throws Exception {
        var file = write("heart.csv", RealFileFixtures.heartWithoutHeader(40, 3));

        var info = datasets.importUpload(
                table("Heart unnamed", "column_14").withHeader(false, List.of()),
                DatasetService.Upload.ofFile("heart.csv", file),
                null);

        var tabular = datasets.summary(info.id()).tabular();
        assertThat(tabular.header()).startsWith("column_1", "column_2").endsWith("column_14");
        assertThat(tabular.targetColumn()).isEqualTo("column_14");
        assertThat(tabular.rows()).isEqualTo(40);
    }

    @Test
    void column_names_that_do_not_fit_the_first_row_are_refused() throws Exception {
        var file = write("heart.csv", RealFileFixtures.heartWithoutHeader(20, 4));

        assertThatThrownBy(() -> datasets.importUpload(
                        table("Heart", "num").withHeader(false, List.of("age", "sex", "num")),
                        DatasetService.Upload.ofFile("heart.csv", file),
                        null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("columnNames gives 3 names, but line 1 has 14 values");
        assertThatThrownBy(() -> datasets.importUpload(
                        table("Heart", "num").withHeader(false, List.of("a", "a", "b")),
                        DatasetService.Upload.ofFile("heart.csv", file),
                        null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("columnNames gives 3 names");
    }

    @Test
    void a_header_that_names_two_columns_alike_is_refused_at_line_1_naming_them() throws Exception {
        var heart = write("heart.csv", RealFileFixtures.heartWithoutHeader(20, 5));
        assertThatThrownBy(() -> datasets.importUpload(
                        table("Heart", "0").withHeader(true, List.of()),
                        DatasetService.Upload.ofFile("heart.csv", heart),
                        null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContainingAll(
                        "heart.csv line 1: every column needs its own name",
                        "'1.0' names columns 2 and 3 and 6",
                        "'0.0' names columns 9 and 12")
                .hasMessageNotContaining("line 2");

        var named = write("visits.csv", "age,sex,age,y\n61,F,62,x\n70,M,71,z\n");
        assertThatThrownBy(() -> datasets.importUpload(
                        table("Visits", "y"), DatasetService.Upload.ofFile("visits.csv", named), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(
                        "visits.csv line 1: every column needs its own name, but 'age' names columns" + " 1 and 3");
    }

    @Test
    void a_row_with_too_few_or_too_many_values_names_the_line_and_the_column() throws Exception {
        var short_ = write("short.csv", "a,b,y\n1,2,x\n1,2\n");
        assertThatThrownBy(() -> datasets.importUpload(
                        table("Short", "y"), DatasetService.Upload.ofFile("short.csv", short_), null))
                .hasMessageContaining(
                        "short.csv line 3: 2 values, but the header has 3 columns: column 3 'y' gets no" + " value");
        var long_ = write("long.csv", "a,b,y\n1,2,x\n1,2,3,x\n");
        assertThatThrownBy(() -> datasets.importUpload(
                        table("Long", "y"), DatasetService.Upload.ofFile("long.csv", long_), null))
                .hasMessageContaining(
                        "long.csv line 3: 4 values, but the header has 3 columns: value 4 ('x') has no" + " column");
    }

    // ---- copies ----

    @Test
    void copies_of_sequences_are_counted_conflicting_labels_named_and_every_copy_kept_in_one_split() throws Exception {
        var random = new Random(16);
        var fasta = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            fasta.append(">u").append(i).append(i % 2 == 0 ? " class=+\n" : " class=-\n");
            fasta.append(RealFileFixtures.dna(random, 40)).append('\n');
        }
        for (int s = 0; s < 10; s++) {
            var copy = RealFileFixtures.dna(random, 40);
            for (int c = 0; c < 4; c++) {
                fasta.append(">c").append(s).append('_').append(c).append(s % 2 == 0 ? " class=+\n" : " class=-\n");
                fasta.append(copy).append('\n');
            }
        }
        var twoLabels = RealFileFixtures.dna(random, 40);
        fasta.append(">p017 class=+\n").append(twoLabels).append('\n');
        fasta.append(">p102 class=-\n")
                .append(twoLabels.toLowerCase(java.util.Locale.ROOT))
                .append('\n');
        var file = write("promoters.fasta", fasta.toString());

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Promoters with copies"),
                DatasetService.Upload.ofFile("promoters.fasta", file),
                null);

        var duplicates = info.duplicates();
        assertThat(duplicates.unit()).isEqualTo("sequence");
        assertThat(duplicates.repeated()).isEqualTo(11);
        assertThat(duplicates.rows()).isEqualTo(42);
        assertThat(duplicates.extraCopies()).isEqualTo(31);
        assertThat(duplicates.conflicting()).isEqualTo(1);
        assertThat(duplicates.examples().getFirst().members()).containsExactly("p017", "p102");
        assertThat(duplicates.describe())
                .contains(
                        "11 different sequences occur more than once: 42 sequences in all, 31 of them extra copies",
                        "1 of them has different labels",
                        "p017 (+), p102 (-)",
                        "kept in the same split");
        assertThat(info.splitMethod()).endsWith("identical sequences kept in one split");
        assertNoExampleInTwoSplits(info.id());
    }

    @Test
    void copies_of_table_rows_are_found_without_the_id_column_and_kept_in_one_split() throws Exception {
        var random = new Random(7);
        var csv = new StringBuilder("patient_id,age,sex,crp,outcome\n");
        int id = 0;
        for (int i = 0; i < 60; i++) {
            csv.append(patient(++id, random, i % 3 == 0 ? "sepsis" : "well"));
        }
        for (int s = 0; s < 8; s++) {
            var values = randomValues(random);
            for (int c = 0; c < 3; c++) {
                csv.append(String.format("P%04d,%s,%s%n", ++id, values, s % 2 == 0 ? "sepsis" : "well"));
            }
        }
        var conflicting = randomValues(random);
        csv.append(String.format("P%04d,%s,sepsis%n", ++id, conflicting));
        csv.append(String.format("P%04d,%s,well%n", ++id, conflicting));
        var file = write("visits.csv", csv.toString());

        var info = datasets.importUpload(
                table("Visits with copies", "outcome"), DatasetService.Upload.ofFile("visits.csv", file), null);

        var duplicates = info.duplicates();
        assertThat(duplicates.unit()).isEqualTo("row");
        assertThat(duplicates.compared()).isEqualTo("every column except 'patient_id' and the target 'outcome'");
        assertThat(duplicates.repeated()).isEqualTo(9);
        assertThat(duplicates.rows()).isEqualTo(26);
        assertThat(duplicates.conflicting()).isEqualTo(1);
        assertThat(duplicates.examples().getFirst().members())
                .containsExactly("patient_id P0085, line 86", "patient_id P0086, line 87");
        assertThat(duplicates.examples().getFirst().labels()).containsExactly("sepsis", "well");
        assertNoExampleInTwoSplits(info.id());
    }

    @Test
    void copies_are_found_when_the_id_column_is_known_only_by_its_values_never_repeating() throws Exception {
        var random = new Random(8);
        var csv = new StringBuilder("mrn,age,sex,crp,outcome\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(String.format("MRN-%04d,%s,%s%n", i, randomValues(random), i % 2 == 0 ? "sepsis" : "well"));
        }
        var copied = randomValues(random);
        for (int i = 41; i <= 44; i++) {
            csv.append(String.format("MRN-%04d,%s,well%n", i, copied));
        }
        var file = write("records.csv", csv.toString());

        var info = datasets.importUpload(
                table("Records with copies", "outcome"), DatasetService.Upload.ofFile("records.csv", file), null);

        var duplicates = info.duplicates();
        assertThat(duplicates.compared()).isEqualTo("every column except 'mrn' and the target 'outcome'");
        assertThat(duplicates.repeated()).isEqualTo(1);
        assertThat(duplicates.rows()).isEqualTo(4);
        assertThat(duplicates.examples().getFirst().members()).startsWith("mrn MRN-0041, line 42");
        assertNoExampleInTwoSplits(info.id());
    }

    @Test
    void a_file_without_copies_says_so_and_keeps_the_plain_stratified_split() throws Exception {
        var random = new Random(9);
        var csv = new StringBuilder("patient_id,age,sex,crp,outcome\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(patient(i, random, i % 2 == 0 ? "sepsis" : "well"));
        }
        var file = write("clean.csv", csv.toString());

        var info = datasets.importUpload(
                table("No copies", "outcome"), DatasetService.Upload.ofFile("clean.csv", file), null);

        assertThat(info.duplicates().any()).isFalse();
        assertThat(info.duplicates().describe()).startsWith("No duplicates: no two rows are the same");
        assertThat(info.splitMethod()).doesNotContain("identical");
        var labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = (i + 1) % 2 == 0 ? 0 : 1; // classes sorted: sepsis, well
        }
        var expected = Splitter.stratified(
                labels, Splitter.DEFAULT_SEED, Splitter.DEFAULT_VALIDATION_RATIO, Splitter.DEFAULT_TEST_RATIO);
        assertThat(info.splits().get("test").size()).isEqualTo((int)
                Arrays.stream(expected).filter(s -> s == Split.TEST).count());
    }

    // ---- codes for categories ----

    @Test
    void whole_numbers_with_a_few_values_are_suggested_as_categorical_and_not_applied_until_accepted()
            throws Exception {
        var file = write("heart.csv", RealFileFixtures.heartWithoutHeader(120, 6));
        var info = datasets.importUpload(
                table("Heart codes", "num").withHeader(false, RealFileFixtures.HEART_COLUMNS),
                DatasetService.Upload.ofFile("heart.csv", file),
                null);

        assertThat(info.suggestedColumnTypes())
                .containsOnlyKeys("cp", "restecg", "slope", "ca", "thal")
                .containsValue(ColumnType.CATEGORICAL);
        var tabular = datasets.summary(info.id()).tabular();
        assertThat(column(tabular, "cp").type()).as("suggested, not applied").isEqualTo(ColumnType.NUMERIC);
        assertThat(column(tabular, "cp").suggestion()).contains("4 different whole numbers (1.0, 2.0, 3.0, 4.0)");
        assertThat(column(tabular, "sex").type()).as("0/1 is binary already").isEqualTo(ColumnType.BINARY);
        assertThat(column(tabular, "sex").suggestedType()).isNull();
        assertThat(column(tabular, "age").suggestedType())
                .as("many values: a measurement")
                .isNull();
        assertThat(column(tabular, "oldpeak").suggestedType())
                .as("fractions: a measurement")
                .isNull();
        int before = tabular.encodedFeatures();

        var accepted = datasets.updateTabularSettings(info.id(), Map.of("cp", ColumnType.CATEGORICAL), true);

        assertThat(column(accepted.tabular(), "cp").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(accepted.tabular().encodedFeatures()).isEqualTo(before + 3);
        assertThat(datasets.get(info.id()).suggestedColumnTypes()).doesNotContainKey("cp");
        var train = new java.util.ArrayList<Example>();
        datasets.readExamples(info.id(), Split.TRAIN, train::add);
        assertThat(train.getFirst().features()).hasSize(before + 3);
    }

    @Test
    void the_shipped_samples_have_no_copies_and_no_suggestions_so_they_import_as_before() {
        for (var key : List.of(SampleLibrary.WDBC, SampleLibrary.COHORT, SampleLibrary.PROMOTERS)) {
            var info = datasets.get(datasets.sampleId(key).orElseThrow());
            assertThat(info.duplicates().any()).as(key).isFalse();
            assertThat(info.suggestedColumnTypes()).as(key).isEmpty();
        }
    }

    @Test
    void a_dataset_stored_before_these_checks_loads_and_reads_as_it_was() throws Exception {
        var random = new Random(12);
        var csv = new StringBuilder("patient_id,age,sex,crp,outcome\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(patient(i, random, i % 2 == 0 ? "sepsis" : "well"));
        }
        var file = write("old.csv", csv.toString());
        var info = datasets.importUpload(
                table("Stored long ago", "outcome"), DatasetService.Upload.ofFile("old.csv", file), null);
        var train = new java.util.ArrayList<Example>();
        datasets.readExamples(info.id(), Split.TRAIN, train::add);
        // The summary as it was stored before: no duplicates, no headerless flag, no suggested types.
        var stored = (tools.jackson.databind.node.ObjectNode)
                json.readTree(json.writeValueAsString(datasets.summary(info.id())));
        stored.remove("duplicates");
        var tabular = (tools.jackson.databind.node.ObjectNode) stored.get("tabular");
        tabular.remove("headerless");
        tabular.get("columns").forEach(c -> ((tools.jackson.databind.node.ObjectNode) c).remove("suggestedType"));
        transactions.executeWithoutResult(
                status -> repository.findById(info.id()).orElseThrow().setSummaryJson(stored.toString()));

        var old = datasets.get(info.id());

        assertThat(old.duplicates()).isNull();
        assertThat(old.suggestedColumnTypes()).isEmpty();
        assertThat(old.splits()).isEqualTo(info.splits());
        assertThat(datasets.summary(info.id()).tabular().headerless()).isFalse();
        var again = new java.util.ArrayList<Example>();
        datasets.readExamples(info.id(), Split.TRAIN, again::add);
        assertThat(again).hasSameSizeAs(train);
        assertThat(again.getFirst().features()).containsExactly(train.getFirst().features());
    }

    // ---- helpers ----

    private static String patient(int id, Random random, String outcome) {
        return String.format("P%04d,%s,%s%n", id, randomValues(random), outcome);
    }

    /** age, sex, crp: practically never the same twice by chance. */
    private static String randomValues(Random random) {
        return String.format(
                java.util.Locale.ROOT,
                "%d,%s,%.2f",
                20 + random.nextInt(70),
                random.nextBoolean() ? "F" : "M",
                random.nextDouble() * 200);
    }

    /** Every example as training and evaluation read it, by split. */
    private Map<Split, List<Example>> readAll(long id) {
        var bySplit = new HashMap<Split, List<Example>>();
        for (var split : List.of(Split.TRAIN, Split.VALIDATION)) {
            var examples = new java.util.ArrayList<Example>();
            datasets.readExamples(id, split, examples::add);
            bySplit.put(split, examples);
        }
        var test = new java.util.ArrayList<Example>();
        datasets.readTestExamples(id, test::add);
        bySplit.put(Split.TEST, test);
        return bySplit;
    }

    /** No input the model trains on appears in validation or test, nor one validation input in test. */
    private void assertNoExampleInTwoSplits(long id) {
        Map<String, Set<Split>> splitsOfInput = new HashMap<>();
        readAll(id)
                .forEach((split, examples) -> examples.forEach(e -> splitsOfInput
                        .computeIfAbsent(Arrays.toString(e.features()), k -> new HashSet<>())
                        .add(split)));
        assertThat(splitsOfInput.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    }

    private static DatasetSummary.ColumnSummary column(DatasetSummary.TabularSummary tabular, String name) {
        return tabular.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static DatasetService.ImportRequest table(String name, String target) {
        return new DatasetService.ImportRequest(
                name, null, target, null, List.of(), null, List.of(), null, "CC BY 4.0", null);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
