package org.deeprounds.training;

/** Where a run stands. Stored by name. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    DIVERGED,
    /** Was running when the server stopped; never left stuck as RUNNING. */
    INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
