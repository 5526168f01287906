package org.deeprounds.datasets.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Split;

/** Pixel statistics per split and a few preview images per class and split, gathered one image at a time. */
final class ImageStats {

    static final int PREVIEWS_TRAIN = 8;
    static final int PREVIEWS_OTHER = 4;

    private final ScanContext context;
    private final List<String> classes;
    private final Map<Split, double[]> sums = new HashMap<>();
    private final Map<Split, int[]> extremes = new HashMap<>();
    private final Map<String, Integer> previewCounts = new HashMap<>();
    private final List<DatasetSummary.PreviewImage> previews = new ArrayList<>();

    ImageStats(ScanContext context, List<String> classes) {
        this.context = context;
        this.classes = classes;
    }

    /** Adds one image given as interleaved bytes (H x W x C, C = 1 or 3). */
    void add(Split split, int label, byte[] pixels, int height, int width, int channels) throws IOException {
        var sum = sums.computeIfAbsent(split, s -> new double[3]);
        var ext = extremes.computeIfAbsent(split, s -> new int[] {255, 0});
        for (byte b : pixels) {
            int v = b & 0xFF;
            sum[0] += v;
            sum[1] += (double) v * v;
            if (v < ext[0]) {
                ext[0] = v;
            }
            if (v > ext[1]) {
                ext[1] = v;
            }
        }
        sum[2] += pixels.length;
        var key = split.key() + "-" + label;
        int shown = previewCounts.getOrDefault(key, 0);
        if (shown < (split == Split.TRAIN ? PREVIEWS_TRAIN : PREVIEWS_OTHER)) {
            previewCounts.put(key, shown + 1);
            var file = key + "-" + shown + ".png";
            ImageIO.write(
                    toImage(pixels, height, width, channels),
                    "png",
                    context.previewDir().resolve(file).toFile());
            previews.add(new DatasetSummary.PreviewImage(split.key(), classes.get(label), file));
        }
    }

    static BufferedImage toImage(byte[] pixels, int height, int width, int channels) {
        var image = new BufferedImage(
                width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * channels;
                if (channels == 1) {
                    image.getRaster().setSample(x, y, 0, pixels[i] & 0xFF);
                } else {
                    image.setRGB(
                            x, y, ((pixels[i] & 0xFF) << 16) | ((pixels[i + 1] & 0xFF) << 8) | (pixels[i + 2] & 0xFF));
                }
            }
        }
        return image;
    }

    DatasetSummary.ImagingSummary summary(int height, int width, int channels) {
        var stats = new LinkedHashMap<String, DatasetSummary.PixelStats>();
        for (var split : Split.values()) {
            var sum = sums.get(split);
            if (sum != null && sum[2] > 0) {
                double mean = sum[0] / sum[2];
                double std = Math.sqrt(Math.max(0, sum[1] / sum[2] - mean * mean));
                var ext = extremes.get(split);
                stats.put(split.key(), new DatasetSummary.PixelStats(round(mean), round(std), ext[0], ext[1]));
            }
        }
        return new DatasetSummary.ImagingSummary(height, width, channels, stats, List.copyOf(previews));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
