package org.deeprounds.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The record of one training run. */
@Entity
@Table(name = "training_run")
class TrainingRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "owner_username", nullable = false, length = 100)
    private String owner;

    @Column(name = "dataset_id", nullable = false)
    private long datasetId;

    @Column(name = "dataset_sha256", nullable = false, length = 64)
    private String datasetSha256;

    @Column(length = 40)
    private String template;

    @Column(name = "spec_json", nullable = false, length = 100_000)
    private String specJson;

    @Column(nullable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunStatus status;

    @Column(nullable = false)
    private int epoch;

    @Column(nullable = false)
    private int epochs;

    @Column(name = "best_epoch", nullable = false)
    private int bestEpoch;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason", length = 20)
    private StopReason stopReason;

    @Column(name = "metrics_json", nullable = false, length = 1_000_000)
    private String metricsJson = "[]";

    @Column(length = 2000)
    private String message;

    @Column(name = "provenance_json", nullable = false, length = 4000)
    private String provenanceJson;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The node that holds the run while it trains, and keeps its name afterwards. */
    @Column(length = 100)
    private String node;

    /*
     * Read by queries and written only by single-column updates (RunQueue, TrainingRunRepository), never with the rest
     * of the row: a worker storing an epoch's progress must not put back a lease or a cancel flag it read before another
     * node changed it. So the row object offers neither.
     */
    @Column(name = "lease_until", insertable = false, updatable = false)
    @SuppressWarnings("unused")
    private Instant leaseUntil;

    @Column(name = "cancel_requested", insertable = false, updatable = false)
    @SuppressWarnings("unused")
    private boolean cancelRequested;

    @Column(name = "owner_admin", nullable = false)
    private boolean ownerAdmin;

    protected TrainingRun() {}

    TrainingRun(
            String owner,
            long datasetId,
            String datasetSha256,
            String template,
            String specJson,
            long seed,
            int epochs,
            String provenanceJson,
            Instant queuedAt) {
        this.owner = owner;
        this.datasetId = datasetId;
        this.datasetSha256 = datasetSha256;
        this.template = template;
        this.specJson = specJson;
        this.seed = seed;
        this.epochs = epochs;
        this.provenanceJson = provenanceJson;
        this.queuedAt = queuedAt;
        this.status = RunStatus.QUEUED;
    }

    void start(Instant now) {
        status = RunStatus.RUNNING;
        startedAt = now;
    }

    /** Claimed by a worker node: running there (its lease and cleared cancel flag are written beside this). */
    void claim(String byNode, Instant now) {
        start(now);
        node = byNode;
    }

    /** Whether its owner was an administrator when it was queued (workers read its dataset as the owner). */
    void ownerAdmin(boolean admin) {
        ownerAdmin = admin;
    }

    /**
     * Back in the queue after an interruption, keeping the epochs up to the checkpoint it goes on from
     * ({@code metricsUpToCheckpoint}): checkpoints are written at most once per interval, so the epochs after
     * {@code checkpointEpoch} are trained again and the counter restarts there rather than jumping back later.
     */
    void requeue(Instant now, int checkpointEpoch, String metricsUpToCheckpoint) {
        status = RunStatus.QUEUED;
        message = checkpointEpoch >= epoch
                ? "Resumed after an interruption; waiting to go on from epoch " + (checkpointEpoch + 1) + "."
                : "Resumed after an interruption; waiting to go on from the checkpoint of epoch " + checkpointEpoch
                        + " (epochs " + (checkpointEpoch + 1) + "\u2013" + epoch + " are trained again).";
        epoch = checkpointEpoch;
        metricsJson = metricsUpToCheckpoint;
        queuedAt = now;
        finishedAt = null;
    }

    /**
     * Back in the queue from the checkpoint it has, without anyone pressing resume: its worker shut down cleanly or
     * stopped renewing its claim. {@code why} is the message the trainee sees while it waits.
     */
    void handBack(Instant now, int checkpointEpoch, String metricsUpToCheckpoint, String why) {
        requeue(now, checkpointEpoch, metricsUpToCheckpoint);
        message = why;
    }

    void progress(int epochDone, String metrics) {
        epoch = epochDone;
        metricsJson = metrics;
    }

    /** @param reason why training stopped; null where it did not end (interrupted) or never ran properly (failed) */
    void finish(RunStatus outcome, StopReason reason, int best, String metrics, String note, Instant now) {
        status = outcome;
        stopReason = reason;
        bestEpoch = best;
        metricsJson = metrics;
        message = note;
        finishedAt = now;
    }

    Long getId() {
        return id;
    }

    String getOwner() {
        return owner;
    }

    long getDatasetId() {
        return datasetId;
    }

    String getDatasetSha256() {
        return datasetSha256;
    }

    String getTemplate() {
        return template;
    }

    String getSpecJson() {
        return specJson;
    }

    long getSeed() {
        return seed;
    }

    RunStatus getStatus() {
        return status;
    }

    int getEpoch() {
        return epoch;
    }

    int getEpochs() {
        return epochs;
    }

    int getBestEpoch() {
        return bestEpoch;
    }

    StopReason getStopReason() {
        return stopReason;
    }

    String getMetricsJson() {
        return metricsJson;
    }

    String getMessage() {
        return message;
    }

    String getProvenanceJson() {
        return provenanceJson;
    }

    Instant getQueuedAt() {
        return queuedAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    String getNode() {
        return node;
    }

    boolean isOwnerAdmin() {
        return ownerAdmin;
    }
}
