package org.deeprounds.models;

import java.util.ArrayList;
import java.util.List;
import org.deeprounds.models.LayerSpec.Padding;

/**
 * Follows the data through a design layer by layer, as DL4J's shape inference would, and says in plain words where
 * it stops making sense (a kernel larger than what reaches it, an LSTM fed a flat list, ...). A dense or output layer
 * after an image or a sequence sees it flattened: every value with its own weight.
 */
final class ShapeWalker {

    /** The shape between two layers. */
    record Shape(InputShape.Kind kind, int height, int width, int channels, int length, int features) {

        static Shape of(InputShape input) {
            return new Shape(
                    input.kind(), input.height(), input.width(), input.channels(), input.length(), input.features());
        }

        String describe() {
            return switch (kind) {
                case IMAGE -> height + " x " + width + " x " + channels;
                case SEQUENCE -> channels + " x " + length;
                case TABULAR -> String.valueOf(features);
            };
        }

        long values() {
            return switch (kind) {
                case IMAGE -> (long) height * width * channels;
                case SEQUENCE -> (long) channels * length;
                case TABULAR -> features;
            };
        }
    }

    private ShapeWalker() {}

    /** The output shape of each layer; problems are collected, not thrown, so all of them are reported. */
    static List<Shape> walk(NetworkSpec spec, List<String> problems) {
        var shapes = new ArrayList<Shape>();
        var shape = Shape.of(spec.input());
        var layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            var layer = layers.get(i);
            var where = "Layer " + (i + 1) + " (" + layer.describe() + "): ";
            Shape next = switch (layer) {
                case LayerSpec.Dense d -> new Shape(InputShape.Kind.TABULAR, 0, 0, 0, 0, d.units());
                case LayerSpec.Output o -> new Shape(InputShape.Kind.TABULAR, 0, 0, 0, 0, spec.classes());
                case LayerSpec.Conv2D c ->
                    conv2d(shape, c.filters(), c.kernel(), c.stride(), c.padding(), where, problems);
                case LayerSpec.Pool2D p ->
                    conv2d(shape, shape.channels(), p.size(), p.stride(), Padding.VALID, where, problems);
                case LayerSpec.Conv1D c ->
                    conv1d(shape, c.filters(), c.kernel(), c.stride(), c.padding(), where, problems);
                case LayerSpec.Pool1D p ->
                    conv1d(shape, shape.channels(), p.size(), p.stride(), Padding.VALID, where, problems);
                case LayerSpec.GlobalPool g -> {
                    if (shape.kind() == InputShape.Kind.TABULAR) {
                        problems.add(where + "global pooling needs an image or a sequence, but its input is a flat list"
                                + " of " + shape.features() + " values; remove it.");
                    }
                    yield new Shape(
                            InputShape.Kind.TABULAR,
                            0,
                            0,
                            0,
                            0,
                            shape.kind() == InputShape.Kind.TABULAR ? shape.features() : shape.channels());
                }
                case LayerSpec.Lstm l -> {
                    if (shape.kind() != InputShape.Kind.SEQUENCE) {
                        problems.add(where + "an LSTM reads a sequence step by step, but its input is "
                                + (shape.kind() == InputShape.Kind.IMAGE ? "an image" : "a flat list of values")
                                + "; use it on DNA or other sequences.");
                    }
                    yield new Shape(InputShape.Kind.SEQUENCE, 0, 0, l.units(), Math.max(1, shape.length()), 0);
                }
                case LayerSpec.Flatten f -> {
                    if (shape.kind() == InputShape.Kind.TABULAR) {
                        problems.add(where + "its input is already a flat list of " + shape.features()
                                + " values; remove it.");
                    }
                    yield flat(shape);
                }
                case LayerSpec.BatchNorm b -> shape;
                case LayerSpec.Dropout d -> shape;
            };
            shapes.add(next);
            shape = next;
        }
        return shapes;
    }

    /** Every value of an image or sequence in one list (a dense layer after a convolution flattens this way too). */
    static Shape flat(Shape in) {
        return new Shape(InputShape.Kind.TABULAR, 0, 0, 0, 0, (int) in.values());
    }

    /**
     * What each layer receives: the input, then the output of the layer before it. A dense or output layer fed an
     * image or a sequence flattens it first, keeping position (not a global pooling, which would forget it).
     */
    static List<Shape> inputs(NetworkSpec spec, List<Shape> outputs) {
        var inputs = new ArrayList<Shape>();
        inputs.add(Shape.of(spec.input()));
        inputs.addAll(outputs.subList(0, Math.max(0, outputs.size() - 1)));
        return inputs;
    }

    private static Shape conv2d(
            Shape in, int filters, int kernel, int stride, Padding padding, String where, List<String> problems) {
        if (in.kind() != InputShape.Kind.IMAGE) {
            problems.add(where + "it slides over an image, but its input is "
                    + (in.kind() == InputShape.Kind.SEQUENCE
                            ? "a sequence; use the 1-D version."
                            : "a flat list of" + " values; use it only before dense layers."));
            return in;
        }
        if (padding == Padding.VALID && (kernel > in.height() || kernel > in.width())) {
            problems.add(where + "its input is only " + in.height() + "x" + in.width()
                    + "; remove a pooling layer before it or use a smaller kernel.");
            return new Shape(InputShape.Kind.IMAGE, 1, 1, filters, 0, 0);
        }
        int h = out(in.height(), kernel, stride, padding);
        int w = out(in.width(), kernel, stride, padding);
        return new Shape(InputShape.Kind.IMAGE, h, w, filters, 0, 0);
    }

    private static Shape conv1d(
            Shape in, int filters, int kernel, int stride, Padding padding, String where, List<String> problems) {
        if (in.kind() != InputShape.Kind.SEQUENCE) {
            problems.add(where + "it slides along a sequence, but its input is "
                    + (in.kind() == InputShape.Kind.IMAGE
                            ? "an image; use the 2-D version."
                            : "a flat list of values."));
            return in;
        }
        if (padding == Padding.VALID && kernel > in.length()) {
            problems.add(where + "its input is only " + in.length()
                    + " positions long; remove a pooling layer before it or use a smaller width.");
            return new Shape(InputShape.Kind.SEQUENCE, 0, 0, filters, 1, 0);
        }
        return new Shape(InputShape.Kind.SEQUENCE, 0, 0, filters, out(in.length(), kernel, stride, padding), 0);
    }

    private static int out(int size, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? (size + stride - 1) / stride : (size - kernel) / stride + 1;
    }
}
