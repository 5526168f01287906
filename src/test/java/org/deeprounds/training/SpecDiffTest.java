package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spec diff names each changed setting by layer and field in words a trainee reads ("Learning rate", not
 * "learningRate"), and lists nothing for identical designs.
 */
class SpecDiffTest {

    final JsonMapper json = JsonMapper.builder().build();
    final NetworkSpec base = Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2);

    @Test
    void identical_designs_have_no_differences() {
        assertThat(SpecDiff.differences(base, base, json)).isEmpty();
        assertThat(SpecDiff.rows(base, base, json)).isNotEmpty();
    }

    @Test
    void a_changed_rate_kernel_and_an_added_layer_are_each_named() {
        var layers = new ArrayList<>(base.layers());
        layers.set(0, new LayerSpec.Conv2D(20, 3, 1, LayerSpec.Padding.VALID, LayerSpec.Activation.RELU));
        layers.add(layers.size() - 1, new LayerSpec.Dropout(0.5));
        var changed = new NetworkSpec(
                base.input(),
                layers,
                base.classes(),
                base.optimiser(),
                0.01,
                base.schedule(),
                base.l2(),
                base.batchSize(),
                base.epochs(),
                base.seed());

        var diff = SpecDiff.differences(base, changed, json);

        assertThat(diff)
                .contains(
                        new SpecDiff.Row("Learning rate", "0.001", "0.01"),
                        new SpecDiff.Row("Layer 1 · kernel size", "5", "3"),
                        new SpecDiff.Row("Layer 6", "output", "dropout"),
                        new SpecDiff.Row("Layer 7", "", "output"));
        assertThat(diff).noneMatch(row -> row.setting().equals("Batch size"));
        assertThat(diff).as("no raw spec keys").noneMatch(row -> row.setting().matches(".*[a-z][A-Z].*"));
    }

    @Test
    void augmentation_is_one_setting_in_plain_words() {
        var augmented = base.withAugmentation(new org.deeprounds.models.Augmentation(true, 10, 0.1, 0, 0, 0));

        assertThat(SpecDiff.differences(base, augmented, json))
                .containsExactly(new SpecDiff.Row(
                        "Augmentation", "none", "flip left-right, rotate up to ±10°, shift up to ±10%"));
        assertThat(SpecDiff.differences(
                        base,
                        base.withAugmentation(new org.deeprounds.models.Augmentation(false, 0, 0, 0, 0, 0)),
                        json))
                .as("all changes off is no augmentation")
                .isEmpty();
    }
}
