package org.deeprounds.datasets.model;

/**
 * One example ready for a network: features in the network's order (images channel-first C x H x W scaled to 0-1;
 * DNA one-hot 4 x L; tables encoded with training-split statistics) and its class index.
 */
public record Example(float[] features, int label) {

    /** Receives examples one at a time, so a dataset never has to fit in memory. */
    @FunctionalInterface
    public interface Sink {
        void accept(Example example) throws java.io.IOException;
    }
}
