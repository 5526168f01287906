package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Task;

/**
 * MedMNIST {@code .npz} exactly as published: uint8 {@code train_images}, {@code val_images}, {@code test_images}
 * of shape (N,H,W) or (N,H,W,3) and integer labels (N,1) or (N,). The file's own splits are kept. Images are
 * streamed one at a time, so memory does not grow with the file.
 */
final class NpzScanner {

    /**
     * Labels are held in memory while the images are scanned (4 bytes each); MedMNIST's largest split has about
     * 165,000 images.
     */
    static final int MAX_EXAMPLES_PER_SPLIT = 2_000_000;

    private static final String[] PREFIXES = {"train", "val", "test"};
    private static final Split[] SPLITS = {Split.TRAIN, Split.VALIDATION, Split.TEST};

    private NpzScanner() {}

    static DatasetSummary scan(Path file, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        try (var zip = SafeZip.open(file, name, options.maxUncompressedBytes())) {
            int[][] labels = new int[3][];
            for (int s = 0; s < 3; s++) {
                labels[s] = readLabels(zip, entry(zip, PREFIXES[s] + "_labels", name), name);
            }
            int maxLabel =
                    Arrays.stream(labels).flatMapToInt(Arrays::stream).max().orElse(-1);
            var classes = ScanContext.classNames(options.classNames(), maxLabel, name);
            int total = labels[0].length + labels[1].length + labels[2].length;
            var allLabels = new int[total];
            var splits = new Split[total];
            int at = 0;
            for (int s = 0; s < 3; s++) {
                for (int label : labels[s]) {
                    allLabels[at] = label;
                    splits[at++] = SPLITS[s];
                }
            }
            ScanContext.requireEveryClassInTrain(allLabels, splits, classes, name);

            var stats = new ImageStats(context, classes);
            long[] shape = null;
            for (int s = 0; s < 3; s++) {
                var entryName = PREFIXES[s] + "_images";
                var entry = entry(zip, entryName, name);
                try (var in = zip.open(entry)) {
                    var images = NpyArray.open(name + ": " + entryName + ".npy", in);
                    zip.checkDeclared(entry, images.dataBytes(), declared(images, entry));
                    shape = checkImageShape(images, shape, labels[s].length, PREFIXES[s], name);
                    int height = (int) shape[1];
                    int width = (int) shape[2];
                    int channels = shape.length == 4 ? (int) shape[3] : 1;
                    var pixels = new byte[height * width * channels];
                    for (int i = 0; i < labels[s].length; i++) {
                        images.readBytes(pixels);
                        stats.add(SPLITS[s], labels[s][i], pixels, height, width, channels);
                    }
                }
            }
            context.writeSplits(splits);
            int channels = shape.length == 4 ? (int) shape[3] : 1;
            return new DatasetSummary(
                    Modality.IMAGING,
                    Task.forClassCount(classes.size()),
                    "MedMNIST npz",
                    List.copyOf(classes),
                    ScanContext.positiveClass(classes, options.positiveClass(), name),
                    ScanContext.splitSummaries(allLabels, splits, classes),
                    new DatasetSummary.SplitPlan("FILE", null, null, null, null, 0),
                    stats.summary((int) shape[1], (int) shape[2], channels),
                    null,
                    null);
        }
    }

    private static ZipEntry entry(SafeZip zip, String array, String name) {
        return zip.entries().stream()
                .filter(e -> e.getName().equals(array + ".npy"))
                .findFirst()
                .orElseThrow(() -> new DatasetFormatException(name + ": array '" + array + "' is missing; a MedMNIST"
                        + " npz holds train_images, train_labels, val_images, val_labels, test_images, test_labels"
                        + " (found: "
                        + zip.entries().stream().map(ZipEntry::getName).toList() + ")"));
    }

    private static int[] readLabels(SafeZip zip, ZipEntry entry, String name) throws IOException {
        try (var in = zip.open(entry)) {
            var array = NpyArray.open(name + ": " + entry.getName(), in);
            zip.checkDeclared(entry, array.dataBytes(), declared(array, entry));
            var shape = array.shape();
            if (!(shape.length == 1 || (shape.length == 2 && shape[1] == 1))) {
                throw new DatasetFormatException(name + ": " + entry.getName() + " has shape " + Arrays.toString(shape)
                        + "; labels must be (N,) or (N, 1) (multi-label data is not supported)");
            }
            if (!array.isInteger()) {
                throw new DatasetFormatException(
                        name + ": " + entry.getName() + " holds " + array.dtype() + " values; labels must be integers");
            }
            if (shape[0] > MAX_EXAMPLES_PER_SPLIT) {
                throw new DatasetFormatException(name + ": " + entry.getName() + " has shape " + Arrays.toString(shape)
                        + ": more than " + MAX_EXAMPLES_PER_SPLIT + " examples in one split are not supported");
            }
            var labels = new int[(int) shape[0]];
            for (int i = 0; i < labels.length; i++) {
                long value = array.readInteger();
                if (value < 0 || value > 10_000) {
                    throw new DatasetFormatException(name + ": " + entry.getName() + " index " + i + ": label " + value
                            + " is outside the class range (labels are 0, 1, 2, ...)");
                }
                labels[i] = (int) value;
            }
            return labels;
        }
    }

    private static String declared(NpyArray array, ZipEntry entry) {
        return entry.getName() + " shape " + NpyArray.describe(array.shape()) + " of " + array.dtype();
    }

    private static long[] checkImageShape(
            NpyArray images, long[] previous, int labelCount, String prefix, String name) {
        var shape = images.shape();
        var entry = prefix + "_images.npy";
        if (!images.isUint8()) {
            throw new DatasetFormatException(
                    name + ": " + entry + " holds " + images.dtype() + " values; images must be uint8 (0-255)");
        }
        if (!(shape.length == 3 || (shape.length == 4 && (shape[3] == 3 || shape[3] == 1)))) {
            throw new DatasetFormatException(name + ": " + entry + " has shape " + Arrays.toString(shape)
                    + "; expected (N, H, W) grayscale or (N, H, W, 3) RGB");
        }
        if (shape[1] < 4 || shape[2] < 4 || shape[1] > 1024 || shape[2] > 1024) {
            throw new DatasetFormatException(name + ": " + entry + " images are " + shape[1] + "x" + shape[2]
                    + "; expected 4 to 1024 pixels a side");
        }
        if (shape[0] != labelCount) {
            throw new DatasetFormatException(name + ": " + entry + " has " + shape[0] + " images but " + prefix
                    + "_labels.npy has " + labelCount + " labels");
        }
        if (previous != null
                && (previous[1] != shape[1] || previous[2] != shape[2] || previous.length != shape.length)) {
            throw new DatasetFormatException(name + ": " + entry + " images are " + shape[1] + "x" + shape[2]
                    + " but the training images are " + previous[1] + "x" + previous[2]);
        }
        return shape;
    }
}
