package org.deeprounds.training;

import java.util.List;

/**
 * The epoch whose weights a run's model keeps: the one with the lowest validation loss, which the trainer restores
 * when training ends. Only a run that ended with a model (completed, cancelled while training, diverged) keeps one.
 *
 * @param epoch null when no model is kept
 * @param metrics that epoch's metrics, null with {@code epoch}
 * @param last whether it is the last epoch trained (validation was still improving), null with {@code epoch}
 */
record KeptEpoch(Integer epoch, EpochMetrics metrics, Boolean last) {

    static final KeptEpoch NONE = new KeptEpoch(null, null, null);

    static KeptEpoch of(RunStatus status, int bestEpoch, List<EpochMetrics> history) {
        boolean modelSaved =
                status == RunStatus.COMPLETED || status == RunStatus.CANCELLED || status == RunStatus.DIVERGED;
        if (!modelSaved || bestEpoch <= 0) {
            return NONE;
        }
        var metrics =
                history.stream().filter(m -> m.epoch() == bestEpoch).findFirst().orElse(null);
        int lastTrained = history.isEmpty() ? 0 : history.getLast().epoch();
        return new KeptEpoch(bestEpoch, metrics, bestEpoch == lastTrained);
    }
}
