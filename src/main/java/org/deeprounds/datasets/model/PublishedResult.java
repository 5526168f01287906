package org.deeprounds.datasets.model;

/**
 * What the literature reports for a dataset, to put a trainee's result in context.
 *
 * @param metric "accuracy" or "auc"
 * @param source who reported it, on which split or protocol
 */
public record PublishedResult(String metric, double value, String source) {}
