package org.deeprounds.models;

import java.util.List;

/**
 * Like Keras' {@code model.summary()}: each layer's output shape and parameter count, the total, and an estimate
 * of the memory training needs.
 */
public record ModelSummary(List<Row> rows, long totalParameters, long estimatedMemoryBytes) {

    /** One layer: its number (1-based), what it is, what comes out of it, how many weights it learns. */
    public record Row(int layer, String description, String outputShape, long parameters) {}
}
