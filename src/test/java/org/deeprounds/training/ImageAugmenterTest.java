package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.InputShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The augmenter on known images: exact flips and whole-pixel shifts, identity when everything is off, values kept in
 * 0..1, edges filled from the image rather than black, and the same seed, epoch and batch giving the same images.
 */
class ImageAugmenterTest {

    static final int SIZE = 9;
    static final int IMAGES = 64;
    static final InputShape GREY = InputShape.image(SIZE, SIZE, 1);
    static final Augmentation OFF = new Augmentation(false, 0, 0, 0, 0, 0);
    static final Augmentation EVERYTHING = new Augmentation(true, 30, 0.2, 0.5, 0.5, 0.2);

    @Test
    void with_every_change_at_zero_the_images_come_back_bit_for_bit() {
        var images = randomImages(IMAGES, 1, 1);

        var out = new ImageAugmenter(OFF, GREY).augment(images, new SplittableRandom(1));

        assertThat(out).isEqualTo(images).isNotSameAs(images);
    }

    @Test
    void a_flip_mirrors_exactly_and_about_half_the_images_are_flipped() {
        var images = randomImages(IMAGES, 1, 2);
        var flipOnly = new Augmentation(true, 0, 0, 0, 0, 0);

        var out = new ImageAugmenter(flipOnly, GREY).augment(images, new SplittableRandom(2));

        int flipped = 0;
        for (int i = 0; i < IMAGES; i++) {
            var before = image(images, i, 1);
            var after = image(out, i, 1);
            if (Arrays.equals(after, mirror(before, 1))) {
                flipped++;
            } else {
                assertThat(after)
                        .as("image %d: either mirrored or unchanged", i)
                        .isEqualTo(before);
            }
        }
        assertThat(flipped).isBetween(IMAGES / 4, 3 * IMAGES / 4);
    }

    @Test
    void a_shift_moves_by_whole_pixels_within_the_limit_and_fills_from_the_edge() {
        var images = randomImages(IMAGES, 1, 3);
        double limit = 0.2;
        var shiftOnly = new Augmentation(false, 0, limit, 0, 0, 0);

        var out = new ImageAugmenter(shiftOnly, GREY).augment(images, new SplittableRandom(3));

        int maxPixels = (int) Math.round(limit * SIZE);
        int moved = 0;
        for (int i = 0; i < IMAGES; i++) {
            var before = image(images, i, 1);
            var after = image(out, i, 1);
            boolean matched = false;
            for (int dy = -maxPixels; dy <= maxPixels && !matched; dy++) {
                for (int dx = -maxPixels; dx <= maxPixels && !matched; dx++) {
                    if (Arrays.equals(after, shifted(before, dx, dy))) {
                        matched = true;
                        moved += dx != 0 || dy != 0 ? 1 : 0;
                    }
                }
            }
            assertThat(matched)
                    .as("image %d is a whole-pixel shift of at most %d pixels", i, maxPixels)
                    .isTrue();
        }
        assertThat(moved).isGreaterThan(IMAGES / 2);
    }

    @Test
    void rotation_turns_about_the_centre_and_a_uniform_film_stays_uniform() {
        var augmenter = new ImageAugmenter(new Augmentation(false, 30, 0, 0, 0, 0), GREY);
        var image = image(randomImages(1, 1, 4), 0, 1);
        var out = new float[image.length];

        augmenter.rotate(image, out, 0, false, Math.PI / 2, 0, 0);

        // A quarter turn on an odd-sized grid lands every pixel on another: out(x, y) = in(y, size-1-x).
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertThat(out[y * SIZE + x]).isCloseTo(image[(SIZE - 1 - x) * SIZE + y], within(1e-5f));
            }
        }
        var uniform = new float[SIZE * SIZE * 8];
        Arrays.fill(uniform, 0.4f);
        var turned = augmenter.augment(uniform, new SplittableRandom(4));
        for (float v : turned) {
            assertThat(v)
                    .as("no black corners: pixels from outside come from the edge")
                    .isCloseTo(0.4f, within(1e-6f));
        }
    }

    @Test
    void brightness_contrast_and_noise_change_values_as_described_and_stay_in_0_to_1() {
        var midGrey = randomImages(IMAGES, 1, 5);
        for (int i = 0; i < midGrey.length; i++) {
            midGrey[i] = 0.4f + 0.2f * midGrey[i];
        }
        var brightness = new ImageAugmenter(new Augmentation(false, 0, 0, 0.1, 0, 0), GREY)
                .augment(midGrey, new SplittableRandom(5));
        var contrast = new ImageAugmenter(new Augmentation(false, 0, 0, 0, 0.5, 0), GREY)
                .augment(midGrey, new SplittableRandom(5));
        var noise = new ImageAugmenter(new Augmentation(false, 0, 0, 0, 0, 0.05), GREY)
                .augment(midGrey, new SplittableRandom(5));

        for (int i = 0; i < IMAGES; i++) {
            var before = image(midGrey, i, 1);
            var lighter = image(brightness, i, 1);
            double delta = lighter[0] - before[0];
            assertThat(Math.abs(delta)).isLessThanOrEqualTo(0.1 + 1e-6);
            for (int p = 0; p < before.length; p++) {
                assertThat(lighter[p] - before[p]).as("one offset per image").isCloseTo((float) delta, within(1e-5f));
            }
            var scaled = image(contrast, i, 1);
            assertThat(mean(scaled))
                    .as("contrast is scaled around the image's mean")
                    .isCloseTo(mean(before), within(1e-5));
            int far = farthestFromMean(before);
            double factor = (scaled[far] - mean(scaled)) / (before[far] - mean(before));
            assertThat(factor).isBetween(0.5 - 1e-4, 1.5 + 1e-4);
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < midGrey.length; i++) {
            double d = noise[i] - midGrey[i];
            sum += d;
            squares += d * d;
        }
        double sd = Math.sqrt(squares / midGrey.length - Math.pow(sum / midGrey.length, 2));
        assertThat(sd).as("noise SD").isCloseTo(0.05, within(0.005));

        var extremes = randomImages(IMAGES, 3, 6);
        for (int i = 0; i < extremes.length; i += 7) {
            extremes[i] = i % 2 == 0 ? 0f : 1f;
        }
        var out = new ImageAugmenter(EVERYTHING, InputShape.image(SIZE, SIZE, 3))
                .augment(extremes, new SplittableRandom(6));
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(out).isNotEqualTo(extremes);
    }

    @Test
    void the_same_seed_epoch_and_batch_give_the_same_images_and_the_batch_itself_is_untouched() {
        var images = randomImages(16, 1, 7);
        var batch = new DataSet(Nd4j.create(images, new long[] {16, 1, SIZE, SIZE}, 'c'), Nd4j.zeros(16, 2));
        var original = batch.getFeatures().dup();
        var augmenter = new ImageAugmenter(EVERYTHING, GREY);

        var first = augmenter.training(batch, 42, 3, 5).getFeatures();
        var again = augmenter.training(batch, 42, 3, 5).getFeatures();
        var nextEpoch = augmenter.training(batch, 42, 4, 5).getFeatures();
        var nextBatch = augmenter.training(batch, 42, 3, 6).getFeatures();
        var otherSeed = augmenter.training(batch, 43, 3, 5).getFeatures();

        assertThat(first.shape()).isEqualTo(original.shape());
        assertThat(values(again)).isEqualTo(values(first));
        assertThat(values(nextEpoch)).isNotEqualTo(values(first));
        assertThat(values(nextBatch)).isNotEqualTo(values(first));
        assertThat(values(otherSeed)).isNotEqualTo(values(first));
        assertThat(values(batch.getFeatures()))
                .as("the split's own batch is not changed")
                .isEqualTo(values(original))
                .isEqualTo(images);
    }

    @Test
    void a_design_without_augmentation_or_without_images_gets_no_augmenter() {
        var films = org.deeprounds.models.Templates.create("imaging-cnn", GREY, 2);
        var table = org.deeprounds.models.Templates.create("ehr-mlp", InputShape.tabular(5), 2);

        assertThat(ImageAugmenter.of(films)).isNull();
        assertThat(ImageAugmenter.of(films.withAugmentation(OFF))).isNull();
        assertThat(ImageAugmenter.of(films.withAugmentation(EVERYTHING))).isNotNull();
        assertThat(ImageAugmenter.of(table.withAugmentation(EVERYTHING))).isNull();
        assertThat(ImageAugmenter.provenance(films)).isNull();
        assertThat(ImageAugmenter.provenance(films.withAugmentation(EVERYTHING)))
                .containsEntry("rotationDegrees", 30.0)
                .containsEntry(
                        "description",
                        "flip left-right, rotate up to ±30°, shift up to ±20%, brightness ±50%, contrast ±50%,"
                                + " noise (SD 20%)");
    }

    static float[] randomImages(int count, int channels, long seed) {
        var random = new Random(seed);
        var out = new float[count * channels * SIZE * SIZE];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextFloat();
        }
        return out;
    }

    static float[] image(float[] images, int index, int channels) {
        int size = channels * SIZE * SIZE;
        return Arrays.copyOfRange(images, index * size, (index + 1) * size);
    }

    static float[] mirror(float[] image, int channels) {
        var out = new float[image.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    out[c * SIZE * SIZE + y * SIZE + x] = image[c * SIZE * SIZE + y * SIZE + (SIZE - 1 - x)];
                }
            }
        }
        return out;
    }

    /** Moved right by dx and down by dy, pixels from outside taken from the nearest edge. */
    static float[] shifted(float[] image, int dx, int dy) {
        var out = new float[image.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sx = Math.min(SIZE - 1, Math.max(0, x - dx));
                int sy = Math.min(SIZE - 1, Math.max(0, y - dy));
                out[y * SIZE + x] = image[sy * SIZE + sx];
            }
        }
        return out;
    }

    static float[] values(org.nd4j.linalg.api.ndarray.INDArray array) {
        return array.dup('c').data().asFloat();
    }

    static int farthestFromMean(float[] values) {
        double mean = mean(values);
        int far = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - mean) > Math.abs(values[far] - mean)) {
                far = i;
            }
        }
        return far;
    }

    static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
