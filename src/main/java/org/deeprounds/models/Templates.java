package org.deeprounds.models;

import static org.deeprounds.models.LayerSpec.Activation.RELU;
import static org.deeprounds.models.LayerSpec.Activation.TANH;
import static org.deeprounds.models.LayerSpec.Padding.SAME;
import static org.deeprounds.models.LayerSpec.Padding.VALID;
import static org.deeprounds.models.LayerSpec.PoolType.AVG;
import static org.deeprounds.models.LayerSpec.PoolType.MAX;

import java.util.List;
import java.util.NoSuchElementException;
import org.deeprounds.datasets.model.Modality;

/**
 * The designs lessons start from, one per kind of data. Their training settings are the lesson defaults. Names are
 * an API contract: {@code imaging-cnn}, {@code genomics-cnn}, {@code genomics-position-cnn}, {@code ehr-mlp},
 * {@code sequence-lstm}, {@code signal-cnn}.
 *
 * <p>Epochs are a ceiling, not a schedule: training stops once the validation loss has not improved for the server's
 * patience (5 epochs by default) and keeps the best epoch's weights. Each ceiling is set well above where validation
 * stops improving on the real sets (docs/benchmarks.md), so validation decides and the kept epoch is rarely the last.
 */
public final class Templates {

    public static final long DEFAULT_SEED = 42;

    /** A template as listed by {@code GET /api/v1/templates}. */
    public record Template(String name, Modality modality, String description) {}

    public static final List<Template> ALL = List.of(
            new Template(
                    "imaging-cnn",
                    Modality.IMAGING,
                    "A small LeNet-style CNN for 28x28 images: two"
                            + " convolution + max-pooling stages find edges, then shapes; a dense layer combines them."),
            new Template(
                    "genomics-cnn",
                    Modality.GENOMICS,
                    "A 1-D CNN for one-hot DNA: filters 8 bases wide learn"
                            + " motifs; global max pooling asks whether a motif occurs anywhere."),
            new Template(
                    "genomics-position-cnn",
                    Modality.GENOMICS,
                    "A 1-D CNN for one-hot DNA that keeps position: filters 8 bases wide learn motifs, and the output"
                            + " layer weighs each filter at each position, so it learns where a motif must sit (the -35"
                            + " and -10 boxes of a promoter, and their spacing)."),
            new Template(
                    "ehr-mlp",
                    Modality.EHR,
                    "A multilayer perceptron for patient tables: two dense layers"
                            + " with dropout against overfitting small cohorts."),
            new Template(
                    "sequence-lstm",
                    Modality.GENOMICS,
                    "An LSTM that reads a sequence base by base and"
                            + " remembers what matters; slower than a CNN, but order-aware."),
            new Template(
                    "signal-cnn",
                    Modality.SIGNAL,
                    "A 1-D CNN for ECG beats and other signals over time: filters a few samples wide learn wave"
                            + " shapes (a narrow or a wide QRS, a P wave), pooling halves the time resolution twice, and"
                            + " the dense layer weighs each shape where it sits in the beat, so timing is kept."));

    private Templates() {}

    /** The template's design for data of this shape with this many classes. */
    public static NetworkSpec create(String name, InputShape input, int classes) {
        return switch (name) {
            case "imaging-cnn" ->
                spec(
                        input,
                        classes,
                        0.001,
                        0,
                        64,
                        40,
                        List.of(
                                new LayerSpec.Conv2D(20, 5, 1, VALID, RELU),
                                new LayerSpec.Pool2D(MAX, 2, 2),
                                new LayerSpec.Conv2D(50, 5, 1, VALID, RELU),
                                new LayerSpec.Pool2D(MAX, 2, 2),
                                new LayerSpec.Dense(500, RELU),
                                new LayerSpec.Output()));
            case "genomics-cnn" ->
                spec(
                        input,
                        classes,
                        0.001,
                        0.0001,
                        32,
                        150,
                        List.of(
                                new LayerSpec.Conv1D(32, 8, 1, SAME, RELU),
                                new LayerSpec.Pool1D(MAX, 2, 2),
                                new LayerSpec.Conv1D(32, 8, 1, SAME, RELU),
                                new LayerSpec.GlobalPool(MAX),
                                new LayerSpec.Dense(32, RELU),
                                new LayerSpec.Dropout(0.3),
                                new LayerSpec.Output()));
            case "genomics-position-cnn" ->
                spec(
                        input,
                        classes,
                        0.003,
                        0.0001,
                        32,
                        100,
                        List.of(
                                new LayerSpec.Conv1D(8, 8, 1, SAME, RELU),
                                new LayerSpec.Flatten(),
                                new LayerSpec.Dropout(0.5),
                                new LayerSpec.Output()));
            case "ehr-mlp" ->
                spec(
                        input,
                        classes,
                        0.001,
                        0.0001,
                        32,
                        200,
                        List.of(
                                new LayerSpec.Dense(32, RELU),
                                new LayerSpec.Dropout(0.2),
                                new LayerSpec.Dense(16, RELU),
                                new LayerSpec.Output()));
            case "signal-cnn" ->
                spec(
                        input,
                        classes,
                        0.001,
                        0.0001,
                        32,
                        40,
                        List.of(
                                new LayerSpec.Conv1D(16, 7, 1, SAME, RELU),
                                new LayerSpec.Pool1D(MAX, 2, 2),
                                new LayerSpec.Conv1D(32, 5, 1, SAME, RELU),
                                new LayerSpec.Pool1D(MAX, 2, 2),
                                new LayerSpec.Flatten(),
                                new LayerSpec.Dropout(0.3),
                                new LayerSpec.Dense(32, RELU),
                                new LayerSpec.Output()));
            case "sequence-lstm" ->
                spec(
                        input,
                        classes,
                        0.005,
                        0,
                        32,
                        60,
                        List.of(new LayerSpec.Lstm(32, TANH), new LayerSpec.GlobalPool(AVG), new LayerSpec.Output()));
            default ->
                throw new NoSuchElementException("No template '" + name + "'; templates: "
                        + ALL.stream().map(Template::name).toList());
        };
    }

    private static NetworkSpec spec(
            InputShape input, int classes, double rate, double l2, int batch, int epochs, List<LayerSpec> layers) {
        return new NetworkSpec(
                input, layers, classes, NetworkSpec.Optimiser.ADAM, rate, null, l2, batch, epochs, DEFAULT_SEED);
    }
}
