package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.ui.DatasetView;
import org.deeprounds.datasets.ui.DatasetsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The library and the three kinds of preview, in a simulated browser. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class DatasetViewsTest extends SpringBrowserlessTest {

    @Autowired
    DatasetService datasets;

    @Test
    void the_library_lists_the_samples_and_tells_a_trainee_where_imports_go() {
        navigate(DatasetsView.class);

        @SuppressWarnings("unchecked")
        var grid = (Grid<DatasetInfo>) $(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(3);
        assertThat($(Paragraph.class).all()).anyMatch(p -> p.getText().contains("Datasets you import are private"));
    }

    @Test
    void the_library_and_my_account_show_how_much_of_the_storage_quota_is_used() {
        var usage = datasets.usage();
        assertThat(usage.summary()).endsWith(" of 1 GB used");

        navigate(DatasetsView.class);
        assertThat($(Paragraph.class).id("storage-usage").getText())
                .isEqualTo("Datasets you imported: " + usage.summary() + ".");

        navigate(org.deeprounds.accounts.ui.AccountView.class);
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("storage-usage")
                        .getText())
                .isEqualTo(usage.summary());
    }

    @Test
    void an_imaging_dataset_shows_a_gallery_per_class_and_the_synthetic_warning() {
        navigate(DatasetView.class, idOf(Modality.IMAGING));

        assertThat($(Paragraph.class).id("synthetic-warning").getText()).startsWith("SYNTHETIC");
        assertThat($(Image.class).all()).hasSizeGreaterThanOrEqualTo(16);
        assertThat($(Div.class).id("imaging-preview").getElement().getTextRecursively())
                .contains("28 x 28 pixels, greyscale", "normal", "opacity");
    }

    @Test
    void a_genomics_dataset_shows_composition_and_coloured_bases() {
        navigate(DatasetView.class, idOf(Modality.GENOMICS));

        var text = $(Div.class).id("genomics-preview").getElement().getTextRecursively();
        assertThat(text).contains("Base composition per class", "promoter", "non-promoter", "one-hot 4 x 57");
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("sequence")))
                .isNotEmpty();
    }

    @Test
    void an_ecg_dataset_shows_how_it_was_recorded_and_split_and_traces_of_each_class_with_their_r_peaks() {
        var ecg = datasets.sampleId("synthetic-ecg-beats").orElseThrow();
        navigate(DatasetView.class, ecg);

        assertThat($(Paragraph.class).id("synthetic-warning").getText()).startsWith("SYNTHETIC");
        assertThat($(com.vaadin.flow.component.formlayout.FormLayout.class)
                        .id("dataset-facts")
                        .getElement()
                        .getTextRecursively())
                .contains("Signals (ECG)", "Licence", "Provenance", "SyntheticBeats");
        var signal = datasets.summary(ecg).signal();
        var section = $(Div.class).id("signal-preview").getElement().getTextRecursively();
        assertThat(section)
                .contains("One lead", "sampled at 360 Hz", "in mV")
                .contains("Each example is " + signal.length() + " samples (0.70 s)")
                .contains("The R peak comes after " + signal.windowBefore() + " samples")
                .contains("Split by record: no patient in two splits")
                .contains("Train: " + signal.recordsBySplit().get("train").size() + " records (")
                .contains("normal: N (normal beat)", "pvc: V (premature ventricular contraction)");
        var traces = $(org.deeprounds.base.ui.SignalTrace.class).all();
        assertThat(traces).hasSize(signal.previews().size()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(traces)
                .allSatisfy(t ->
                        assertThat(t.getElement().getAttribute("aria-label")).contains("lead", "360 Hz", "1 R peak"));
        for (var label : java.util.List.of("normal", "pvc")) {
            assertThat($(com.vaadin.flow.component.html.H4.class).all())
                    .anyMatch(h -> h.getText().equals(label));
        }
    }

    @Test
    void an_ehr_dataset_shows_columns_with_types_missing_values_and_distributions() {
        navigate(DatasetView.class, idOf(Modality.EHR));

        @SuppressWarnings("unchecked")
        var columns = (Grid<DatasetSummary.ColumnSummary>) $(Grid.class).id("column-summary");
        assertThat(test(columns).size()).isEqualTo(32);
        assertThat(test(columns).getCellText(0, 1)).isEqualTo("identifier");
        assertThat(test(columns).getCellText(1, 1)).isEqualTo("numeric");
        assertThat(test(columns).getCellText(1, 5)).startsWith("median ").contains("mean", "SD");
        assertThat($(Div.class).id("tabular-preview").getElement().getTextRecursively())
                .contains("569 rows");
    }

    @Test
    void a_table_shows_its_copies_and_suggested_types_and_the_suggestions_are_accepted_in_the_column_dialog()
            throws Exception {
        var heart = RealFileFixtures.heartWithoutHeader(120, 21);
        var copy = heart.lines().skip(5).findFirst().orElseThrow();
        var file = java.nio.file.Files.createTempFile("cleveland", ".csv");
        java.nio.file.Files.writeString(file, heart + copy + "\n" + copy + "\n");
        DatasetInfo info;
        try {
            info = datasets.importUpload(
                    new DatasetService.ImportRequest(
                                    "My heart table",
                                    null,
                                    "num",
                                    null,
                                    java.util.List.of(),
                                    null,
                                    java.util.List.of(),
                                    null,
                                    null,
                                    null)
                            .withHeader(false, RealFileFixtures.HEART_COLUMNS),
                    DatasetService.Upload.ofFile("cleveland.csv", file),
                    null);
        } finally {
            java.nio.file.Files.delete(file);
        }

        navigate(DatasetView.class, info.id());

        assertThat($(Div.class).id("import-findings").getElement().getTextRecursively())
                .contains(
                        "1 different row occurs more than once: 3 rows in all, 2 of them extra copies",
                        "'cp', 'restecg', 'slope', 'ca', 'thal'",
                        "may be codes for kinds");
        assertThat($(Div.class).id("tabular-preview").getElement().getTextRecursively())
                .contains("122 rows, 14 columns (the file has no header row");
        @SuppressWarnings("unchecked")
        var columns = (Grid<DatasetSummary.ColumnSummary>) $(Grid.class).id("column-summary");
        assertThat(test(columns).getCellText(2, 1)).isEqualTo("numeric · categorical?");

        test($(Button.class).all().stream()
                        .filter(b -> b.getText().equals("Edit column types"))
                        .findFirst()
                        .orElseThrow())
                .click();
        test($(Button.class).id("accept-suggested-types")).click();
        test($(Button.class).all().stream()
                        .filter(b -> b.getText().equals("Save"))
                        .findFirst()
                        .orElseThrow())
                .click();

        var tabular = datasets.summary(info.id()).tabular();
        assertThat(tabular.columns().stream()
                        .filter(c -> c.suggestedType() != null)
                        .map(DatasetSummary.ColumnSummary::type))
                .hasSize(5)
                .containsOnly(ColumnType.CATEGORICAL);
        assertThat(datasets.get(info.id()).suggestedColumnTypes()).isEmpty();
        datasets.delete(info.id());
    }

    /** The shipped sample of a modality, by its key: other tests may import sets with the same name. */
    private long idOf(Modality modality) {
        if (modality == Modality.EHR) {
            return datasets.sampleId("wdbc-breast-cancer").orElseThrow();
        }
        if (modality == Modality.GENOMICS) {
            return datasets.sampleId("ecoli-promoters").orElseThrow();
        }
        return datasets.list().stream()
                .filter(d -> d.modality() == modality && d.shared())
                .filter(DatasetInfo::synthetic)
                .findFirst()
                .orElseThrow()
                .id();
    }
}
