package org.deeprounds.datasets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Duplicates;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.PublishedResult;
import org.deeprounds.datasets.model.Task;

/**
 * A dataset as the API and views show it. Field names are an API contract ({@code GET /api/v1/datasets/{id}}).
 *
 * @param shared true for the shared library, false for a trainee's private dataset
 * @param duplicates rows or sequences with identical content, and whether their labels disagree; null for images and
 *     datasets imported before the check existed
 * @param suggestedColumnTypes table columns the import suggests another type for (whole numbers with a few values:
 *     {@code CATEGORICAL}), by column; accepted with {@code PUT /api/v1/datasets/{id}/column-types}; empty for none
 */
public record DatasetInfo(
        Long id,
        String name,
        Modality modality,
        Task task,
        List<String> classes,
        String positiveClass,
        Map<String, DatasetSummary.SplitSummary> splits,
        String licence,
        String provenance,
        String citation,
        boolean synthetic,
        boolean shared,
        String owner,
        String format,
        String fileName,
        long sizeBytes,
        String sha256,
        String splitMethod,
        Instant createdAt,
        PublishedResult publishedResult,
        Duplicates duplicates,
        Map<String, ColumnType> suggestedColumnTypes) {}
