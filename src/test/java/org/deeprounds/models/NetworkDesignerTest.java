package org.deeprounds.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeprounds.models.LayerSpec.Activation;
import org.deeprounds.models.LayerSpec.Padding;
import org.deeprounds.models.LayerSpec.PoolType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import tools.jackson.databind.json.JsonMapper;

/** Templates build and learn; the summary agrees with DL4J; impossible designs are explained, layer by layer. */
class NetworkDesignerTest {

    private final NetworkDesigner designer = new NetworkDesigner(new ModelLimits(5_000_000, 200, 1024));

    static InputShape inputFor(String template) {
        return switch (template) {
            case "imaging-cnn" -> InputShape.image(28, 28, 1);
            case "ehr-mlp" -> InputShape.tabular(30);
            default -> InputShape.sequence(4, 57);
        };
    }

    @ParameterizedTest
    @CsvSource({"imaging-cnn", "genomics-cnn", "genomics-position-cnn", "ehr-mlp", "sequence-lstm"})
    void every_template_is_valid_and_its_summary_matches_deeplearning4j(String template) {
        var spec = Templates.create(template, inputFor(template), 2);

        assertThat(designer.problems(spec)).isEmpty();
        var summary = designer.summarise(spec);
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        assertThat(summary.totalParameters()).isEqualTo(network.numParams());
        assertThat(summary.rows()).hasSize(spec.layers().size());
        assertThat(summary.rows().getLast().outputShape()).isEqualTo("2");
        assertThat(summary.estimatedMemoryBytes()).isGreaterThan(summary.totalParameters() * 4);
    }

    @Test
    void the_imaging_template_has_the_lenet_shapes() {
        var summary = designer.summarise(Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2));

        assertThat(summary.rows())
                .extracting(ModelSummary.Row::outputShape)
                .containsExactly("24 x 24 x 20", "12 x 12 x 20", "8 x 8 x 50", "4 x 4 x 50", "500", "2");
        assertThat(summary.rows().getFirst().parameters()).isEqualTo(5 * 5 * 20 + 20);
    }

    @ParameterizedTest
    @CsvSource({"imaging-cnn", "genomics-cnn", "genomics-position-cnn", "ehr-mlp", "sequence-lstm"})
    void every_template_learns_on_tiny_data(String template) {
        var spec = Templates.create(template, inputFor(template), 2);
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        var data = tinyData(spec.input(), 32);

        double before = network.score(data);
        for (int i = 0; i < 15; i++) {
            network.fit(data);
        }

        assertThat(network.score(data)).isFinite().isLessThan(before);
    }

    @Test
    void a_kernel_larger_than_its_input_is_explained_naming_the_layer() {
        var layers = new ArrayList<>(
                Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2).layers());
        layers.add(4, new LayerSpec.Conv2D(10, 5, 1, Padding.VALID, Activation.RELU));

        var problems = designer.problems(with(layers, InputShape.image(28, 28, 1)));

        assertThat(problems)
                .containsExactly("Layer 5 (convolution 5x5): its input is only 4x4; remove a pooling"
                        + " layer before it or use a smaller kernel.");
    }

    @Test
    void impossible_values_are_refused_before_anything_is_built() {
        var layers = List.<LayerSpec>of(
                new LayerSpec.Dense(0, Activation.RELU), new LayerSpec.Dropout(1.0), new LayerSpec.Output());
        var spec = new NetworkSpec(
                InputShape.tabular(10), layers, 2, NetworkSpec.Optimiser.ADAM, -0.1, null, 0, 32, 10, 1);

        assertThat(designer.problems(spec))
                .contains(
                        "Learning rate -0.1: use a positive value, typically 0.0001 to 0.1.",
                        "Layer 1 (dense 0): units is 0; it must be at least 1.")
                .anyMatch(p -> p.startsWith("Layer 2 (dropout 100%): the dropout rate must be at least 0 and below 1"));
        assertThatThrownBy(() -> designer.validate(spec)).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void more_parameters_than_the_cap_are_refused() {
        var layers = List.<LayerSpec>of(new LayerSpec.Dense(4000, Activation.RELU), new LayerSpec.Output());

        assertThat(designer.problems(with(layers, InputShape.image(64, 64, 3))))
                .singleElement()
                .asString()
                .contains("49,164,002 parameters", "more than this server allows (5,000,000)");
    }

    @Test
    void layers_that_do_not_fit_the_data_are_explained() {
        var lstmOnImage = List.<LayerSpec>of(new LayerSpec.Lstm(8, Activation.TANH), new LayerSpec.Output());
        assertThat(designer.problems(with(lstmOnImage, InputShape.image(28, 28, 1))))
                .anyMatch(p -> p.startsWith("Layer 1 (LSTM 8): an LSTM reads a sequence step by step"));

        var noOutput = List.<LayerSpec>of(new LayerSpec.Dense(8, Activation.RELU));
        assertThat(designer.problems(with(noOutput, InputShape.tabular(5))))
                .anyMatch(p -> p.startsWith("The last layer must be the output layer"));

        var poolTooBig = List.<LayerSpec>of(
                new LayerSpec.Pool1D(PoolType.MAX, 80, 80),
                new LayerSpec.GlobalPool(PoolType.MAX),
                new LayerSpec.Output());
        assertThat(designer.problems(with(poolTooBig, InputShape.sequence(4, 57))))
                .anyMatch(p -> p.startsWith("Layer 1 (max pooling width 80): its input is only 57 positions long"));
    }

    @Test
    void a_spec_round_trips_through_json() {
        var json = JsonMapper.builder().build();
        var spec = Templates.create("genomics-cnn", InputShape.sequence(4, 80), 2);

        var text = json.writeValueAsString(spec);
        var back = json.readValue(text, NetworkSpec.class);

        assertThat(back).isEqualTo(spec);
        assertThat(text).contains("\"type\":\"conv1d\"");
    }

    private static NetworkSpec with(List<LayerSpec> layers, InputShape input) {
        return new NetworkSpec(input, layers, 2, NetworkSpec.Optimiser.ADAM, 0.001, null, 0, 32, 10, 1);
    }

    /** Random inputs whose label is learnable: the sign of the mean of the first feature block. */
    static DataSet tinyData(InputShape input, int n) {
        Nd4j.getRandom().setSeed(3);
        var features = switch (input.kind()) {
            case IMAGE -> Nd4j.rand(n, input.channels(), input.height(), input.width());
            case SEQUENCE -> Nd4j.rand(n, input.channels(), input.length());
            case TABULAR -> Nd4j.rand(n, input.features());
        };
        var labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, i % 2, 1.0);
            if (i % 2 == 1) {
                features.slice(i).addi(0.5);
            }
        }
        return new DataSet(features, labels);
    }
}
