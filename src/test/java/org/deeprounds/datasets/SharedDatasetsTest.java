package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.formats.ScanContext;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The real public files in ../shared/datasets (present on development machines and CI; skipped elsewhere). */
@IntegrationTest
@EnabledIf("sharedDatasetsPresent")
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class SharedDatasetsTest {

    static final Path SHARED = Path.of("..", "shared", "datasets");

    @Autowired
    DatasetService datasets;

    @Autowired
    org.deeprounds.base.DataDirectory dataDirectory;

    @Autowired
    DatasetRepository repository;

    static boolean sharedDatasetsPresent() {
        return Files.isDirectory(SHARED);
    }

    @Test
    void the_pneumonia_chest_xrays_load_with_their_own_balanced_splits() throws IOException {
        var request = new DatasetService.ImportRequest(
                "PneumoniaMNIST (balanced subset)",
                null,
                null,
                null,
                List.of(),
                null,
                List.of("normal", "pneumonia"),
                null,
                "CC BY 4.0",
                null);

        var info = importFile("imaging/pneumoniamnist-balanced.npz", request);

        assertThat(info.splits().get("train").size()).isEqualTo(2428);
        assertThat(info.splits().get("validation").size()).isEqualTo(270);
        assertThat(info.splits().get("test").size()).isEqualTo(468);
        assertThat(info.splits().get("train").classCounts())
                .containsEntry("normal", 1214)
                .containsEntry("pneumonia", 1214);
        assertThat(info.splits().get("test").classCounts()).containsEntry("normal", 234);
        assertThat(datasets.summary(info.id()).imaging().height()).isEqualTo(28);
    }

    @Test
    void the_ecoli_promoters_give_106_sequences_of_57_nt_half_and_half() throws IOException {
        var info =
                importFile("genomics/ecoli-promoters.fasta", DatasetService.ImportRequest.named("E. coli promoters"));

        var genomics = datasets.summary(info.id()).genomics();
        int total = info.splits().values().stream()
                .mapToInt(DatasetSummary.SplitSummary::size)
                .sum();
        assertThat(total).isEqualTo(106);
        assertThat(genomics.minLength()).isEqualTo(57);
        assertThat(genomics.maxLength()).isEqualTo(57);
        assertThat(info.classes()).containsExactly("+", "-");
        assertThat(info.positiveClass()).as("'+' reads as 'promoter present'").isEqualTo("+");
        int plus = info.splits().values().stream()
                .mapToInt(s -> s.classCounts().get("+"))
                .sum();
        assertThat(plus).isEqualTo(53);
        assertThat(info.duplicates().any())
                .as("106 different sequences: nothing merged, the plain stratified split")
                .isFalse();
        assertThat(info.duplicates().describe()).startsWith("No duplicates");
    }

    @Test
    void the_wdbc_table_gives_569_rows_and_30_numeric_features() throws IOException {
        var request = new DatasetService.ImportRequest(
                "WDBC", null, "diagnosis", null, List.of(), "malignant", List.of(), null, "CC BY 4.0", null);

        var info = importFile("ehr/wdbc-breast-cancer.csv", request);

        var tabular = datasets.summary(info.id()).tabular();
        assertThat(tabular.rows()).isEqualTo(569);
        assertThat(tabular.columns().stream().filter(c -> c.type() == ColumnType.NUMERIC))
                .hasSize(30);
        assertThat(info.positiveClass()).isEqualTo("malignant");
    }

    @Test
    void rows_of_one_patient_never_straddle_splits_in_the_wisconsin_original_table() throws IOException {
        var request = new DatasetService.ImportRequest(
                "Wisconsin original", null, "Class", "Id", List.of(), null, List.of(), null, "CC BY 4.0", null);

        var info = importFile("ehr/wisconsin-original-breast-cancer.csv", request);

        var summary = datasets.summary(info.id());
        assertThat(summary.splitPlan().source()).isEqualTo("GROUPED");
        assertThat(summary.tabular().rows()).isEqualTo(699);
        var missingBareNuclei = summary.tabular().columns().stream()
                .filter(c -> c.missing() > 0)
                .findFirst()
                .orElseThrow();
        assertThat(missingBareNuclei.missing()).isEqualTo(16);
        // Read back the stored split per row and the Id per row: no Id in two splits.
        var folder = storageFolder(info);
        var splits = Files.readAllBytes(folder.resolve(ScanContext.SPLITS_FILE));
        var lines = Files.readAllLines(SHARED.resolve("ehr/wisconsin-original-breast-cancer.csv"));
        int idColumn = List.of(lines.getFirst().split(",")).indexOf("Id");
        Map<String, Set<Byte>> splitsPerId = new HashMap<>();
        for (int row = 1; row < lines.size(); row++) {
            var id = lines.get(row).split(",")[idColumn];
            splitsPerId.computeIfAbsent(id, k -> new HashSet<>()).add(splits[row - 1]);
        }
        assertThat(splitsPerId.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(splitsPerId.values().stream()
                        .filter(s -> s.contains((byte) 'S'))
                        .count())
                .isPositive();

        // Rows equal in all nine scores (the Id left out) are flagged and share a split too: 48 score patterns occur
        // more than once, on 284 rows; the 8 rows that repeat a patient entirely are among them.
        var duplicates = info.duplicates();
        assertThat(duplicates.compared()).isEqualTo("every column except 'Id' and the target 'Class'");
        assertThat(duplicates.repeated()).isEqualTo(48);
        assertThat(duplicates.rows()).isEqualTo(284);
        assertThat(duplicates.conflicting()).isZero();
        assertThat(duplicates.examples().getFirst().members().getFirst()).startsWith("Id ");
        Map<String, Set<Byte>> splitsPerScores = new HashMap<>();
        for (int row = 1; row < lines.size(); row++) {
            var values = lines.get(row).split(",");
            var scores = String.join(",", List.of(values).subList(1, values.length - 1));
            splitsPerScores.computeIfAbsent(scores, k -> new HashSet<>()).add(splits[row - 1]);
        }
        assertThat(splitsPerScores.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        var test = info.splits().get("test").size();
        assertThat(test).as("the test split still holds about 15%% of the rows").isBetween(95, 115);
    }

    private DatasetInfo importFile(String relative, DatasetService.ImportRequest request) throws IOException {
        var file = SHARED.resolve(relative);
        try (var in = Files.newInputStream(file)) {
            return datasets.importUpload(
                    request, new DatasetService.Upload(file.getFileName().toString(), in), null);
        }
    }

    /**
     * The dataset's own folder. Not found by file size: the test data directory outlives a run, so an older import of
     * the same file would match too, and its splits would be checked instead.
     */
    private Path storageFolder(DatasetInfo info) {
        var key = repository.findById(info.id()).orElseThrow().getStorageKey();
        return dataDirectory.resolve("datasets").resolve(key);
    }
}
