package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Batches keep each image with its own label, cover every example once per epoch, and replay for a seed. */
class BatcherTest {

    /** Ten 1x2x2 "images" whose pixels all equal their index; the label is index % 2. */
    static DataSet tenImages() {
        var features = Nd4j.create(DataType.FLOAT, 10, 1, 2, 2);
        var labels = Nd4j.zeros(DataType.FLOAT, 10, 2);
        for (int i = 0; i < 10; i++) {
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(i);
            labels.putScalar(i, i % 2, 1.0);
        }
        return new DataSet(features, labels);
    }

    @Test
    void every_example_comes_once_with_its_label_in_the_networks_layout() {
        var batches = new Batcher(tenImages()).epoch(7, 4);
        var seen = new ArrayList<Integer>();
        var sizes = new ArrayList<Long>();
        while (batches.hasNext()) {
            var batch = batches.next();
            sizes.add(batch.getFeatures().size(0));
            assertThat(batch.getFeatures().shape())
                    .containsExactly(batch.getFeatures().size(0), 1, 2, 2);
            for (int row = 0; row < batch.getFeatures().size(0); row++) {
                var image = batch.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.point(row));
                int index = (int) image.getDouble(0);
                assertThat(image.minNumber().intValue()).isEqualTo(index);
                assertThat(image.maxNumber().intValue()).isEqualTo(index);
                assertThat(batch.getLabels().getDouble(row, index % 2)).isEqualTo(1.0);
                seen.add(index);
            }
        }
        assertThat(sizes).containsExactly(4L, 4L, 2L);
        assertThat(new HashSet<>(seen)).hasSize(10);
        assertThat(seen).isNotEqualTo(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void the_order_is_fixed_by_the_seed_and_changes_with_it() {
        assertThat(Batcher.permutation(50, 1)).containsExactly(Batcher.permutation(50, 1));
        assertThat(Batcher.permutation(50, 1)).isNotEqualTo(Batcher.permutation(50, 2));
    }
}
