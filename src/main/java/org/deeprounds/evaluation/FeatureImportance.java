package org.deeprounds.evaluation;

/**
 * Permutation importance of one column on the test split: how much the AUC (binary) or accuracy (multi-class)
 * drops when that column's values are shuffled among the test patients, averaged over repeats.
 */
public record FeatureImportance(String feature, double drop, double spread) {}
