package org.deeprounds.training;

/**
 * What one epoch achieved: loss on the training batches, loss and accuracy on the validation split, and for binary
 * tasks the validation AUC (null otherwise).
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double validationLoss,
        double validationAccuracy,
        Double validationAuc,
        long millis) {}
