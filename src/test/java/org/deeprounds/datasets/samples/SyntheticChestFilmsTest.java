package org.deeprounds.datasets.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The failure-lesson variants differ from the plain films exactly where the lessons say. */
class SyntheticChestFilmsTest {

    static final int N = 400;

    @Test
    void the_shortcut_marker_follows_the_label_in_training_and_validation_but_not_in_test() throws IOException {
        var arrays = write(SyntheticChestFilms.Variant.SHORTCUT);
        for (var split : new String[] {"train", "val"}) {
            assertThat(markerShare(arrays, split, 1)).as(split).isGreaterThan(0.8);
            assertThat(markerShare(arrays, split, 0)).as(split).isLessThan(0.2);
        }
        assertThat(markerShare(arrays, "test", 1)).isBetween(0.35, 0.65);
        assertThat(markerShare(arrays, "test", 0)).isBetween(0.35, 0.65);
        var plain = write(SyntheticChestFilms.Variant.PLAIN);
        assertThat(markerShare(plain, "train", 1)).isZero();
    }

    @Test
    void the_shifted_test_films_are_darker_than_the_training_films() throws IOException {
        var arrays = write(SyntheticChestFilms.Variant.SHIFTED);
        assertThat(meanBrightness(arrays, "test")).isLessThan(meanBrightness(arrays, "train") * 0.8);
        assertThat(meanBrightness(arrays, "val"))
                .isCloseTo(meanBrightness(arrays, "train"), org.assertj.core.data.Percentage.withPercentage(5));
    }

    private static Map<String, byte[]> write(SyntheticChestFilms.Variant variant) throws IOException {
        var out = new ByteArrayOutputStream();
        SyntheticChestFilms.writeNpz(out, N, N, N, 7, variant);
        var arrays = new HashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                var bytes = zip.readAllBytes();
                int header = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
                arrays.put(
                        entry.getName().replace(".npy", ""),
                        java.util.Arrays.copyOfRange(bytes, 10 + header, bytes.length));
            }
        }
        return arrays;
    }

    /** Share of films of this label whose top-left corner is burnt white. */
    private static double markerShare(Map<String, byte[]> arrays, String split, int label) {
        var images = arrays.get(split + "_images");
        var labels = arrays.get(split + "_labels");
        int size = SyntheticChestFilms.SIZE * SyntheticChestFilms.SIZE;
        int marked = 0;
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                count++;
                int corner = images[i * size + 2 * SyntheticChestFilms.SIZE + 2] & 0xFF;
                marked += corner >= 240 ? 1 : 0;
            }
        }
        return (double) marked / count;
    }

    private static double meanBrightness(Map<String, byte[]> arrays, String split) {
        var images = arrays.get(split + "_images");
        double sum = 0;
        for (byte b : images) {
            sum += b & 0xFF;
        }
        return sum / images.length;
    }
}
