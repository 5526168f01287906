package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.formats.ScanContext;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A file that states its own splits (a table's {@code split} column, a FASTA header's {@code split=} tag) is split
 * exactly so, through the real import path: published benchmarks are comparable only on their published split.
 */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class PublishedSplitsTest {

    private static final String[] BASES = {"A", "C", "G", "T"};

    @Autowired
    DatasetService datasets;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    DatasetRepository repository;

    @Test
    void a_table_with_a_split_column_lands_exactly_and_the_column_is_no_input() throws IOException {
        var given = new ArrayList<Split>();
        var csv = new StringBuilder("patient_id,age,crp,Split,outcome\n");
        for (int i = 0; i < 90; i++) {
            var split = i % 6 == 0 ? Split.TEST : i % 6 == 1 ? Split.VALIDATION : Split.TRAIN;
            given.add(split);
            var written = i % 12 == 0 ? " TEST " : split.key();
            csv.append(
                    "P%03d,%d,%.1f,%s,%s\n".formatted(i, 30 + i % 40, 0.5 * i, written, i % 4 == 0 ? "sick" : "well"));
        }

        var info = datasets.importUpload(table("outcome"), DatasetImportTest.upload("given.csv", csv.toString()), null);

        assertThat(storedSplits(info)).containsExactlyElementsOf(given);
        var summary = datasets.summary(info.id());
        assertThat(summary.splitPlan().source()).isEqualTo("FILE");
        assertThat(summary.splitPlan().describe()).isEqualTo("the file's own train / validation / test splits");
        var split = summary.tabular().columns().stream()
                .filter(c -> c.name().equals("Split"))
                .findFirst()
                .orElseThrow();
        assertThat(split.type()).isEqualTo(ColumnType.IGNORE);
        assertThat(summary.tabular().encodedFeatures()).as("age and crp only").isEqualTo(2);
        assertThatThrownBy(
                        () -> datasets.updateTabularSettings(info.id(), Map.of("Split", ColumnType.CATEGORICAL), true))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("holds the file's own splits");
        assertThat(datasets.readTestCaseNames(info.id()))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 90)
                        .filter(i -> given.get(i) == Split.TEST)
                        .mapToObj("P%03d"::formatted)
                        .toList());
    }

    @Test
    void a_fasta_with_split_tags_lands_exactly() throws IOException {
        var given = new ArrayList<Split>();
        var fasta = new StringBuilder();
        var random = new Random(3);
        for (int i = 0; i < 60; i++) {
            var split = i < 40 ? Split.TRAIN : i < 48 ? Split.VALIDATION : Split.TEST;
            given.add(split);
            fasta.append(">s%02d class=%s split=%s\n%s\n".formatted(i, i % 3, split.key(), bases(random, 20)));
        }

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("DNA"),
                DatasetImportTest.upload("dna.fasta", fasta.toString()),
                null);

        assertThat(storedSplits(info)).containsExactlyElementsOf(given);
        assertThat(info.splits().get("train").size()).isEqualTo(40);
        assertThat(info.splits().get("validation").size()).isEqualTo(8);
        assertThat(info.splits().get("test").size()).isEqualTo(12);
        assertThat(datasets.summary(info.id()).splitPlan().source()).isEqualTo("FILE");
    }

    @Test
    void with_only_train_and_test_given_validation_is_carved_from_train_by_class_and_test_is_untouched()
            throws IOException {
        var given = new ArrayList<Split>();
        var fasta = new StringBuilder();
        var random = new Random(4);
        for (int i = 0; i < 120; i++) {
            var split = i < 80 ? Split.TRAIN : Split.TEST;
            given.add(split);
            var label = i % 4 == 0 ? "ei" : "n";
            fasta.append(">d%03d class=%s split=%s\n%s\n".formatted(i, label, split.key(), bases(random, 30)));
        }

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Splice"),
                DatasetImportTest.upload("splice.fasta", fasta.toString()),
                null);

        var stored = storedSplits(info);
        for (int i = 0; i < 120; i++) {
            if (given.get(i) == Split.TEST) {
                assertThat(stored.get(i)).as("row %d", i).isEqualTo(Split.TEST);
            } else {
                assertThat(stored.get(i)).as("row %d", i).isIn(Split.TRAIN, Split.VALIDATION);
            }
        }
        // 15% of the 80 training rows, per class: 20 'ei' give 3, 60 'n' give 9.
        assertThat(info.splits().get("validation").classCounts())
                .containsEntry("ei", 3)
                .containsEntry("n", 9);
        assertThat(info.splits().get("train").size()).isEqualTo(68);
        assertThat(info.splits().get("test").size()).isEqualTo(40);
        var plan = datasets.summary(info.id()).splitPlan();
        assertThat(plan.source()).isEqualTo("FILE");
        assertThat(plan.validationRatio()).isEqualTo(Splitter.DEFAULT_VALIDATION_RATIO);
        assertThat(plan.describe()).contains("validation carved from its training rows", "15% of them");

        var again = datasets.importUpload(
                DatasetService.ImportRequest.named("Splice again"),
                DatasetImportTest.upload("splice.fasta", fasta.toString()),
                null);
        assertThat(storedSplits(again)).as("seeded").isEqualTo(stored);
    }

    @Test
    void a_split_value_other_than_train_validation_or_test_is_refused_with_file_line_and_value() {
        int before = datasets.list().size();
        var csv = "age,split,outcome\n50,train,yes\n61,test,no\n47,holdout,yes\n";
        assertThatThrownBy(
                        () -> datasets.importUpload(table("outcome"), DatasetImportTest.upload("bad.csv", csv), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bad.csv line 4: split 'holdout' is not train, validation or test");

        var fasta = ">a class=x split=train\nACGT\n>b class=y split=train\nACGA\n>c class=x split=dev\nACGG\n";
        assertThatThrownBy(() -> datasets.importUpload(
                        DatasetService.ImportRequest.named("Bad DNA"),
                        DatasetImportTest.upload("bad.fasta", fasta),
                        null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bad.fasta line 5: split 'dev' is not train, validation or test");
        assertThat(datasets.list()).hasSize(before);
    }

    @Test
    void a_fasta_where_only_some_sequences_carry_a_split_and_a_file_without_test_rows_are_refused() {
        var mixed = ">a class=x split=train\nACGT\n>b class=y\nACGA\n";
        assertThatThrownBy(() -> datasets.importUpload(
                        DatasetService.ImportRequest.named("Mixed"),
                        DatasetImportTest.upload("mixed.fasta", mixed),
                        null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("mixed.fasta line 3: sequence 'b' has no split");

        var noTest = "age,split,outcome\n50,train,yes\n61,train,no\n47,validation,yes\n";
        assertThatThrownBy(() ->
                        datasets.importUpload(table("outcome"), DatasetImportTest.upload("notest.csv", noTest), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("notest.csv: the 'split' values give no test rows");
    }

    @Test
    void copies_the_file_puts_in_different_splits_stay_there_and_the_report_says_so() throws IOException {
        var fasta = new StringBuilder();
        var random = new Random(5);
        var copied = bases(random, 16);
        for (int i = 0; i < 20; i++) {
            var split = i < 10 ? "train" : i < 14 ? "validation" : "test";
            var sequence = i == 0 || i == 19 ? copied : bases(random, 16);
            fasta.append(">c%02d class=%s split=%s\n%s\n".formatted(i, i % 2, split, sequence));
        }

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Copies"),
                DatasetImportTest.upload("copies.fasta", fasta.toString()),
                null);

        var stored = storedSplits(info);
        assertThat(stored.getFirst()).isEqualTo(Split.TRAIN);
        assertThat(stored.getLast()).isEqualTo(Split.TEST);
        var duplicates = datasets.summary(info.id()).duplicates();
        assertThat(duplicates.repeated()).isEqualTo(1);
        assertThat(duplicates.keptTogether()).isFalse();
        assertThat(duplicates.describe())
                .contains("The file's own splits put copies of one sequence in different splits");
    }

    private List<Split> storedSplits(DatasetInfo info) throws IOException {
        var key = repository.findById(info.id()).orElseThrow().getStorageKey();
        var bytes = Files.readAllBytes(
                dataDirectory.resolve("datasets").resolve(key).resolve(ScanContext.SPLITS_FILE));
        var out = new ArrayList<Split>();
        for (byte b : bytes) {
            out.add(Split.ofCode(b));
        }
        return out;
    }

    private static String bases(Random random, int length) {
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASES[random.nextInt(4)]);
        }
        return out.toString();
    }

    private static DatasetService.ImportRequest table(String target) {
        return new DatasetService.ImportRequest(
                "Table", Modality.EHR, target, null, List.of(), null, List.of(), null, null, null);
    }
}
