package org.deeprounds.training;

/**
 * Why a finished run stopped training. Stored by name with the run ({@code stop_reason}), because a completed run
 * alone does not tell early stopping from the time limit, and the answer decides what the trainee should try next.
 */
public enum StopReason {
    /** Every planned epoch was trained. */
    ALL_EPOCHS,
    /** Validation stopped improving, so training ended before the planned epochs. */
    EARLY_STOPPING,
    /** The server's time limit per run ended training; what it learned is kept. */
    TIME_LIMIT,
    /** Stopped on request. */
    CANCELLED,
    /** The loss blew up. */
    DIVERGED;

    /** The reason for a training's outcome; {@code trained} of {@code planned} epochs were done. */
    static StopReason of(TrainingResult.Outcome outcome, int trained, int planned) {
        return switch (outcome) {
            // The trainer returns COMPLETED both after the last epoch and when early stopping ends it sooner.
            case COMPLETED -> trained < planned ? EARLY_STOPPING : ALL_EPOCHS;
            case TIME_LIMIT -> TIME_LIMIT;
            case CANCELLED -> CANCELLED;
            case DIVERGED -> DIVERGED;
        };
    }
}
