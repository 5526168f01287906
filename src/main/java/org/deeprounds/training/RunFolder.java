package org.deeprounds.training;

import java.nio.file.Path;

/**
 * A run's folder ({@code <data-dir>/runs/<id>/}, on the volume every node shares) and the files the features keep
 * there, named in one place: training writes the model, checkpoint and best weights; evaluation the predictions and
 * feature importance; insight the layer statistics. Each file is written beside its name and renamed into place, so a
 * reader on another node never sees half of one.
 */
public record RunFolder(Path path) {

    static final String MODEL = "model.zip";
    static final String CHECKPOINT = "checkpoint.zip";
    static final String BEST_PARAMETERS = "best-params.bin";

    /** The trained network with the kept epoch's weights (DL4J's {@code ModelSerializer} zip). */
    public Path model() {
        return path.resolve(MODEL);
    }

    /** The network and optimiser state of the last checkpointed epoch, to go on from. */
    public Path checkpoint() {
        return path.resolve(CHECKPOINT);
    }

    /**
     * The epochs the checkpoint holds, read from its configuration alone (the weights are not loaded); 0 when there is
     * no checkpoint yet.
     */
    int checkpointEpoch() {
        var checkpoint = checkpoint();
        if (!java.nio.file.Files.exists(checkpoint)) {
            return 0;
        }
        try (var zip = new java.util.zip.ZipFile(checkpoint.toFile())) {
            var entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IllegalStateException("The checkpoint " + checkpoint + " holds no configuration");
            }
            try (var in = zip.getInputStream(entry)) {
                return org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(
                                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .getEpochCount();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "Cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /** The best validation weights as of the checkpoint. */
    public Path bestParameters() {
        return path.resolve(BEST_PARAMETERS);
    }

    /** Every test case's probabilities, written once after training (evaluation). */
    public Path testPredictions() {
        return path.resolve("test-predictions.json");
    }

    /** Every validation case's probabilities, for choosing a threshold before the test split is opened. */
    public Path validationPredictions() {
        return path.resolve("validation-predictions.json");
    }

    /** Permutation importance of a table's columns on the test split. */
    public Path featureImportance() {
        return path.resolve("feature-importance.json");
    }

    /** DL4J's statistics store of a run trained on a lone server (a MapDB file: one process at a time). */
    public Path statistics() {
        return path.resolve("stats.dl4j");
    }

    /** The statistics journal of a run trained on a worker node, read by web nodes while it grows. */
    public Path statisticsJournal() {
        return path.resolve("stats.journal");
    }
}
