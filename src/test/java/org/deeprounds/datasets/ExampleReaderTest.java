package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Stored datasets read back as encoded examples, per split; the test split only through its own door. */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class ExampleReaderTest {

    @Autowired
    DatasetService datasets;

    @Test
    void images_come_back_channel_first_scaled_to_one_with_their_splits() {
        long id = sample(Modality.IMAGING);

        var train = read(id, Split.TRAIN);
        var validation = read(id, Split.VALIDATION);

        assertThat(train).hasSize(2428);
        assertThat(validation).hasSize(270);
        assertThat(train.getFirst().features()).hasSize(28 * 28);
        assertThat(train.stream().filter(e -> e.label() == 1)).hasSize(1214);
        for (float v : train.get(3).features()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void the_test_split_is_refused_for_training_and_read_only_through_its_own_method() {
        long id = sample(Modality.IMAGING);

        assertThatThrownBy(() -> datasets.readExamples(id, Split.TEST, e -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read only by evaluation");
        var test = new ArrayList<Example>();
        datasets.readTestExamples(id, test::add);
        assertThat(test).hasSize(468);
    }

    @Test
    void dna_comes_back_one_hot_with_each_position_summing_to_one() {
        long id = sample(Modality.GENOMICS);

        var train = read(id, Split.TRAIN);

        assertThat(train).hasSize(74);
        var features = train.getFirst().features();
        assertThat(features).hasSize(4 * 57);
        for (int p = 0; p < 57; p++) {
            assertThat(features[p] + features[57 + p] + features[114 + p] + features[171 + p])
                    .isEqualTo(1f);
        }
    }

    @Test
    void table_rows_are_standardised_with_training_statistics() {
        long id = datasets.list().stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow()
                .id();

        var train = read(id, Split.TRAIN);

        assertThat(train.getFirst().features()).hasSize(30);
        double mean = train.stream().mapToDouble(e -> e.features()[0]).average().orElseThrow();
        double variance = train.stream()
                .mapToDouble(e -> (e.features()[0] - mean) * (e.features()[0] - mean))
                .average()
                .orElseThrow();
        assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(variance).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void categories_missing_values_and_indicators_are_encoded_as_the_summary_says() {
        var csv = new StringBuilder("pid,age,blood,smoker,y\n");
        String[] blood = {"A", "B", "O"};
        for (int i = 0; i < 40; i++) {
            csv.append("p")
                    .append(i)
                    .append(',')
                    .append(i == 0 ? "NA" : String.valueOf(20 + i))
                    .append(',')
                    .append(blood[i % 3])
                    .append(',')
                    .append(i % 2 == 0 ? "no" : "yes")
                    .append(',')
                    .append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        var info = datasets.importUpload(
                new DatasetService.ImportRequest(
                        "Encoding", null, "y", null, List.of(), null, List.of(), null, null, null),
                DatasetImportTest.upload("enc.csv", csv.toString()),
                null);
        var tabular = datasets.summary(info.id()).tabular();
        assertThat(tabular.encodedFeatures()).isEqualTo(1 + 1 + 3 + 1); // age, age missing, blood x3, smoker

        var rows = new ArrayList<Example>();
        for (var split : List.of(Split.TRAIN, Split.VALIDATION)) {
            datasets.readExamples(info.id(), split, rows::add);
        }
        var all = new LinkedHashMap<Integer, Example>();
        rows.forEach(r -> all.put(all.size(), r));
        assertThat(rows).allSatisfy(r -> {
            var f = r.features();
            assertThat(f).hasSize(6);
            assertThat(f[2] + f[3] + f[4]).as("one blood group").isEqualTo(1f);
            assertThat(f[5]).isIn(0f, 1f);
        });
        assertThat(rows)
                .anySatisfy(r -> assertThat(r.features()[1])
                        .as("a missing age is flagged")
                        .isEqualTo(1f));
    }

    /** The shipped real sample of a modality, by its key: other tests import shared sets of their own. */
    private long sample(Modality modality) {
        var key = switch (modality) {
            case IMAGING -> "pneumoniamnist-balanced";
            case GENOMICS -> "ecoli-promoters";
            default -> "wdbc-breast-cancer";
        };
        return datasets.sampleId(key).orElseThrow();
    }

    private List<Example> read(long id, Split split) {
        var examples = new ArrayList<Example>();
        datasets.readExamples(id, split, examples::add);
        return examples;
    }
}
