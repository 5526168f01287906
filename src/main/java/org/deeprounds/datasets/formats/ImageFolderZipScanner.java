package org.deeprounds.datasets.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.deeprounds.datasets.model.Task;

/**
 * A zip of PNG/JPEG images in one folder per class, optionally under {@code train/}, {@code val/} and
 * {@code test/}. Without those folders the split is made here (stratified, seeded). Every image must have the
 * same size; colour and grey images are converted to the first image's kind.
 */
final class ImageFolderZipScanner {

    static final int MAX_SIDE = 1024;
    private static final Set<String> SPLIT_FOLDERS = Set.of("train", "val", "validation", "test");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");

    private ImageFolderZipScanner() {}

    record Item(ZipEntry entry, String label, Split split) {}

    static DatasetSummary scan(Path file, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        try (var zip = SafeZip.open(file, name, options.maxUncompressedBytes())) {
            var items = items(zip, name);
            boolean splitFolders = items.getFirst().split() != null;
            var classes =
                    List.copyOf(new TreeSet<>(items.stream().map(Item::label).toList()));
            if (classes.size() < 2) {
                throw new DatasetFormatException(
                        name + ": only one class folder (" + classes + "); a classifier needs two or more");
            }
            var labels =
                    items.stream().mapToInt(it -> classes.indexOf(it.label())).toArray();
            Split[] splits;
            DatasetSummary.SplitPlan plan;
            if (splitFolders) {
                splits = items.stream().map(Item::split).toArray(Split[]::new);
                plan = new DatasetSummary.SplitPlan("FILE", null, null, null, null, 0);
            } else {
                splits = Splitter.stratified(labels, options.seed(), options.validationRatio(), options.testRatio());
                plan = new DatasetSummary.SplitPlan(
                        "STRATIFIED", options.seed(), options.validationRatio(), options.testRatio(), null, 0);
            }
            ScanContext.requireEveryClassInTrain(labels, splits, classes, name);

            var stats = new ImageStats(context, classes);
            int height = -1;
            int width = -1;
            int channels = -1;
            for (int i = 0; i < items.size(); i++) {
                var entry = items.get(i).entry();
                var image = decode(zip, entry, name);
                if (height < 0) {
                    height = image.getHeight();
                    width = image.getWidth();
                    channels = image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
                } else if (image.getHeight() != height || image.getWidth() != width) {
                    throw new DatasetFormatException(name + ": image '" + entry.getName() + "' is " + image.getWidth()
                            + "x" + image.getHeight() + " but the first image is " + width + "x" + height
                            + "; resize all images to one size");
                }
                stats.add(splits[i], labels[i], pixels(image, channels), height, width, channels);
            }
            context.writeSplits(splits);
            return new DatasetSummary(
                    Modality.IMAGING,
                    Task.forClassCount(classes.size()),
                    "zip of image folders",
                    classes,
                    ScanContext.positiveClass(classes, options.positiveClass(), name),
                    ScanContext.splitSummaries(labels, splits, classes),
                    plan,
                    stats.summary(height, width, channels),
                    null,
                    null);
        }
    }

    /** The images in archive order with their class (and split, when the archive has split folders). */
    static List<Item> items(SafeZip zip, String name) {
        var paths = new ArrayList<String[]>();
        var entries = new ArrayList<ZipEntry>();
        var others = new ArrayList<ZipEntry>();
        for (var entry : zip.entries()) {
            var parts = entry.getName().replace('\\', '/').split("/");
            if (entry.isDirectory() || ignorable(parts)) {
                continue;
            }
            if (isImage(parts[parts.length - 1])) {
                paths.add(parts);
                entries.add(entry);
            } else {
                others.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw new DatasetFormatException(name + ": the archive holds no PNG or JPEG images");
        }
        int skip = commonTopFolder(paths) ? 1 : 0;
        for (var other : others) {
            // A README or licence beside the class folders is fine; anything else inside them is a mistake.
            if (other.getName().split("/").length - skip > 1) {
                throw new DatasetFormatException(name + ": entry '" + other.getName() + "' is not a PNG or JPEG image");
            }
        }
        boolean splitFolders = paths.stream()
                .allMatch(p -> p.length - skip == 3 && SPLIT_FOLDERS.contains(p[skip].toLowerCase(Locale.ROOT)));
        var items = new ArrayList<Item>();
        for (int i = 0; i < paths.size(); i++) {
            var p = paths.get(i);
            int depth = p.length - skip;
            if (splitFolders) {
                items.add(new Item(entries.get(i), p[skip + 1], splitOf(p[skip])));
            } else if (depth == 2) {
                items.add(new Item(entries.get(i), p[skip], null));
            } else {
                throw new DatasetFormatException(
                        name + ": entry '" + entries.get(i).getName()
                                + "' is not inside a class folder; use class/image.png or train/class/image.png");
            }
        }
        return items;
    }

    private static boolean ignorable(String[] parts) {
        for (var part : parts) {
            if (part.startsWith(".") || part.equals("__MACOSX") || part.equalsIgnoreCase("Thumbs.db")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A zip made from a folder has that folder around everything; it is not a class. */
    private static boolean commonTopFolder(List<String[]> paths) {
        var first = paths.getFirst()[0];
        return !SPLIT_FOLDERS.contains(first.toLowerCase(Locale.ROOT))
                && paths.stream().allMatch(p -> p.length >= 3 && p[0].equals(first));
    }

    private static Split splitOf(String folder) {
        return switch (folder.toLowerCase(Locale.ROOT)) {
            case "train" -> Split.TRAIN;
            case "test" -> Split.TEST;
            default -> Split.VALIDATION;
        };
    }

    static BufferedImage decode(SafeZip zip, ZipEntry entry, String name) throws IOException {
        try (var in = zip.open(entry);
                var stream = ImageIO.createImageInputStream(in)) {
            var readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetFormatException(name + ": '" + entry.getName() + "' is not a readable PNG or JPEG");
            }
            var reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                // Check the declared size before decoding: a tiny file can claim a huge image.
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new DatasetFormatException(name + ": '" + entry.getName() + "' is " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + "; at most " + MAX_SIDE + " pixels a side");
                }
                return reader.read(0);
            } catch (javax.imageio.IIOException e) {
                throw new DatasetFormatException(
                        name + ": '" + entry.getName() + "' is a corrupt image (" + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    /** Grey (1 byte) or RGB (3 bytes) per pixel, row by row. */
    static byte[] pixels(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        var out = new byte[w * h * channels];
        var raster = image.getRaster();
        if (raster.getNumBands() == 1) {
            // Grey images: read samples directly; getRGB would apply a colour-space conversion.
            int shift = Math.max(0, image.getColorModel().getComponentSize(0) - 8);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    var grey = (byte) (raster.getSample(x, y, 0) >> shift);
                    for (int c = 0; c < channels; c++) {
                        out[(y * w + x) * channels + c] = grey;
                    }
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int i = (y * w + x) * channels;
                if (channels == 1) {
                    out[i] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    out[i] = (byte) r;
                    out[i + 1] = (byte) g;
                    out[i + 2] = (byte) b;
                }
            }
        }
        return out;
    }
}
