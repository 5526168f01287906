package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;

/** MedMNIST's npz: {@code train|val|test_images} (N, H, W[, C]) uint8 and {@code _labels}; its own splits. */
final class MedMnistNpzFormat implements DatasetFormat {

    private static final String[] PREFIXES = {"train", "val", "test"};
    private static final Split[] SPLITS = {Split.TRAIN, Split.VALIDATION, Split.TEST};

    @Override
    public String id() {
        return "medmnist-npz";
    }

    @Override
    public List<String> extensions() {
        return List.of("npz");
    }

    @Override
    public Modality modality() {
        return Modality.IMAGING;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        return NpzScanner.scan(source, options, context);
    }

    /** A split that is not wanted is not even opened. */
    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        npz(source(folder), wanted, maxUnpacked, sink);
    }

    private static void npz(Path file, Set<Split> wanted, long maxUnpacked, Example.Sink sink) throws IOException {
        try (var zip = SafeZip.open(file, file.getFileName().toString(), maxUnpacked)) {
            for (int s = 0; s < 3; s++) {
                if (!wanted.contains(SPLITS[s])) {
                    continue;
                }
                int[] labels = readLabels(zip, PREFIXES[s] + "_labels.npy");
                try (var in = zip.open(entry(zip, PREFIXES[s] + "_images.npy"))) {
                    var images = NpyArray.open(PREFIXES[s] + "_images.npy", in);
                    var shape = images.shape();
                    int h = (int) shape[1];
                    int w = (int) shape[2];
                    int c = shape.length == 4 ? (int) shape[3] : 1;
                    var pixels = new byte[h * w * c];
                    for (int label : labels) {
                        images.readBytes(pixels);
                        sink.accept(new Example(ExampleReader.channelFirst(pixels, h, w, c), label));
                    }
                }
            }
        }
    }

    private static int[] readLabels(SafeZip zip, String entry) throws IOException {
        try (var in = zip.open(entry(zip, entry))) {
            var array = NpyArray.open(entry, in);
            var labels = new int[(int) array.shape()[0]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) array.readInteger();
            }
            return labels;
        }
    }

    private static java.util.zip.ZipEntry entry(SafeZip zip, String name) {
        return zip.entries().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new DatasetFormatException("stored dataset lacks " + name));
    }
}
