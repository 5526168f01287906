package org.deeprounds.training;

/**
 * One plain paragraph on which epoch a run's model keeps and why training stopped there, for the run page and the
 * model card. When the kept epoch is the last one trained, validation was still improving: it says so, because the
 * network has probably not learned all it could.
 */
public final class KeptEpochReading {

    private KeptEpochReading() {}

    /** The paragraph, or null while the run keeps no model. */
    public static String of(RunInfo run) {
        if (run.keptEpoch() == null) {
            return null;
        }
        int kept = run.keptEpoch();
        int trained = run.epochsTrained();
        boolean last = Boolean.TRUE.equals(run.keptLastEpoch());
        var stillImproving = "the validation loss was still improving when training stopped";
        var reason = run.stopReason() == null ? StopReason.ALL_EPOCHS : run.stopReason();
        return switch (reason) {
            case EARLY_STOPPING ->
                "Early stopping chose epoch " + kept + " of " + trained + ": the validation loss was lowest there and"
                        + " did not improve in the " + epochs(trained - kept) + " after it, so training stopped after"
                        + " epoch " + trained + " of the " + run.epochs() + " planned. The model keeps the weights of"
                        + " epoch " + kept + ".";
            case ALL_EPOCHS ->
                last
                        ? "The model keeps epoch " + kept + ", the last one trained: " + stillImproving + ", so more"
                                + " epochs may help. Run it again with more epochs and let early stopping decide when"
                                + " to stop."
                        : "The model keeps epoch " + kept + " of " + trained + ", where the validation loss was lowest;"
                                + " the " + epochs(trained - kept) + " after it did not improve it.";
            case TIME_LIMIT ->
                last
                        ? "Training reached the time limit after epoch " + trained + " and the model keeps that epoch,"
                                + " the last one trained: " + stillImproving + ", so more training may help (a"
                                + " smaller network or a larger batch trains faster)."
                        : "Training reached the time limit after epoch " + trained + "; the model keeps epoch " + kept
                                + ", where the validation loss was lowest.";
            case CANCELLED ->
                "Cancelled after epoch " + trained + "; the model keeps epoch " + kept
                        + (last
                                ? ", the last one trained: " + stillImproving + "."
                                : ", where the validation loss was" + " lowest so far.");
            case DIVERGED ->
                "The model keeps epoch " + kept + ", where the validation loss was lowest before the weights blew up.";
        };
    }

    private static String epochs(int count) {
        return count == 1 ? "epoch" : count + " epochs";
    }
}
