package org.deeprounds.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.models.LayerSpec.Activation;
import org.deeprounds.models.LayerSpec.Padding;
import org.deeprounds.models.LayerSpec.PoolType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A flatten layer, and a dense layer straight after a convolution, hand the dense layer every value of the image or
 * sequence with its position: the shapes and parameter counts the builder shows are DL4J's own, and for sequences the
 * dense layer sees one case's whole channels x length grid, not one position at a time.
 */
class FlattenTest {

    private final NetworkDesigner designer = new NetworkDesigner(new ModelLimits(5_000_000, 200, 1024));

    @Test
    void a_dense_layer_after_a_1d_convolution_sees_the_whole_sequence_of_each_case() {
        var spec = spec(
                InputShape.sequence(4, 57),
                new LayerSpec.Conv1D(8, 5, 1, Padding.VALID, Activation.RELU),
                new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Output());

        assertThat(designer.problems(spec)).isEmpty();
        var summary = designer.summarise(spec);
        assertThat(summary.rows()).extracting(ModelSummary.Row::outputShape).containsExactly("8 x 53", "16", "2");
        assertThat(summary.rows())
                .extracting(ModelSummary.Row::parameters)
                .containsExactly(4L * 5 * 8 + 8, 8L * 53 * 16 + 16, 16L * 2 + 2);
        var network = agreesWithDeeplearning4j(spec, summary);

        // The dense layer's output is relu(flattened convolution output x W + b): all 8 x 53 values of one case.
        var x = Nd4j.rand(3, 4, 57);
        var activations = network.feedForward(x, false);
        var convolved = activations.get(1);
        assertThat(convolved.shape()).containsExactly(3, 8, 53);
        var flat = convolved.dup('c').reshape('c', 3, 8 * 53);
        var expected = Transforms.relu(
                flat.mmul(network.getLayer(1).getParam("W"))
                        .addRowVector(network.getLayer(1).getParam("b")),
                true);
        assertThat(activations.get(2).shape()).containsExactly(3, 16);
        assertThat(activations.get(2).equalsWithEps(expected, 1e-4)).isTrue();
    }

    @Test
    void an_explicit_flatten_equals_the_implicit_one_and_adds_no_parameters() {
        var implicit = spec(
                InputShape.sequence(4, 57),
                new LayerSpec.Conv1D(8, 5, 1, Padding.SAME, Activation.RELU),
                new LayerSpec.Pool1D(PoolType.MAX, 2, 2),
                new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Output());
        var explicit = spec(
                InputShape.sequence(4, 57),
                new LayerSpec.Conv1D(8, 5, 1, Padding.SAME, Activation.RELU),
                new LayerSpec.Pool1D(PoolType.MAX, 2, 2),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Output());

        var summary = designer.summarise(explicit);
        assertThat(summary.rows())
                .extracting(ModelSummary.Row::outputShape)
                .containsExactly("8 x 57", "8 x 28", "224", "16", "2");
        assertThat(summary.rows().get(2).parameters()).isZero();
        assertThat(summary.totalParameters())
                .isEqualTo(designer.summarise(implicit).totalParameters())
                .isEqualTo(4L * 5 * 8 + 8 + 224L * 16 + 16 + 16 * 2 + 2);
        var a = agreesWithDeeplearning4j(implicit, designer.summarise(implicit));
        var b = agreesWithDeeplearning4j(explicit, summary);

        var x = Nd4j.rand(5, 4, 57);
        assertThat(b.output(x, false).equalsWithEps(a.output(x, false), 1e-5)).isTrue();
    }

    @Test
    void a_dense_layer_after_an_lstm_flattens_every_step() {
        var spec = spec(
                InputShape.sequence(4, 20),
                new LayerSpec.Lstm(6, Activation.TANH),
                new LayerSpec.Flatten(),
                new LayerSpec.Output());

        var summary = designer.summarise(spec);
        assertThat(summary.rows()).extracting(ModelSummary.Row::outputShape).containsExactly("6 x 20", "120", "2");
        agreesWithDeeplearning4j(spec, summary);
    }

    @Test
    void images_flatten_explicitly_or_before_a_dense_layer_with_the_same_counts() {
        var explicit = spec(
                InputShape.image(28, 28, 1),
                new LayerSpec.Conv2D(6, 5, 1, Padding.VALID, Activation.RELU),
                new LayerSpec.Pool2D(PoolType.MAX, 2, 2),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(10, Activation.RELU),
                new LayerSpec.Output());
        var implicit = spec(
                InputShape.image(28, 28, 1),
                new LayerSpec.Conv2D(6, 5, 1, Padding.VALID, Activation.RELU),
                new LayerSpec.Pool2D(PoolType.MAX, 2, 2),
                new LayerSpec.Dense(10, Activation.RELU),
                new LayerSpec.Output());

        var summary = designer.summarise(explicit);
        assertThat(summary.rows())
                .extracting(ModelSummary.Row::outputShape)
                .containsExactly("24 x 24 x 6", "12 x 12 x 6", "864", "10", "2");
        assertThat(summary.rows().get(3).parameters()).isEqualTo(864L * 10 + 10);
        var a = agreesWithDeeplearning4j(explicit, summary);
        var b = agreesWithDeeplearning4j(implicit, designer.summarise(implicit));
        var x = Nd4j.rand(2, 1, 28, 28);
        assertThat(a.output(x, false).equalsWithEps(b.output(x, false), 1e-5)).isTrue();
    }

    @Test
    void flattening_a_flat_list_is_explained() {
        var spec = spec(InputShape.tabular(30), new LayerSpec.Flatten(), new LayerSpec.Output());

        assertThat(designer.problems(spec))
                .containsExactly("Layer 1 (flatten): its input is already a flat list of 30 values; remove it.");
    }

    @Test
    void a_flattening_network_learns_and_survives_saving(@TempDir Path folder) throws Exception {
        var spec = spec(
                InputShape.sequence(4, 57),
                new LayerSpec.Conv1D(8, 5, 1, Padding.SAME, Activation.RELU),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Output());
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        var data = NetworkDesignerTest.tinyData(spec.input(), 32);

        double before = network.score(data);
        for (int i = 0; i < 15; i++) {
            network.fit(data);
        }
        assertThat(network.score(data)).isFinite().isLessThan(before);

        File file = folder.resolve("model.zip").toFile();
        ModelSerializer.writeModel(network, file, false);
        var restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        assertThat(restored.output(data.getFeatures(), false)
                        .equalsWithEps(network.output(data.getFeatures(), false), 1e-6))
                .isTrue();
    }

    private static MultiLayerNetwork agreesWithDeeplearning4j(NetworkSpec spec, ModelSummary summary) {
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        assertThat(summary.totalParameters()).isEqualTo(network.numParams());
        for (int i = 0; i < spec.layers().size(); i++) {
            assertThat(summary.rows().get(i).parameters())
                    .as("layer %d", i + 1)
                    .isEqualTo(network.getLayer(i).numParams());
        }
        var input = spec.input();
        var x = switch (input.kind()) {
            case IMAGE -> Nd4j.rand(2, input.channels(), input.height(), input.width());
            case SEQUENCE -> Nd4j.rand(2, input.channels(), input.length());
            case TABULAR -> Nd4j.rand(2, input.features());
        };
        assertThat(network.output(x, false).shape()).containsExactly(2, spec.classes());
        return network;
    }

    private static NetworkSpec spec(InputShape input, LayerSpec... layers) {
        return new NetworkSpec(input, List.of(layers), 2, NetworkSpec.Optimiser.ADAM, 0.001, null, 0, 32, 10, 7);
    }
}
