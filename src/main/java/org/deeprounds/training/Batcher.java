package org.deeprounds.training;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cuts a split into shuffled mini-batches: one native gather per batch straight from the split's arrays, with no copy
 * of the whole split and no per-example objects (the usual {@code DataSet.asList()} route allocates one per example).
 */
final class Batcher {

    private final INDArray rows;
    private final INDArray labels;
    private final long[] shape;

    Batcher(DataSet split) {
        var features = split.getFeatures();
        this.shape = features.shape();
        // Each example as one row: a view, since the split's features are one C-ordered block.
        this.rows = features.reshape('c', shape[0], features.length() / Math.max(1, shape[0]));
        this.labels = split.getLabels();
    }

    /** The batches of one epoch, in an order fixed by {@code seed}. */
    Iterator<DataSet> epoch(long seed, int batchSize) {
        var order = permutation((int) shape[0], seed);
        return new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from < order.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                var picked = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                from += picked.length;
                var batchShape = shape.clone();
                batchShape[0] = picked.length;
                var features = Nd4j.pullRows(rows, 1, picked).reshape('c', batchShape);
                return new DataSet(features, Nd4j.pullRows(labels, 1, picked));
            }
        };
    }

    /** Fisher-Yates over 0..n-1 with a seeded generator. */
    static int[] permutation(int n, long seed) {
        var random = new SplittableRandom(seed);
        var order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
