package org.deeprounds.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * When the class is decided by where a motif sits, the position-keeping template learns it and the global-pooling
 * template cannot: both classes carry the same TATAAT box, at base 20 in one and at base 30 in the other (away from the ends, and an even shift, which the pooling of genomics-cnn cannot tell apart either).
 */
class PositionTemplateTest {

    static final int LENGTH = 57;
    static final String MOTIF = "TATAAT";

    @Test
    void the_position_template_learns_where_a_motif_sits_and_global_pooling_does_not() {
        var input = InputShape.sequence(4, LENGTH);
        var train = sequences(240, 1);
        var test = sequences(200, 2);

        double position = accuracyAfterTraining(Templates.create("genomics-position-cnn", input, 2), train, test);
        double pooled = accuracyAfterTraining(Templates.create("genomics-cnn", input, 2), train, test);

        assertThat(position).as("genomics-position-cnn").isGreaterThan(0.9);
        assertThat(pooled).as("genomics-cnn").isLessThan(0.75);
    }

    @Test
    void the_template_names_are_the_api_contract() {
        assertThat(Templates.ALL)
                .extracting(Templates.Template::name)
                .containsExactly(
                        "imaging-cnn",
                        "genomics-cnn",
                        "genomics-position-cnn",
                        "ehr-mlp",
                        "sequence-lstm",
                        "signal-cnn");
    }

    private static double accuracyAfterTraining(NetworkSpec spec, DataSet train, DataSet test) {
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        for (int epoch = 0; epoch < 20; epoch++) {
            for (var batch : train.batchBy(spec.batchSize())) {
                network.fit(batch);
            }
        }
        var evaluation = new Evaluation(2);
        evaluation.eval(test.getLabels(), network.output(test.getFeatures(), false));
        return evaluation.accuracy();
    }

    /** Random DNA, one-hot 4 x L, with the motif at base 20 (class 0) or base 30 (class 1). */
    private static DataSet sequences(int n, long seed) {
        var random = new Random(seed);
        var features = Nd4j.zeros(n, 4, LENGTH);
        var labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            var bases = new char[LENGTH];
            for (int b = 0; b < LENGTH; b++) {
                bases[b] = "ACGT".charAt(random.nextInt(4));
            }
            MOTIF.getChars(0, MOTIF.length(), bases, label == 0 ? 20 : 30);
            for (int b = 0; b < LENGTH; b++) {
                features.putScalar(new long[] {i, "ACGT".indexOf(bases[b]), b}, 1.0);
            }
            labels.putScalar(i, label, 1.0);
        }
        return new DataSet(features, labels);
    }
}
