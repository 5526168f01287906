package org.deeprounds.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A run's decision threshold and when its test split was first shown. The threshold is meant to be chosen on the
 * validation split and locked before the test figures are seen; a lock made afterwards is kept but recorded as chosen
 * on the test split, so what the test figures are worth stays visible.
 */
@Entity
@Table(name = "threshold_lock")
class ThresholdLock {

    @Id
    @Column(name = "run_id")
    private Long runId;

    @Column(name = "test_opened_at")
    private Instant testOpenedAt;

    private Double threshold;

    @Column(name = "chosen_on", length = 12)
    private String chosenOn;

    @Column(name = "locked_by", length = 100)
    private String lockedBy;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(length = 10000)
    private String justification;

    protected ThresholdLock() {}

    ThresholdLock(long runId) {
        this.runId = runId;
    }

    /** Records that the test figures were shown without a lock in place; the first time counts. */
    void testOpened(Instant now) {
        if (testOpenedAt == null && threshold == null) {
            testOpenedAt = now;
        }
    }

    void lock(double threshold, String by, String justification, Instant now) {
        this.chosenOn = testOpenedAt != null || this.threshold != null ? "test" : "validation";
        this.threshold = threshold;
        this.lockedBy = by;
        this.lockedAt = now;
        this.justification = justification;
    }

    Instant testOpenedAt() {
        return testOpenedAt;
    }

    Double threshold() {
        return threshold;
    }

    String chosenOn() {
        return chosenOn;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    String lockedBy() {
        return lockedBy;
    }

    String justification() {
        return justification;
    }
}
