package org.deeprounds.models;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.nd4j.linalg.activations.Activation;

/**
 * How an image or a sequence becomes one flat list of values in DL4J, for an explicit {@link LayerSpec.Flatten} and
 * for a dense or output layer placed straight after a convolution.
 *
 * <p>Images: DL4J's {@code CnnToFeedForwardPreProcessor} (what {@code setInputType} adds before a dense layer anyway).
 * Sequences: DL4J would add {@code RnnToFeedForwardPreProcessor}, which treats every position as a separate case and
 * so applies the dense layer to each position alone; flattening must instead hand the whole channels x length grid of
 * one case to the dense layer. {@code KerasFlattenRnnPreprocessor} (in deeplearning4j-nn 1.0.0-M2.1) does exactly that
 * for our N x C x L layout: a 'c'-order reshape to N x (C*L), and back for the gradients.
 *
 * <p>An explicit flatten is an identity {@code ActivationLayer} carrying the reshape, so spec layer i stays DL4J layer
 * i (the summary, the layer statistics and the probes count layers that way).
 */
final class Flattening {

    private Flattening() {}

    /** The DL4J layer of an explicit flatten: no weights, no change to the values. */
    static Layer layer() {
        return new ActivationLayer.Builder().activation(Activation.IDENTITY).build();
    }

    /** The reshape this layer needs in front of it, or null when DL4J's own choice is right. */
    static InputPreProcessor preProcessor(LayerSpec layer, ShapeWalker.Shape input) {
        boolean flattens = layer instanceof LayerSpec.Flatten
                || ((layer instanceof LayerSpec.Dense || layer instanceof LayerSpec.Output)
                        && input.kind() == InputShape.Kind.SEQUENCE);
        if (!flattens) {
            return null;
        }
        return switch (input.kind()) {
            case IMAGE -> new CnnToFeedForwardPreProcessor(input.height(), input.width(), input.channels());
            case SEQUENCE -> new KerasFlattenRnnPreprocessor(input.channels(), input.length());
            case TABULAR -> null;
        };
    }

    /**
     * DL4J 1.0.0-M2.1's list builder sets a dense layer that follows a {@code Convolution1DLayer} to as many inputs as
     * the network's input sequence is long, whatever reaches it; after the reshape it must take all C*L values.
     */
    static void fixInputSize(Layer layer, ShapeWalker.Shape input) {
        if (layer instanceof FeedForwardLayer feedForward && input.kind() != InputShape.Kind.TABULAR) {
            feedForward.setNIn(input.values());
        }
    }
}
