package org.deeprounds.evaluation;

import java.util.Map;

/** One test case as {@code GET /api/v1/runs/{id}/predictions} returns it: its id, truth and predicted probabilities. */
public record Prediction(String caseId, String trueLabel, Map<String, Double> probabilities) {}
