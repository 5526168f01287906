package org.deeprounds.datasets.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprounds.datasets.io.NpyArray;

/**
 * SYNTHETIC chest-film-like images, 28 x 28 greyscale, written as a MedMNIST-style {@code .npz}: a bright body
 * outline, a brighter mediastinum, two dark lung fields and faint ribs; class 1 adds a focal opacity (a bright,
 * soft blob) in one lung. Every image varies in position, size, exposure and noise. Deterministic for a seed.
 */
public final class SyntheticChestFilms {

    public static final int SIZE = 28;

    private SyntheticChestFilms() {}

    /**
     * How the films differ from the plain set, for the lessons on failure.
     *
     * <ul>
     *   <li>{@code SHORTCUT}: in the training and validation splits 90% of films with an opacity (and 10% of normal
     *       ones) carry a bright "portable film" marker in the top-left corner, and the opacity is fainter; in the test
     *       split the marker is on a random half of the films, whatever they show. A network that learned the marker
     *       looks excellent on validation and fails on test.
     *   <li>{@code SHIFTED}: the test films come from a "second hospital": under half the exposure and 4.5 times the
     *       noise (the imaging CNN's test AUC falls from about 1.0 on validation to about 0.87).
     * </ul>
     */
    public enum Variant {
        PLAIN,
        SHORTCUT,
        SHIFTED
    }

    /** Writes train/val/test arrays with balanced classes (0 = normal, 1 = opacity). */
    public static void writeNpz(OutputStream out, int train, int validation, int test, long seed) throws IOException {
        writeNpz(out, train, validation, test, seed, Variant.PLAIN);
    }

    /** Writes train/val/test arrays of a variant, balanced classes (0 = normal, 1 = opacity). */
    public static void writeNpz(OutputStream out, int train, int validation, int test, long seed, Variant variant)
            throws IOException {
        var random = new Random(seed);
        try (var zip = new ZipOutputStream(out)) {
            int[] counts = {train, validation, test};
            String[] prefixes = {"train", "val", "test"};
            for (int s = 0; s < 3; s++) {
                var labels = new int[counts[s]];
                var pixels = new byte[counts[s] * SIZE * SIZE];
                for (int i = 0; i < counts[s]; i++) {
                    labels[i] = i % 2;
                    boolean opacity = labels[i] == 1;
                    boolean testSplit = s == 2;
                    var look = switch (variant) {
                        case PLAIN -> Look.PLAIN;
                        case SHORTCUT ->
                            new Look(
                                    testSplit ? random.nextBoolean() : random.nextDouble() < (opacity ? 0.9 : 0.1),
                                    70,
                                    1,
                                    10,
                                    1);
                        case SHIFTED -> testSplit ? new Look(false, 110, 0.45, 45, 1) : Look.PLAIN;
                    };
                    draw(random, opacity, pixels, i * SIZE * SIZE, look);
                }
                entry(
                        zip,
                        prefixes[s] + "_images.npy",
                        NpyArray.encode("|u1", "(" + counts[s] + ", " + SIZE + ", " + SIZE + ")", pixels));
                var labelBytes = new byte[counts[s]];
                for (int i = 0; i < counts[s]; i++) {
                    labelBytes[i] = (byte) labels[i];
                }
                entry(zip, prefixes[s] + "_labels.npy", NpyArray.encode("|u1", "(" + counts[s] + ", 1)", labelBytes));
            }
        }
    }

    /** Marker in the corner, opacity brightness, exposure factor, noise. */
    record Look(boolean marker, double opacityBrightness, double exposureFactor, double noise, double zoom) {
        static final Look PLAIN = new Look(false, 110, 1, 10, 1);
    }

    static void draw(Random random, boolean opacity, byte[] into, int offset) {
        draw(random, opacity, into, offset, Look.PLAIN);
    }

    static void draw(Random random, boolean opacity, byte[] into, int offset, Look look) {
        double cx = SIZE / 2.0 + random.nextGaussian() * 0.8;
        double cy = SIZE / 2.0 + random.nextGaussian() * 0.8;
        double scale = (1 + random.nextGaussian() * 0.05) * look.zoom();
        double exposure = (0.9 + random.nextDouble() * 0.2) * look.exposureFactor();
        int side = random.nextBoolean() ? -1 : 1;
        double blobX = cx + side * (5.5 + random.nextDouble() * 2) * scale;
        double blobY = cy + (random.nextDouble() * 8 - 4) * scale;
        double blobR = 2.0 + random.nextDouble() * 1.5;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double dx = (x - cx) / scale;
                double dy = (y - cy) / scale;
                double v = 20;
                if (ellipse(dx, dy, 12.5, 13.5)) {
                    v = 150; // soft tissue of the chest
                }
                if (ellipse(dx + 5.5, dy, 4.3, 9.5) || ellipse(dx - 5.5, dy, 4.3, 9.5)) {
                    v = 55; // air-filled lungs are dark on a film
                    if (((int) Math.round(dy + 20)) % 4 == 0) {
                        v += 25; // ribs
                    }
                }
                if (Math.abs(dx) < 1.8 && dy > -8) {
                    v = 205; // mediastinum and spine
                }
                if (opacity) {
                    double d2 = ((x - blobX) * (x - blobX) + (y - blobY) * (y - blobY)) / (blobR * blobR);
                    v += look.opacityBrightness() * Math.exp(-d2);
                }
                v = v * exposure + random.nextGaussian() * look.noise();
                if (look.marker() && x >= 1 && x <= 4 && y >= 1 && y <= 4) {
                    v = 250; // the portable film's marker, burnt in
                }
                into[offset + y * SIZE + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
    }

    private static boolean ellipse(double dx, double dy, double rx, double ry) {
        return (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) <= 1;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
