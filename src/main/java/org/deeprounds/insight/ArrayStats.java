package org.deeprounds.insight;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.ui.model.stats.api.Histogram;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Mean, spread, mean magnitude, range and histogram of an array's values, read in place in one pass. A report needs
 * these for about forty arrays; as ND4J reductions, each cost more in call overhead than in arithmetic and together
 * they slowed a lesson-length run by half. The figures are ND4J's own ({@code meanNumber}, bias-corrected {@code
 * stdNumber}, {@code norm1Number / length}, its {@code Histogram} op), which DL4J's UI shows.
 *
 * <p>A {@code stride} above 1 reads every stride-th value only: an estimate from values spread evenly over the array,
 * for the light per-iteration reports; snapshots read every value.
 */
final class ArrayStats {

    /** The summary of one array. {@code stdev} is the sample standard deviation (n - 1), as ND4J computes it. */
    record Moments(long count, double mean, double stdev, double meanMagnitude, double min, double max) {}

    private ArrayStats() {}

    /** The array's values in memory order, read in place; a view that is not one contiguous range is copied first. */
    static FloatBuffer values(INDArray array) {
        var contiguous = array.dataType() == DataType.FLOAT && Shape.isContiguousInBuffer(array)
                ? array
                : array.castTo(DataType.FLOAT).dup('c');
        long length = contiguous.length();
        // Exactly this array's range: a parameter is a view into the network's single parameter buffer, whose own
        // length runs to that buffer's end. A view's buffer starts at the view's first value.
        var pointer = new FloatPointer(contiguous.data().addressPointer());
        pointer.position(0).capacity(length).limit(length);
        return pointer.asBuffer();
    }

    /** The stride that reads at most {@code limit} values of {@code length}, spread evenly. */
    static int stride(long length, int limit) {
        return (int) Math.max(1, (length + limit - 1) / limit);
    }

    static Moments moments(FloatBuffer values, int stride) {
        double sum = 0;
        double squares = 0;
        double absolute = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long n = 0;
        int length = values.limit();
        for (int i = 0; i < length; i += stride) {
            double v = values.get(i);
            sum += v;
            squares += v * v;
            absolute += Math.abs(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double variance = n < 2 ? 0 : Math.max(0, (squares - sum * mean) / (n - 1));
        return new Moments(n, mean, Math.sqrt(variance), absolute / n, min, max);
    }

    /** Equal-width bins from the smallest to the largest value; the largest falls in the last bin. */
    static Histogram histogram(FloatBuffer values, Moments moments, int bins) {
        var counts = new int[bins];
        double min = moments.min();
        double scale = bins / (moments.max() - min);
        int length = values.limit();
        for (int i = 0; i < length; i++) {
            int bin = Double.isFinite(scale) ? (int) ((values.get(i) - min) * scale) : 0;
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(moments.min(), moments.max(), bins, counts);
    }
}
