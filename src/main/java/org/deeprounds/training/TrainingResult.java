package org.deeprounds.training;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The outcome of one training: how it ended, the metrics of every epoch, which epoch was best on validation, a
 * message for the trainee, and the network with the best validation weights.
 */
public record TrainingResult(
        Outcome outcome, List<EpochMetrics> epochs, int bestEpoch, String message, MultiLayerNetwork model) {

    public enum Outcome {
        /** Ran all epochs, or stopped early because validation stopped improving. */
        COMPLETED,
        /** The loss became NaN or infinite. */
        DIVERGED,
        /** Stopped on request. */
        CANCELLED,
        /** Stopped at the time limit, keeping what it learned. */
        TIME_LIMIT
    }
}
