package org.deeprounds.datasets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.deeprounds.datasets.DatasetLimits;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Once a CSV is chosen, its columns are offered to pick from instead of being typed. */
class ImportDatasetDialogTest {

    @Test
    void the_columns_of_a_chosen_csv_are_offered_for_target_group_and_sensitive_columns() throws Exception {
        var csv = Files.createTempFile("cohort", ".csv");
        Files.writeString(csv, "patient_id, age ,sex,event\nP1,60,F,yes\nP2,71,M,no\n");
        try {
            var columns = ImportDatasetDialog.header(csv, "cohort.csv");
            assertThat(columns).containsExactly("patient_id", "age", "sex", "event");

            var dialog = new ImportDatasetDialog(
                    null,
                    new DatasetLimits(
                            DataSize.ofMegabytes(200), DataSize.ofGigabytes(4), 2000, DataSize.ofGigabytes(1)),
                    d -> {});
            dialog.offerColumns(columns);
            dialog.targetColumn.setValue("event");
            dialog.sensitiveColumns.setValue(java.util.Set.of("sex", "age"));

            assertThat(dialog.targetColumn.getListDataView().getItems())
                    .containsExactly(columns.toArray(String[]::new));
            assertThat(dialog.groupColumn.getListDataView().getItems()).contains("patient_id");
            assertThat(dialog.targetColumn.getHelperText()).startsWith("4 columns found");
            assertThat(dialog.targetColumn.getValue()).isEqualTo("event");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void a_csv_whose_first_row_is_a_patient_offers_names_to_rename_and_the_target_is_picked_among_them()
            throws Exception {
        var csv = Files.createTempFile("cleveland", ".csv");
        Files.writeString(csv, "63.0,1.0,145.0,0\n67.0,1.0,160.0,2\n");
        try {
            var dialog = new ImportDatasetDialog(
                    null,
                    new DatasetLimits(
                            DataSize.ofMegabytes(200), DataSize.ofGigabytes(4), 2000, DataSize.ofGigabytes(1)),
                    d -> {});
            dialog.offerHeaderChoice(
                    ImportDatasetDialog.header(csv, "cleveland.csv"),
                    ImportDatasetDialog.firstRow(csv, "cleveland.csv"));

            assertThat(dialog.firstRowIsHeader.getValue()).isFalse();
            assertThat(dialog.headerNotice.isVisible()).isTrue();
            assertThat(dialog.headerNotice.getText()).contains("looks like data", "63.0, 1.0, 145.0, 0", "4 columns");
            assertThat(dialog.columnNames.isVisible()).isTrue();
            assertThat(dialog.columnNames.getValue()).isEqualTo("column_1, column_2, column_3, column_4");
            assertThat(dialog.targetColumn.getListDataView().getItems()).contains("column_4");

            dialog.columnNames.setValue("age, sex, trestbps, num");
            dialog.targetColumn.setValue("num");
            assertThat(dialog.targetColumn.getListDataView().getItems())
                    .containsExactly("age", "sex", "trestbps", "num");
            assertThat(dialog.targetColumn.getValue()).isEqualTo("num");

            dialog.firstRowIsHeader.setValue(true);
            assertThat(dialog.columnNames.isVisible()).isFalse();
            assertThat(dialog.targetColumn.getListDataView().getItems()).contains("63.0");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void a_csv_with_a_header_row_asks_nothing_about_names() throws Exception {
        var csv = Files.createTempFile("cohort", ".csv");
        Files.writeString(csv, "patient_id,age,event\nP1,60,yes\n");
        try {
            var dialog = new ImportDatasetDialog(
                    null,
                    new DatasetLimits(
                            DataSize.ofMegabytes(200), DataSize.ofGigabytes(4), 2000, DataSize.ofGigabytes(1)),
                    d -> {});
            dialog.offerHeaderChoice(
                    ImportDatasetDialog.header(csv, "cohort.csv"), ImportDatasetDialog.firstRow(csv, "cohort.csv"));

            assertThat(dialog.firstRowIsHeader.getValue()).isTrue();
            assertThat(dialog.headerNotice.isVisible()).isFalse();
            assertThat(dialog.columnNames.isVisible()).isFalse();
            assertThat(dialog.targetColumn.getListDataView().getItems()).containsExactly("patient_id", "age", "event");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void files_other_than_csv_offer_no_columns_and_the_name_can_still_be_typed() throws Exception {
        var fasta = Files.createTempFile("seqs", ".fasta");
        Files.writeString(fasta, ">s1 class=a\nACGT\n");
        try {
            assertThat(ImportDatasetDialog.header(fasta, "seqs.fasta")).isEmpty();
        } finally {
            Files.deleteIfExists(fasta);
        }
    }

    @Test
    void signals_ask_for_a_sampling_frequency_and_annotation_codes_and_pass_them_on() {
        var dialog = new ImportDatasetDialog(
                null,
                new DatasetLimits(DataSize.ofMegabytes(200), DataSize.ofGigabytes(4), 2000, DataSize.ofGigabytes(1)),
                d -> {});
        assertThat(dialog.samplingFrequency.isVisible())
                .as("not for other data")
                .isFalse();
        assertThat(dialog.getChildren().map(c -> c.getElement().getTextRecursively()))
                .anyMatch(text -> text.contains("PhysioNet WFDB records") && text.contains("train_signals"));

        dialog.name.setValue("My ECG");
        dialog.modality.setValue(org.deeprounds.datasets.model.Modality.SIGNAL);
        dialog.samplingFrequency.setValue(250.0);
        dialog.classNames.setValue("normal=N+L+R, pvc=V");

        assertThat(dialog.samplingFrequency.isVisible()).isTrue();
        assertThat(dialog.classNames.getHelperText()).contains("normal=N+L+R,pvc=V", "AAMI");
        var request = dialog.importRequest();
        assertThat(request.samplingFrequency()).isEqualTo(250.0);
        assertThat(request.classNames()).containsExactly("normal=N+L+R", "pvc=V");

        dialog.modality.setValue(org.deeprounds.datasets.model.Modality.IMAGING);
        assertThat(dialog.samplingFrequency.isVisible()).isFalse();
        assertThat(dialog.importRequest().samplingFrequency())
                .as("a hidden field sends nothing")
                .isNull();
    }
}
