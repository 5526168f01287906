package org.deeprounds.datasets.signal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipEntry;
import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.io.SafeZip;

/**
 * A MedMNIST-like {@code .npz} of fixed-length signals, the simplest way to bring ECG beats or strips cut elsewhere:
 * {@code train_signals}, {@code val_signals}, {@code test_signals} of shape (N, T) or (N, T, C) in float32, float64 or
 * int16, with integer {@code _labels} (N) or (N, 1). These six names are the contract with users' files and scripts and
 * never change. Signals are streamed one at a time and handed over channel-first (C x T), as networks take them, so
 * memory does not grow with the file; the file's own splits are kept.
 */
public final class SignalNpz {

    /** The split prefixes, in the order they are read. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    /** Labels are held in memory while a split's signals are read (4 bytes each). */
    public static final int MAX_EXAMPLES_PER_SPLIT = 2_000_000;

    /**
     * Values in one signal (T x C), 64 MB as floats: a 10 s 12-lead strip at 500 Hz is 60,000, half an hour of two
     * leads at 360 Hz 1.3 million.
     */
    public static final int MAX_VALUES_PER_SIGNAL = 1 << 24;

    /** Labels are class indices 0, 1, 2, ...; larger values are a sign of something else in the array. */
    static final int MAX_LABEL = 10_000;

    private static final List<String> DTYPES = List.of("float32", "float64", "int16");

    private SignalNpz() {}

    /** One signal's size: samples and channels (leads). */
    public record Shape(int length, int channels) {}

    /** Receives the signals one at a time. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param values channel-first, {@code channels x length}
         */
        void accept(String split, int index, float[] values, int label) throws IOException;
    }

    /**
     * Checks that all six arrays are there, then reads the wanted splits (of {@link #SPLITS}) in file order. Every
     * split's signals must have the same length and channels.
     *
     * @param fileName the name the user knows the file by, for messages
     * @return the signals' shape
     */
    public static Shape read(SafeZip zip, String fileName, Collection<String> splits, Sink sink) throws IOException {
        for (var split : SPLITS) {
            entry(zip, fileName, split + "_signals");
            entry(zip, fileName, split + "_labels");
        }
        Shape shape = null;
        for (var split : SPLITS) {
            if (!splits.contains(split)) {
                continue;
            }
            var labels = labels(zip, fileName, split);
            var key = split + "_signals";
            var entry = entry(zip, fileName, key);
            try (var in = zip.open(entry)) {
                var signals = NpyArray.open(fileName + ": " + entry.getName(), in);
                zip.checkDeclared(entry, signals.dataBytes(), key + " shape " + describe(signals));
                var found = shape(fileName, key, signals, labels.length);
                if (shape != null && !shape.equals(found)) {
                    throw new SignalFormatException(fileName + ": " + key + " has shape " + describe(signals)
                            + ", but the signals before have " + shape.length() + " samples of " + shape.channels()
                            + " channel(s); all splits must match");
                }
                shape = found;
                var raw = new float[found.length() * found.channels()];
                for (int i = 0; i < labels.length; i++) {
                    signals.readFloats(raw);
                    var values = channelFirst(raw, found);
                    checkFinite(fileName, key, i, values);
                    sink.accept(split, i, values, labels[i]);
                }
            }
        }
        return shape;
    }

    /** One split's labels, checked: (N) or (N, 1) integers from 0 to {@link #MAX_LABEL}. */
    public static int[] labels(SafeZip zip, String fileName, String split) throws IOException {
        var key = split + "_labels";
        var entry = entry(zip, fileName, key);
        try (var in = zip.open(entry)) {
            var array = NpyArray.open(fileName + ": " + entry.getName(), in);
            zip.checkDeclared(entry, array.dataBytes(), key + " shape " + describe(array));
            var shape = array.shape();
            if (!(shape.length == 1 || (shape.length == 2 && shape[1] == 1))) {
                throw new SignalFormatException(fileName + ": " + key + " has shape " + describe(array)
                        + "; labels must be (N,) or (N, 1), one class per signal");
            }
            if (!array.isInteger()) {
                throw new SignalFormatException(fileName + ": " + key + " holds " + array.dtype()
                        + " values; labels must be integers (class 0, 1, 2, ...)");
            }
            if (shape[0] > MAX_EXAMPLES_PER_SPLIT) {
                throw new SignalFormatException(fileName + ": " + key + " has shape " + describe(array) + "; more than "
                        + MAX_EXAMPLES_PER_SPLIT + " signals in one split are not supported");
            }
            var labels = new int[(int) shape[0]];
            for (int i = 0; i < labels.length; i++) {
                long value = array.readInteger();
                if (value < 0 || value > MAX_LABEL) {
                    throw new SignalFormatException(fileName + ": " + key + " index " + i + ": label " + value
                            + " is outside the class range (labels are 0, 1, 2, ...)");
                }
                labels[i] = (int) value;
            }
            return labels;
        }
    }

    private static Shape shape(String fileName, String key, NpyArray signals, int labelCount)
            throws SignalFormatException {
        var shape = signals.shape();
        var described = describe(signals);
        if (shape.length != 2 && shape.length != 3) {
            throw new SignalFormatException(fileName + ": " + key + " has shape " + described
                    + "; signals must be (N, T) or (N, T, C): N signals of T samples in C channels");
        }
        if (!DTYPES.contains(signals.dtype())) {
            throw new SignalFormatException(fileName + ": " + key + " holds " + signals.dtype()
                    + " values; signals must be float32, float64 or int16");
        }
        if (shape[0] != labelCount) {
            throw new SignalFormatException(fileName + ": " + key + " has shape " + described + " but the labels hold "
                    + labelCount + " values; there must be one label per signal");
        }
        long length = shape[1];
        long channels = shape.length == 3 ? shape[2] : 1;
        if (length < 1 || channels < 1 || length * channels > MAX_VALUES_PER_SIGNAL) {
            throw new SignalFormatException(fileName + ": " + key + " has shape " + described
                    + "; each signal must hold from 1 to " + MAX_VALUES_PER_SIGNAL + " values (T x C)");
        }
        return new Shape((int) length, (int) channels);
    }

    /** (T, C) as stored, sample by sample, to C x T, lead by lead. */
    private static float[] channelFirst(float[] raw, Shape shape) {
        if (shape.channels() == 1) {
            return raw.clone();
        }
        var values = new float[raw.length];
        for (int t = 0; t < shape.length(); t++) {
            for (int c = 0; c < shape.channels(); c++) {
                values[c * shape.length() + t] = raw[t * shape.channels() + c];
            }
        }
        return values;
    }

    private static void checkFinite(String fileName, String key, int index, float[] values)
            throws SignalFormatException {
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new SignalFormatException(fileName + ": " + key + " signal " + index + " holds " + value
                        + "; signals must be finite numbers (fill or drop gaps before saving)");
            }
        }
    }

    private static ZipEntry entry(SafeZip zip, String fileName, String key) throws SignalFormatException {
        for (var entry : zip.entries()) {
            if (entry.getName().equals(key + ".npy")) {
                return entry;
            }
        }
        throw new SignalFormatException(fileName + ": array '" + key + "' is missing; a signal npz holds"
                + " train_signals, train_labels, val_signals, val_labels, test_signals, test_labels (found: "
                + zip.entries().stream().map(ZipEntry::getName).toList() + ")");
    }

    private static String describe(NpyArray array) {
        return NpyArray.describe(array.shape()) + " of " + array.dtype();
    }
}
