package org.deeprounds.datasets.signal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.model.Split;

/**
 * Writes the signal {@code .npz} that {@link SignalNpz} reads and NumPy's {@code np.load} opens: per split a float32
 * {@code _signals} array (N, T) and an int64 {@code _labels} array (N,). Generated sets are written in this layout so
 * trainees can take them to their own notebooks, and the import reads them like any user's file.
 */
public final class SignalNpzWriter {

    /** Entries carry a fixed time (the zip format's earliest, as NumPy writes), so a set's bytes follow its seed. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private SignalNpzWriter() {}

    /**
     * One split's signals (all of one length) and their class indices.
     *
     * @param signals N signals of T samples
     * @param labels N class indices 0, 1, 2, ...
     */
    public record Split(float[][] signals, int[] labels) {

        public Split {
            if (signals.length != labels.length) {
                throw new IllegalArgumentException(
                        signals.length + " signals but " + labels.length + " labels; there must be one label each");
            }
        }
    }

    /**
     * Writes {@code train_*}, {@code val_*} and {@code test_*} as a zip to {@code out}, which is left open. Every
     * signal in every split must have the same length, and every value must be finite.
     */
    public static void write(OutputStream out, Split train, Split val, Split test) throws IOException {
        var splits = new Split[] {train, val, test};
        int length = -1;
        for (int s = 0; s < splits.length; s++) {
            var name = SignalNpz.SPLITS.get(s);
            for (int i = 0; i < splits[s].signals().length; i++) {
                var signal = splits[s].signals()[i];
                length = length < 0 ? signal.length : length;
                if (signal.length != length || length == 0) {
                    throw new IllegalArgumentException(name + " signal " + i + " has " + signal.length
                            + " samples, the first signal " + length + "; all must have the same, non-zero length");
                }
                for (float value : signal) {
                    if (!Float.isFinite(value)) {
                        throw new IllegalArgumentException(
                                name + " signal " + i + " holds " + value + "; signals must be finite");
                    }
                }
            }
            for (int label : splits[s].labels()) {
                if (label < 0) {
                    throw new IllegalArgumentException(
                            name + " label " + label + " is negative; labels are class indices 0, 1, 2, ...");
                }
            }
        }
        if (length < 0) {
            throw new IllegalArgumentException("no signals to write; at least one split needs signals");
        }
        var zip = new ZipOutputStream(out);
        for (int s = 0; s < splits.length; s++) {
            var name = SignalNpz.SPLITS.get(s);
            var split = splits[s];
            int count = split.signals().length;
            var values = ByteBuffer.allocate(count * length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            var floats = values.asFloatBuffer();
            for (var signal : split.signals()) {
                floats.put(signal);
            }
            var labels = ByteBuffer.allocate(count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int label : split.labels()) {
                labels.putLong(label);
            }
            entry(
                    zip,
                    name + "_signals.npy",
                    NpyArray.encode("<f4", "(" + count + ", " + length + ")", values.array()));
            entry(zip, name + "_labels.npy", NpyArray.encode("<i8", "(" + count + ",)", labels.array()));
        }
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
