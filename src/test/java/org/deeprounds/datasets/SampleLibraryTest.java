package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The shipped samples are in the shared library after start: real data for every modality, synthetic ones labelled. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SampleLibraryTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    SampleLibrary samples;

    @Test
    void real_samples_of_every_modality_are_loaded_with_licence_and_citation_and_synthetic_ones_say_so() {
        var loaded = datasets.list().stream().filter(DatasetInfo::shared).toList();

        var wdbc = datasets.get(datasets.sampleId("wdbc-breast-cancer").orElseThrow());
        assertThat(wdbc.synthetic()).isFalse();
        assertThat(wdbc.licence()).isEqualTo("CC BY 4.0");
        assertThat(wdbc.classes()).containsExactly("benign", "malignant");
        assertThat(wdbc.splits().values().stream()
                        .mapToInt(DatasetSummary.SplitSummary::size)
                        .sum())
                .isEqualTo(569);

        var xrays = datasets.get(datasets.sampleId("pneumoniamnist-balanced").orElseThrow());
        assertThat(xrays.synthetic()).isFalse();
        assertThat(xrays.modality()).isEqualTo(Modality.IMAGING);
        assertThat(xrays.licence()).isEqualTo("CC BY 4.0");
        assertThat(xrays.citation()).contains("MedMNIST v2", "Kermany");
        assertThat(xrays.provenance()).startsWith("Real data").doesNotContain("SYNTHETIC");
        assertThat(xrays.splits().get("train").classCounts())
                .containsEntry("normal", 1214)
                .containsEntry("pneumonia", 1214);
        assertThat(xrays.splits().get("validation").size()).isEqualTo(270);
        assertThat(xrays.splits().get("test").size()).isEqualTo(468);
        assertThat(xrays.positiveClass()).isEqualTo("pneumonia");

        var promoters = datasets.get(datasets.sampleId("ecoli-promoters").orElseThrow());
        assertThat(promoters.synthetic()).isFalse();
        assertThat(promoters.citation()).contains("Harley", "Towell");
        assertThat(promoters.classes()).containsExactly("non-promoter", "promoter");
        assertThat(datasets.summary(promoters.id()).genomics().encodedLength()).isEqualTo(57);
        assertThat(promoters.splits().values().stream()
                        .mapToInt(DatasetSummary.SplitSummary::size)
                        .sum())
                .isEqualTo(106);

        var synthetic = loaded.stream().filter(DatasetInfo::synthetic).toList();
        assertThat(synthetic)
                .as("synthetic samples stay only where a planted flaw is the lesson, and for ECG beats, whose one"
                        + " real recording here carries no labels")
                .extracting(DatasetInfo::name)
                .allMatch(name -> name.startsWith("SYNTHETIC"))
                .hasSize(5);
        assertThat(synthetic.stream().filter(d -> d.modality() == Modality.SIGNAL))
                .extracting(DatasetInfo::id)
                .containsExactlyInAnyOrder(
                        datasets.sampleId(SampleLibrary.ECG_BEATS).orElseThrow(),
                        datasets.sampleId(SampleLibrary.WATCH_BEATS).orElseThrow());
        assertThat(synthetic).allMatch(d -> d.provenance().contains("SYNTHETIC"));
    }

    @Test
    void loading_again_adds_nothing() {
        int before = datasets.list().size();
        samples.run(null);
        assertThat(datasets.list()).hasSize(before);
    }
}
