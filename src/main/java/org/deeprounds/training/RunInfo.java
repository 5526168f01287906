package org.deeprounds.training;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API and views show it. Field names are an API contract ({@code GET /api/v1/runs/{id}}).
 *
 * @param progress 0..1
 * @param epoch the last epoch trained so far (the same as {@code epochsTrained} once the run has ended)
 * @param epochs the epochs planned
 * @param bestEpoch the epoch with the lowest validation loss, set when the run ends (0 before, or when no epoch
 *     ended); see {@code keptEpoch} for the epoch whose weights the model keeps
 * @param keptEpoch the epoch whose weights the trained model keeps (the lowest validation loss); null while no model
 *     is kept (queued, running, interrupted, failed, or stopped before an epoch ended)
 * @param kept that epoch's metrics; null with {@code keptEpoch}
 * @param epochsTrained how many epochs were trained (and have metrics in {@code history})
 * @param keptLastEpoch whether the kept epoch is the last one trained: validation was still improving when training
 *     stopped, so more epochs may help; null with {@code keptEpoch}
 * @param stoppedEarly whether early stopping ended training before the planned epochs because validation stopped
 *     improving
 * @param stopReason why a finished run stopped; null while it has not (or when it failed or was interrupted)
 * @param queuePosition 1-based while queued, else 0
 * @param metrics the LATEST epoch's metrics, which need not be the kept epoch's ({@code trainLoss},
 *     {@code validationLoss}, and {@code validationAuc} for binary or {@code validationAccuracy} for multi-class
 *     tasks); kept for compatibility: {@code latest} and {@code kept} say which epoch they belong to
 * @param latest the latest epoch's metrics with its number; null before the first epoch ends
 * @param error the reason a run did not complete (diverged, failed, interrupted), else null
 * @param node the node that trains the run, or trained it last; null before a node claimed it
 * @param events what happened to the run beyond its status (where it started, resumed, was handed back), oldest first
 * @param provenance what the run was made with (DL4J version, backend, Java, checksums of design and data, seed)
 * @param etaSeconds while running: the remaining epochs at the mean epoch time so far (early stopping may end it
 *     sooner); else null
 */
public record RunInfo(
        Long id,
        String owner,
        long datasetId,
        String template,
        RunStatus status,
        double progress,
        int epoch,
        int epochs,
        int bestEpoch,
        Integer keptEpoch,
        EpochMetrics kept,
        int epochsTrained,
        Boolean keptLastEpoch,
        boolean stoppedEarly,
        StopReason stopReason,
        int queuePosition,
        String backend,
        java.util.Map<String, Double> metrics,
        EpochMetrics latest,
        String error,
        String message,
        Long etaSeconds,
        List<EpochMetrics> history,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        org.deeprounds.models.NetworkSpec spec,
        String node,
        List<RunHistoryEntry> events,
        RunProvenance provenance) {}
