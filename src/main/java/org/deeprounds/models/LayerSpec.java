package org.deeprounds.models;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One layer of a network, as plain data. The {@code type} property names the kind in JSON. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
    @JsonSubTypes.Type(value = LayerSpec.Conv2D.class, name = "conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.Conv1D.class, name = "conv1d"),
    @JsonSubTypes.Type(value = LayerSpec.Pool2D.class, name = "pool2d"),
    @JsonSubTypes.Type(value = LayerSpec.Pool1D.class, name = "pool1d"),
    @JsonSubTypes.Type(value = LayerSpec.GlobalPool.class, name = "globalPool"),
    @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNorm.class, name = "batchNorm"),
    @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.Lstm.class, name = "lstm"),
    @JsonSubTypes.Type(value = LayerSpec.Output.class, name = "output")
})
public sealed interface LayerSpec {

    /** Short name for messages and the summary table, e.g. "convolution 5x5". */
    String describe();

    enum Activation {
        RELU,
        TANH,
        SIGMOID,
        LEAKYRELU,
        IDENTITY
    }

    /** SAME keeps the size (pads the border); VALID only looks where the kernel fits, so the output shrinks. */
    enum Padding {
        SAME,
        VALID
    }

    enum PoolType {
        MAX,
        AVG
    }

    /** Every input connected to every unit. */
    record Dense(int units, Activation activation) implements LayerSpec {
        public String describe() {
            return "dense " + units;
        }
    }

    /** Filters slid over an image; each learns a local pattern (an edge, a texture, an opacity). */
    record Conv2D(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerSpec {
        public String describe() {
            return "convolution " + kernel + "x" + kernel;
        }
    }

    /** Filters slid along a sequence; each learns a motif (e.g. TATAAT). */
    record Conv1D(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerSpec {
        public String describe() {
            return "1-D convolution width " + kernel;
        }
    }

    /** Keeps the strongest (MAX) or average (AVG) value of each window: smaller maps, some position tolerance. */
    record Pool2D(PoolType pool, int size, int stride) implements LayerSpec {
        public String describe() {
            return pool.name().toLowerCase() + " pooling " + size + "x" + size;
        }
    }

    record Pool1D(PoolType pool, int size, int stride) implements LayerSpec {
        public String describe() {
            return pool.name().toLowerCase() + " pooling width " + size;
        }
    }

    /** One value per channel over the whole image or sequence: "is the pattern anywhere?". */
    record GlobalPool(PoolType pool) implements LayerSpec {
        public String describe() {
            return "global " + pool.name().toLowerCase() + " pooling";
        }
    }

    /**
     * Lays an image or sequence out as one long list of values, keeping where each value came from: the dense layer
     * after it gives every position its own weight. A dense layer straight after a convolution flattens the same way.
     */
    record Flatten() implements LayerSpec {
        public String describe() {
            return "flatten";
        }
    }

    /** Re-centres and re-scales each feature per batch, which often makes training faster and steadier. */
    record BatchNorm() implements LayerSpec {
        public String describe() {
            return "batch normalisation";
        }
    }

    /** Switches off a random share of units while training, so the network cannot rely on any single one. */
    record Dropout(double rate) implements LayerSpec {
        public String describe() {
            return "dropout " + Math.round(rate * 100) + "%";
        }
    }

    /** A recurrent layer with memory: reads a sequence step by step. */
    record Lstm(int units, Activation activation) implements LayerSpec {
        public String describe() {
            return "LSTM " + units;
        }
    }

    /** One probability per class (softmax), trained with cross-entropy. */
    record Output() implements LayerSpec {
        public String describe() {
            return "output (softmax)";
        }
    }
}
