package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprounds.IntegrationTest;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Every format through the real import path; every bad input refused with its place named and nothing stored. */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class DatasetImportTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    DataDirectory dataDirectory;

    // ---- good files ----

    @Test
    void a_medmnist_npz_keeps_its_splits_and_gets_previews_and_pixel_statistics() {
        var npz = Fixtures.medmnist(Fixtures.alternating(40), Fixtures.alternating(10), Fixtures.alternating(12));
        var request = new DatasetService.ImportRequest(
                "Test chest films",
                null,
                null,
                null,
                List.of(),
                null,
                List.of("normal", "pneumonia"),
                null,
                "CC BY 4.0",
                null);

        var info = datasets.importUpload(request, upload("films.npz", npz), null);

        assertThat(info.modality()).isEqualTo(Modality.IMAGING);
        assertThat(info.task()).isEqualTo(Task.BINARY);
        assertThat(info.classes()).containsExactly("normal", "pneumonia");
        assertThat(info.positiveClass()).isEqualTo("pneumonia");
        assertThat(info.splits().get("train").size()).isEqualTo(40);
        assertThat(info.splits().get("validation").classCounts()).containsEntry("normal", 5);
        assertThat(info.splits().get("test").size()).isEqualTo(12);
        assertThat(info.shared()).isTrue();
        assertThat(info.provenance()).contains("films.npz", info.sha256());
        var summary = datasets.summary(info.id());
        assertThat(summary.imaging().height()).isEqualTo(28);
        assertThat(summary.imaging().pixelStats().get("train").mean()).isBetween(110.0, 145.0);
        assertThat(summary.imaging().previews()).hasSize(8 + 8 + 4 + 4 + 4 + 4);
        assertThat(datasets.previewFile(
                        info.id(), summary.imaging().previews().getFirst().file()))
                .exists();
    }

    @Test
    void an_rgb_npz_with_flat_labels_and_three_classes_is_read() {
        int n = 12;
        var rgb = new byte[n * 64 * 64 * 3];
        new java.util.Random(5).nextBytes(rgb);
        var arrays = new LinkedHashMap<String, Fixtures.Npy>();
        for (var split : List.of("train", "val", "test")) {
            arrays.put(split + "_images", new Fixtures.Npy("|u1", new long[] {n, 64, 64, 3}, rgb));
            var labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 3);
            }
            arrays.put(split + "_labels", new Fixtures.Npy("|u1", new long[] {n}, labels));
        }

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Blood cells"), upload("blood.npz", Fixtures.npz(arrays)), null);

        assertThat(info.task()).isEqualTo(Task.MULTICLASS);
        assertThat(info.classes()).containsExactly("0", "1", "2");
        assertThat(info.positiveClass()).isNull();
        var imaging = datasets.summary(info.id()).imaging();
        assertThat(imaging.channels()).isEqualTo(3);
        assertThat(imaging.width()).isEqualTo(64);
    }

    @Test
    void a_zip_of_class_folders_is_split_here_and_one_with_split_folders_keeps_them() {
        var flat = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 20; i++) {
            flat.put("scans/normal/n" + i + ".png", Fixtures.png(16, i));
            flat.put("scans/benign/b" + i + ".png", Fixtures.png(16, 100 + i));
        }
        flat.put("scans/README.txt", "about".getBytes(StandardCharsets.UTF_8));

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Ultrasound"), upload("us.zip", Fixtures.zip(flat)), null);

        assertThat(info.classes()).containsExactly("benign", "normal");
        assertThat(info.splitMethod()).contains("stratified", "seed");
        assertThat(info.splits().get("train").size()
                        + info.splits().get("validation").size()
                        + info.splits().get("test").size())
                .isEqualTo(40);

        var split = new LinkedHashMap<String, byte[]>();
        for (var s : List.of("train", "val", "test")) {
            for (int i = 0; i < 3; i++) {
                split.put(s + "/a/" + i + ".png", Fixtures.png(16, i));
                split.put(s + "/b/" + i + ".png", Fixtures.png(16, 50 + i));
            }
        }
        var kept = datasets.importUpload(
                DatasetService.ImportRequest.named("Split folders"), upload("s.zip", Fixtures.zip(split)), null);
        assertThat(kept.splitMethod()).isEqualTo("the file's own train / validation / test splits");
        assertThat(kept.splits().get("validation").size()).isEqualTo(6);
    }

    @Test
    void fasta_labels_come_from_headers_in_either_style_lower_case_and_n_accepted() {
        var fasta = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            fasta.append(">s").append(i).append(i % 2 == 0 ? " class=promoter\n" : "|other\n");
            fasta.append(i % 2 == 0 ? "tataATGCNNACGT\nACGT\n" : "GGGCCCAAATTTGG\n");
        }

        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("Promoters"), upload("p.fasta", fasta.toString()), null);

        assertThat(info.modality()).isEqualTo(Modality.GENOMICS);
        assertThat(info.classes()).containsExactly("other", "promoter");
        var genomics = datasets.summary(info.id()).genomics();
        assertThat(genomics.minLength()).isEqualTo(14);
        assertThat(genomics.maxLength()).isEqualTo(18);
        assertThat(genomics.encodedLength()).isEqualTo(18);
        assertThat(genomics.lengthPolicy()).contains("padded at the end with N to 18 nt");
        assertThat(genomics.ambiguousBases()).isEqualTo(20);
        assertThat(genomics.previews().getFirst().sequence()).doesNotContain("t");
    }

    @Test
    void fasta_with_a_labels_csv_and_a_sequence_csv_are_read() {
        var fasta = new StringBuilder();
        var labels = new StringBuilder("id,label\n");
        for (int i = 0; i < 12; i++) {
            fasta.append(">seq").append(i).append('\n').append("ACGTACGTAC\n");
            labels.append("seq")
                    .append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c")
                    .append('\n');
        }
        var info = datasets.importUpload(
                DatasetService.ImportRequest.named("With labels"),
                upload("x.fa", fasta.toString()),
                upload("labels.csv", labels.toString()));
        assertThat(info.task()).isEqualTo(Task.MULTICLASS);
        assertThat(info.classes()).containsExactly("a", "b", "c");

        var csv = new StringBuilder("id,sequence,label\n");
        for (int i = 0; i < 10; i++) {
            csv.append("r")
                    .append(i)
                    .append(",ACGTTGCA,")
                    .append(i % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        var request = new DatasetService.ImportRequest(
                "Sequence table", Modality.GENOMICS, null, null, List.of(), "yes", List.of(), 12, null, null);
        var fromCsv = datasets.importUpload(request, upload("seqs.csv", csv.toString()), null);
        assertThat(fromCsv.modality()).isEqualTo(Modality.GENOMICS);
        assertThat(fromCsv.positiveClass()).isEqualTo("yes");
        assertThat(datasets.summary(fromCsv.id()).genomics().encodedLength()).isEqualTo(12);
    }

    @Test
    void a_patient_table_gets_column_types_missing_counts_and_training_only_statistics() {
        var csv = new StringBuilder("patient_id,age,sex,smoker,crp,outcome\n");
        for (int i = 0; i < 60; i++) {
            csv.append("P")
                    .append(i)
                    .append(',')
                    .append(i % 7 == 0 ? "NA" : String.valueOf(40 + i % 30))
                    .append(',')
                    .append(i % 2 == 0 ? "F" : "M")
                    .append(',')
                    .append(i % 3 == 0 ? "yes" : "no")
                    .append(',')
                    .append(i % 5 == 0 ? "?" : String.valueOf(1.5 * i))
                    .append(',')
                    .append(i % 4 == 0 ? "sepsis" : "well")
                    .append('\n');
        }
        var request = new DatasetService.ImportRequest(
                "Sepsis", Modality.EHR, "outcome", null, List.of("sex"), "sepsis", List.of(), null, null, null);

        var info = datasets.importUpload(request, upload("sepsis.csv", csv.toString()), null);

        var tabular = datasets.summary(info.id()).tabular();
        var columns = tabular.columns().stream()
                .collect(java.util.stream.Collectors.toMap(DatasetSummary.ColumnSummary::name, c -> c));
        assertThat(columns.get("patient_id").type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(columns.get("age").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(columns.get("age").missing()).isEqualTo(9);
        assertThat(columns.get("age").trainMedian()).isNotNull();
        assertThat(columns.get("sex").type()).isEqualTo(ColumnType.BINARY);
        assertThat(columns.get("sex").sensitive()).isTrue();
        assertThat(columns.get("smoker").type()).isEqualTo(ColumnType.BINARY);
        assertThat(columns.get("crp").missing()).isEqualTo(12);
        assertThat(columns.get("outcome").type()).isEqualTo(ColumnType.TARGET);
        assertThat(tabular.previewRows()).hasSize(20);
        assertThat(info.positiveClass()).isEqualTo("sepsis");
    }

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE")
    void a_trainee_imports_privately_and_another_trainee_cannot_see_it() {
        var csv = "a,b,y\n1,2,x\n2,3,z\n3,4,x\n4,5,z\n5,6,x\n6,7,z\n7,8,x\n8,9,z\n9,1,x\n1,1,z\n";
        var mine = datasets.importUpload(
                new DatasetService.ImportRequest("Mine", null, "y", null, List.of(), null, List.of(), null, null, null),
                upload("mine.csv", csv),
                null);
        assertThat(mine.shared()).isFalse();
        assertThat(mine.owner()).isEqualTo("trainee1");

        var other = org.springframework.security.core.context.SecurityContextHolder.getContext();
        other.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                "trainee2",
                "n/a",
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_TRAINEE"))));
        assertThat(datasets.list()).noneMatch(d -> d.id().equals(mine.id()));
        assertThatThrownBy(() -> datasets.get(mine.id())).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void inferred_column_types_can_be_corrected_within_what_the_values_allow() {
        var csv = new StringBuilder("code,score,ward,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(100 + i % 5)
                    .append(',')
                    .append(i * 1.5)
                    .append(',')
                    .append("W" + (i % 4))
                    .append(',')
                    .append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        var info = datasets.importUpload(table("y"), upload("codes.csv", csv.toString()), null);
        var before = datasets.summary(info.id()).tabular();
        assertThat(type(before, "code")).isEqualTo(ColumnType.NUMERIC);

        var after = datasets.updateTabularSettings(
                        info.id(), Map.of("code", ColumnType.CATEGORICAL, "score", ColumnType.IGNORE), false)
                .tabular();

        assertThat(type(after, "code")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(type(after, "score")).isEqualTo(ColumnType.IGNORE);
        assertThat(after.missingIndicators()).isFalse();
        assertThat(type(datasets.summary(info.id()).tabular(), "code"))
                .as("stored")
                .isEqualTo(ColumnType.CATEGORICAL);
        assertThatThrownBy(() -> datasets.updateTabularSettings(info.id(), Map.of("ward", ColumnType.NUMERIC), true))
                .hasMessageContaining("column 'ward': not every value is a number");
        assertThatThrownBy(() -> datasets.updateTabularSettings(info.id(), Map.of("y", ColumnType.NUMERIC), true))
                .hasMessageContaining("the target is chosen at import");
    }

    private static ColumnType type(DatasetSummary.TabularSummary tabular, String column) {
        return tabular.columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow()
                .type();
    }

    // ---- bad files: a specific message, nothing stored ----

    @Test
    void a_truncated_npz_is_refused() {
        var npz = Fixtures.medmnist(Fixtures.alternating(40), Fixtures.alternating(10), Fixtures.alternating(10));
        refused("cut.npz", Arrays.copyOf(npz, npz.length / 2), "cut.npz", "zip");
    }

    @Test
    void a_file_that_is_no_zip_at_all_is_refused() {
        refused(
                "noise.npz",
                "this is not an archive".getBytes(StandardCharsets.UTF_8),
                "noise.npz",
                "not a readable zip");
    }

    @Test
    void an_entry_climbing_out_of_the_archive_is_refused() {
        var zip = Fixtures.zip(Map.of("../../etc/cron.d/evil.png", Fixtures.png(8, 1)));
        refused("evil.zip", zip, "'../../etc/cron.d/evil.png' points outside the archive");
    }

    @Test
    void a_zip_bomb_is_refused_while_unpacking() {
        int n = 26_000; // 20 MB of zero pixels, which deflate a thousandfold
        var arrays = new LinkedHashMap<String, Fixtures.Npy>();
        arrays.put("train_images", new Fixtures.Npy("|u1", new long[] {n, 28, 28}, new byte[n * 28 * 28]));
        arrays.put("train_labels", Fixtures.labels(Fixtures.alternating(n)));
        arrays.put("val_images", Fixtures.images(2, 28, 28, 1));
        arrays.put("val_labels", Fixtures.labels(0, 1));
        arrays.put("test_images", Fixtures.images(2, 28, 28, 1));
        arrays.put("test_labels", Fixtures.labels(0, 1));
        refused("bomb.npz", Fixtures.npz(arrays), "entry 'train_images.npy' inflates more than", "zip bomb");
    }

    @Test
    void image_and_label_counts_that_differ_are_refused() {
        var arrays = new LinkedHashMap<String, Fixtures.Npy>();
        arrays.put("train_images", Fixtures.images(10, 28, 28, 1));
        arrays.put("train_labels", Fixtures.labels(Fixtures.alternating(9)));
        arrays.put("val_images", Fixtures.images(2, 28, 28, 1));
        arrays.put("val_labels", Fixtures.labels(0, 1));
        arrays.put("test_images", Fixtures.images(2, 28, 28, 1));
        arrays.put("test_labels", Fixtures.labels(0, 1));
        refused("counts.npz", Fixtures.npz(arrays), "train_images.npy has 10 images but train_labels.npy has 9 labels");
    }

    @Test
    void labels_outside_the_class_range_are_refused() {
        var npz = Fixtures.medmnist(Fixtures.alternating(10), new int[] {0, 1}, new int[] {0, 7});
        var request = new DatasetService.ImportRequest(
                "Bad labels", null, null, null, List.of(), null, List.of("normal", "pneumonia"), null, null, null);
        refused(request, "range.npz", npz, "label 7 is outside the class range 0..1");
        var negative = Fixtures.medmnist(Fixtures.alternating(10), new int[] {0, -1}, new int[] {0, 1});
        refused("negative.npz", negative, "val_labels.npy index 1: label -1 is outside the class range");
    }

    @Test
    void a_non_dna_character_is_refused_with_sequence_and_position() {
        refused("bad.fasta", ">ok class=a\nACGT\n>bad class=b\nACGTXCGT\n", "sequence 'bad' position 5: 'X'", "line 4");
    }

    @Test
    void a_sequence_without_a_label_is_refused() {
        refused("nolabel.fasta", ">a class=x\nACGT\n>b\nACGT\n", "line 3: sequence 'b' has no label");
    }

    @Test
    void a_table_with_ragged_rows_is_refused_with_the_line() {
        refused(table("y"), "ragged.csv", "a,b,y\n1,2,x\n1,2\n", "line 3: 2 values, but the header has 3 columns");
    }

    @Test
    void a_word_in_a_numeric_column_is_refused_with_line_and_column() {
        var csv = new StringBuilder("age,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i == 17 ? "forty" : String.valueOf(40 + i))
                    .append(',')
                    .append(i % 2 == 0 ? "x" : "z")
                    .append('\n');
        }
        refused(table("y"), "ages.csv", csv.toString(), "line 19, column 'age': 'forty' is not a number");
    }

    @Test
    void a_target_with_one_class_or_no_target_is_refused() {
        refused(table("y"), "one.csv", "a,y\n1,x\n2,x\n", "target column 'y' has one class only ('x')");
        refused(
                table("outcome"),
                "none.csv",
                "a,y\n1,x\n2,z\n",
                "target column 'outcome' is not in the header (columns: a, y)");
        refused(
                DatasetService.ImportRequest.named("No target"),
                "none.csv",
                "a,y\n1,x\n",
                "a target column is required");
    }

    @Test
    void an_empty_file_is_refused() {
        refused("empty.csv", new byte[0], "empty.csv: the file is empty");
        refused("empty.fasta", new byte[0], "empty.fasta: the file is empty");
    }

    @Test
    void an_unknown_file_type_and_a_mismatched_modality_are_refused() {
        refused("notes.docx", "x".getBytes(StandardCharsets.UTF_8), "unsupported file type '.docx'");
        var request = new DatasetService.ImportRequest(
                "Mismatch", Modality.IMAGING, null, null, List.of(), null, List.of(), null, null, null);
        refused(request, "t.csv", "a,y\n1,x\n".getBytes(StandardCharsets.UTF_8), "cannot hold IMAGING data");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_while_streaming() throws IOException {
        long limit = 5L * 1024 * 1024; // the test profile's limit
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'A');
                served[0] += len;
                return len;
            }
        };
        int before = datasets.list().size();
        assertThatThrownBy(() -> datasets.importUpload(
                        DatasetService.ImportRequest.named("Huge"),
                        new DatasetService.Upload("huge.csv", endless),
                        null))
                .isInstanceOf(DatasetTooLargeException.class)
                .hasMessageContaining("larger than the limit of 5 MB");
        assertThat(served[0]).as("stopped soon after the limit").isLessThan(limit + 1024 * 1024);
        assertNothingStored(before);
    }

    private static DatasetService.ImportRequest table(String target) {
        return new DatasetService.ImportRequest(
                "Table", null, target, null, List.of(), null, List.of(), null, null, null);
    }

    private void refused(String fileName, String content, String... messageParts) {
        refused(fileName, content.getBytes(StandardCharsets.UTF_8), messageParts);
    }

    private void refused(String fileName, byte[] content, String... messageParts) {
        refused(DatasetService.ImportRequest.named("Bad"), fileName, content, messageParts);
    }

    private void refused(DatasetService.ImportRequest request, String fileName, String content, String... parts) {
        refused(request, fileName, content.getBytes(StandardCharsets.UTF_8), parts);
    }

    private void refused(DatasetService.ImportRequest request, String fileName, byte[] content, String... parts) {
        int before = datasets.list().size();
        assertThatThrownBy(() -> datasets.importUpload(request, upload(fileName, content), null))
                .isInstanceOf(DatasetFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(parts));
        assertNothingStored(before);
    }

    private void assertNothingStored(int before) {
        assertThat(datasets.list()).hasSize(before);
        try (var incoming = Files.list(dataDirectory.resolve("datasets/.incoming"))) {
            assertThat(incoming).as("no half-imported files").isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static DatasetService.Upload upload(String fileName, byte[] content) {
        return new DatasetService.Upload(fileName, new ByteArrayInputStream(content));
    }

    static DatasetService.Upload upload(String fileName, String content) {
        return upload(fileName, content.getBytes(StandardCharsets.UTF_8));
    }
}
