package org.deeprounds.training;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API and views show it. Field names are an API contract ({@code GET /api/v1/runs/{id}}).
 *
 * @param progress 0..1
 * @param queuePosition 1-based while queued, else 0
 * @param metrics the latest epoch's metrics ({@code trainLoss}, {@code validationLoss}, and
 *     {@code validationAuc} for binary or {@code validationAccuracy} for multi-class tasks)
 * @param error the reason a run did not complete (diverged, failed, interrupted), else null
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
        int queuePosition,
        String backend,
        java.util.Map<String, Double> metrics,
        String error,
        String message,
        Long etaSeconds,
        List<EpochMetrics> history,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        org.deeprounds.models.NetworkSpec spec) {}
