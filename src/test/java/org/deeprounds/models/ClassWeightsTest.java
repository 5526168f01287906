package org.deeprounds.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Weights by rarity from training counts, the rarity warning, and designs whose weights do not fit refused with the
 * field named.
 */
class ClassWeightsTest {

    private final NetworkDesigner designer = new NetworkDesigner(new ModelLimits(5_000_000, 200, 1024));

    @Test
    void weights_are_inversely_proportional_to_the_training_counts_and_average_one() {
        var weights = ClassWeights.byRarity(List.of("normal", "pneumonia"), Map.of("normal", 900, "pneumonia", 300));

        assertThat(weights).containsExactly(0.667, 2.0);
        assertThat(ClassWeights.byRarity(List.of("a", "b", "c"), Map.of("a", 10, "b", 10, "c", 10)))
                .containsExactly(1.0, 1.0, 1.0);
        assertThat(ClassWeights.byRarity(List.of("a", "b"), Map.of("a", 10)))
                .as("a class without training cases")
                .isEmpty();
    }

    @Test
    void a_class_under_35_percent_of_the_training_cases_is_pointed_out() {
        assertThat(ClassWeights.rarityHint(List.of("normal", "pneumonia"), Map.of("normal", 74, "pneumonia", 26)))
                .hasValue("About 1 in 4 of the training cases (26%) are pneumonia. A network trained on this often"
                        + " misses pneumonia at the usual threshold of 0.5: weight the classes by rarity, or choose the"
                        + " threshold on the validation split.");
        assertThat(ClassWeights.rarityHint(List.of("benign", "malignant"), Map.of("benign", 214, "malignant", 127)))
                .as("37%")
                .isEmpty();
        assertThat(ClassWeights.rarityHint(List.of("a", "b", "c"), Map.of("a", 45, "b", 45, "c", 10)))
                .hasValue("About 1 in 10 of the training cases (10%) are c. A network trained on this often misses c:"
                        + " weight the classes by rarity.");
    }

    @Test
    void weights_that_do_not_fit_the_classes_are_refused_naming_the_field() {
        var spec = Templates.create("ehr-mlp", InputShape.tabular(30), 2);

        assertThat(designer.problems(spec.withClassWeights(List.of(1.0, 2.0)))).isEmpty();
        assertThat(designer.problems(spec.withClassWeights(List.of(1.0, 2.0, 3.0))))
                .containsExactly("Class weights (classWeights): give one weight per class, 2 in all, or none for equal"
                        + " weights; the design has 3.");
        assertThat(designer.problems(spec.withClassWeights(List.of(0.0, Double.POSITIVE_INFINITY))))
                .containsExactly(
                        "Class weights (classWeights): the weight of class 1 is 0.0; each must be a positive number"
                                + " such as 1 or 2.5.",
                        "Class weights (classWeights): the weight of class 2 is Infinity; each must be a positive"
                                + " number such as 1 or 2.5.");
        assertThat(designer.problems(spec.withClassWeights(List.of(Double.NaN, -1.0))))
                .hasSize(2);
    }
}
