package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The shipped samples are in the shared library after start, one per modality, synthetic ones labelled. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SampleLibraryTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    SampleLibrary samples;

    @Test
    void one_sample_per_modality_is_loaded_and_synthetic_ones_say_so() {
        var loaded = datasets.list().stream().filter(DatasetInfo::shared).toList();

        var wdbc = loaded.stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow();
        assertThat(wdbc.synthetic()).isFalse();
        assertThat(wdbc.licence()).isEqualTo("CC BY 4.0");
        assertThat(wdbc.classes()).containsExactly("benign", "malignant");
        assertThat(wdbc.splits().values().stream()
                        .mapToInt(DatasetSummary.SplitSummary::size)
                        .sum())
                .isEqualTo(569);

        var films = loaded.stream()
                .filter(d -> d.modality() == Modality.IMAGING && d.synthetic())
                .findFirst()
                .orElseThrow();
        assertThat(films.name()).startsWith("SYNTHETIC");
        assertThat(films.provenance()).contains("SYNTHETIC");
        assertThat(films.splits().get("train").classCounts())
                .containsEntry("normal", 400)
                .containsEntry("opacity", 400);

        var promoters = loaded.stream()
                .filter(d -> d.modality() == Modality.GENOMICS && d.synthetic())
                .findFirst()
                .orElseThrow();
        assertThat(promoters.name()).startsWith("SYNTHETIC");
        assertThat(datasets.summary(promoters.id()).genomics().encodedLength()).isEqualTo(80);
    }

    @Test
    void loading_again_adds_nothing() {
        int before = datasets.list().size();
        samples.run(null);
        assertThat(datasets.list()).hasSize(before);
    }
}
