package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** ND4J loads its native CPU backend and a two-layer network learns a simple rule in a few iterations. */
class Nd4jSmokeTest {

    @Test
    void nd4j_initialises_on_the_cpu_and_a_small_network_learns() {
        var info = new ComputeBackend(1).describe();
        assertThat(info.backend()).containsIgnoringCase("CPU");
        assertThat(info.cores()).isPositive();
        assertThat(info.dl4jVersion()).isEqualTo("1.0.0-M2.1");

        // Label = 1 when the first feature exceeds the second: learnable by a tiny network.
        Nd4j.getRandom().setSeed(7);
        var features = Nd4j.rand(128, 2);
        var positive = features.getColumn(0).gt(features.getColumn(1)).castTo(features.dataType());
        var labels = Nd4j.hstack(positive.rsub(1.0).reshape(128, 1), positive.reshape(128, 1));
        var data = new DataSet(features, labels);

        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(0.05))
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(2)
                        .nOut(8)
                        .activation(Activation.TANH)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8)
                        .nOut(2)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
        network.init();
        double before = network.score(data);
        for (int i = 0; i < 60; i++) {
            network.fit(data);
        }
        double after = network.score(data);

        assertThat(after).isFinite().isLessThan(before * 0.7);
    }
}
