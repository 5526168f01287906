package org.deeprounds.training;

import java.time.Instant;

/**
 * One line of a run's history: when, on which node (null for a person's action on a web page), what. Field names are
 * part of {@code GET /api/v1/runs/{id}} ({@code events}).
 */
public record RunHistoryEntry(Instant at, String node, String text) {}
