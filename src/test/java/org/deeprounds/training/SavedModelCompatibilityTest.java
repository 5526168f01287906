package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkFactory;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model saved by an earlier version of DeepRounds (the {@code ehr-mlp} template, trained a few steps, saved with its
 * optimiser state as runs save theirs) still loads and gives the probabilities it gave when it was saved: upgrades of
 * DL4J, of our network factory or of the run folder must not strand trainees' models. The committed files were
 * written by {@link #write_the_compatibility_model} ({@code -Dwrite-compat-model=true}) on 2026-12-04.
 */
class SavedModelCompatibilityTest {

    static final String MODEL = "/models/ehr-mlp-2026-12.zip";
    static final String EXPECTED = "/models/ehr-mlp-2026-12.expected.txt";

    @Test
    void a_model_saved_by_an_earlier_version_loads_and_predicts_as_it_did() throws IOException {
        MultiLayerNetwork network;
        try (var in = getClass().getResourceAsStream(MODEL)) {
            assertThat(in).as(MODEL + " is committed").isNotNull();
            network = ModelSerializer.restoreMultiLayerNetwork(in, true);
        }
        String expectedText;
        try (var in = getClass().getResourceAsStream(EXPECTED)) {
            expectedText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var expected = expectedText
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split(" "))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);

        var probabilities = network.output(inputs());

        assertThat(probabilities.rows()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                assertThat(probabilities.getDouble(i, c))
                        .as("row %d, class %d", i, c)
                        .isCloseTo(expected[i][c], within(1e-6));
            }
        }
        assertThat(network.getUpdater().getStateViewArray())
                .as("the optimiser state came back too, so a resumed run goes on learning")
                .isNotNull();
    }

    @Test
    @EnabledIfSystemProperty(named = "write-compat-model", matches = "true")
    void write_the_compatibility_model() throws IOException {
        var spec = Templates.create("ehr-mlp", InputShape.tabular(FEATURES), 2);
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        var labels = Nd4j.zeros(DataType.FLOAT, ROWS, 2);
        for (int i = 0; i < ROWS; i++) {
            labels.putScalar(i, i % 2, 1);
        }
        for (int step = 0; step < 20; step++) {
            network.fit(new DataSet(inputs(), labels));
        }
        var folder = Path.of("src", "test", "resources", "models");
        Files.createDirectories(folder);
        ModelSerializer.writeModel(
                network, folder.resolve(Path.of(MODEL).getFileName().toString()).toFile(), true);
        var out = network.output(inputs());
        var text = new StringBuilder();
        for (int i = 0; i < out.rows(); i++) {
            text.append(Arrays.stream(out.getRow(i).toDoubleVector())
                            .mapToObj(Double::toString)
                            .collect(Collectors.joining(" ")))
                    .append('\n');
        }
        Files.writeString(folder.resolve(Path.of(EXPECTED).getFileName().toString()), text);
    }

    private static final int ROWS = 6;
    private static final int FEATURES = 8;

    /** Fixed inputs, standardised-looking values with both signs. */
    private static INDArray inputs() {
        var x = Nd4j.zeros(DataType.FLOAT, ROWS, FEATURES);
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x.putScalar(i, j, Math.sin(1.3 * i + 0.7 * j) * (i % 2 == 0 ? 1.5 : 0.8));
            }
        }
        return x;
    }
}
