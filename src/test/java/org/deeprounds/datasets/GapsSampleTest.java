package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The real table with real gaps (Wisconsin Breast Cancer, original) ships as a sample for the lesson on missing data:
 * it loads with its 16 missing bare-nuclei scores counted, its rows grouped by sample code, and trains with the gaps
 * filled by the training median and flagged.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class GapsSampleTest {

    @Autowired
    DatasetService datasets;

    @Test
    void the_wisconsin_original_sample_loads_with_its_missing_values_counted() {
        long id = datasets.sampleId(SampleLibrary.WISCONSIN_ORIGINAL).orElseThrow();
        var info = datasets.get(id);

        assertThat(info.synthetic()).isFalse();
        assertThat(info.shared()).isTrue();
        assertThat(info.licence()).isEqualTo("CC BY 4.0");
        assertThat(info.citation()).contains("Wolberg", "Mangasarian", "10.24432/C5HP4Z");
        assertThat(info.provenance()).startsWith("Real data").contains("missing in 16 rows");
        assertThat(info.classes()).containsExactly("benign", "malignant");
        assertThat(info.positiveClass()).isEqualTo("malignant");
        assertThat(info.splits().values().stream()
                        .mapToInt(DatasetSummary.SplitSummary::size)
                        .sum())
                .isEqualTo(699);

        var summary = datasets.summary(id);
        var tabular = summary.tabular();
        assertThat(summary.splitPlan().source())
                .as("rows sharing a sample code stay in one split")
                .isEqualTo("GROUPED");
        assertThat(tabular.groupColumn()).isEqualTo("Id");
        assertThat(tabular.rows()).isEqualTo(699);
        var bareNuclei = tabular.columns().stream()
                .filter(c -> c.name().equals("Bare.nuclei"))
                .findFirst()
                .orElseThrow();
        assertThat(bareNuclei.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(bareNuclei.missing()).isEqualTo(16);
        assertThat(bareNuclei.trainMedian()).as("the value that fills a gap").isNotNull();
        assertThat(tabular.columns().stream()
                        .filter(c -> !c.name().equals("Bare.nuclei"))
                        .mapToInt(DatasetSummary.ColumnSummary::missing)
                        .sum())
                .as("no other column has gaps")
                .isZero();
        assertThat(tabular.columns().stream().filter(c -> c.type() == ColumnType.NUMERIC))
                .hasSize(9);
        assertThat(tabular.missingIndicators()).isTrue();
        assertThat(tabular.encodedFeatures())
                .as("nine scores and a 'Bare.nuclei was missing' flag")
                .isEqualTo(10);
    }

    @Test
    void rows_with_a_gap_reach_the_network_filled_and_flagged() {
        long id = datasets.sampleId(SampleLibrary.WISCONSIN_ORIGINAL).orElseThrow();
        var rows = new ArrayList<Example>();
        for (var split : java.util.List.of(Split.TRAIN, Split.VALIDATION)) {
            datasets.readExamples(id, split, rows::add);
        }

        assertThat(rows).allSatisfy(r -> assertThat(r.features()).hasSize(10));
        assertThat(rows).allSatisfy(r -> {
            for (float f : r.features()) {
                assertThat(Float.isFinite(f)).as("a gap is filled, never NaN").isTrue();
            }
        });
        var bareNuclei = datasets.summary(id).tabular().featureRanges().stream()
                .filter(r -> r.column().equals("Bare.nuclei"))
                .findFirst()
                .orElseThrow();
        assertThat(bareNuclei.to() - bareNuclei.from())
                .as("the score and its 'was missing' flag")
                .isEqualTo(2);
        int flag = bareNuclei.to() - 1;
        assertThat(rows).allSatisfy(r -> assertThat(r.features()[flag]).isIn(0f, 1f));
        long flagged = rows.stream().filter(r -> r.features()[flag] == 1f).count();
        assertThat(flagged)
                .as("the rows without a bare-nuclei score outside the test split are flagged")
                .isPositive()
                .isLessThanOrEqualTo(16);
    }
}
