package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.Histogram;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The figures read in Java are ND4J's own, for whole arrays and for the views DL4J hands a listener. */
class ArrayStatsTest {

    @Test
    void whole_arrays_give_nd4js_mean_spread_magnitude_and_range() {
        Nd4j.getRandom().setSeed(7);
        var array = Nd4j.randn(DataType.FLOAT, 64, 20, 6, 6).muli(0.3).addi(0.05);
        assertMatchesNd4j(array);
    }

    @Test
    void views_read_exactly_their_own_values() {
        Nd4j.getRandom().setSeed(8);
        // A layer's weights are a view into the network's single parameter vector.
        var parameters = Nd4j.randn(DataType.FLOAT, 1, 10_000);
        var weights = parameters
                .get(NDArrayIndex.point(0), NDArrayIndex.interval(1_000, 5_000))
                .reshape('f', 50, 80);
        assertMatchesNd4j(weights);
        var rows = Nd4j.randn(DataType.FLOAT, 100, 30).get(NDArrayIndex.interval(10, 20));
        assertMatchesNd4j(rows);
        // Not one contiguous range: copied first.
        var column = Nd4j.randn(DataType.FLOAT, 40, 30).getColumn(3);
        assertMatchesNd4j(column);
        assertMatchesNd4j(Nd4j.randn(DataType.DOUBLE, 30, 30));
    }

    @Test
    void histograms_count_as_nd4js_histogram_op() {
        Nd4j.getRandom().setSeed(9);
        var array = Nd4j.randn(DataType.FLOAT, 300, 70);
        var values = ArrayStats.values(array);
        var histogram = ArrayStats.histogram(values, ArrayStats.moments(values, 1), 20);
        var op = new Histogram(array, 20);
        Nd4j.exec(op);
        var expected = op.getOutputArgument(0);
        for (int bin = 0; bin < 20; bin++) {
            assertThat(histogram.getBinCounts()[bin]).as("bin " + bin).isEqualTo((int) expected.getDouble(bin));
        }
        assertThat(histogram.getMin()).isEqualTo(array.minNumber().doubleValue());
        assertThat(histogram.getMax()).isEqualTo(array.maxNumber().doubleValue());
    }

    @Test
    void a_light_reports_sample_estimates_the_whole_array_closely() {
        Nd4j.getRandom().setSeed(10);
        var array = Nd4j.randn(DataType.FLOAT, 800, 500).muli(0.05);
        var values = ArrayStats.values(array);
        int stride = ArrayStats.stride(array.length(), SnapshotStatsListener.LIGHT_VALUES);
        var sampled = ArrayStats.moments(values, stride);
        assertThat(sampled.count()).isBetween(4_000L, 4_096L);
        var all = ArrayStats.moments(values, 1);
        assertThat(sampled.stdev()).isCloseTo(all.stdev(), within(all.stdev() * 0.05));
        assertThat(sampled.meanMagnitude()).isCloseTo(all.meanMagnitude(), within(all.meanMagnitude() * 0.05));
    }

    private static void assertMatchesNd4j(INDArray array) {
        var moments = ArrayStats.moments(ArrayStats.values(array), 1);
        double scale = array.norm2Number().doubleValue() / Math.sqrt(array.length());
        assertThat(moments.count()).isEqualTo(array.length());
        assertThat(moments.mean()).isCloseTo(array.meanNumber().doubleValue(), within(1e-5 * scale));
        assertThat(moments.stdev()).isCloseTo(array.stdNumber().doubleValue(), within(1e-5 * scale));
        assertThat(moments.meanMagnitude())
                .isCloseTo(array.norm1Number().doubleValue() / array.length(), within(1e-5 * scale));
        assertThat(moments.min()).isEqualTo(array.minNumber().doubleValue(), within(1e-7));
        assertThat(moments.max()).isEqualTo(array.maxNumber().doubleValue(), within(1e-7));
    }
}
