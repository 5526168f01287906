package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.signal.NpzFiles.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signal npz files in the dtypes and shapes users save, and the wrong ones, refused naming the key and shape. */
class SignalNpzTest {

    static final long LIMIT = 64L * 1024 * 1024;

    @TempDir
    Path folder;

    record Read(String split, int index, float[] values, int label) {}

    static Npy float32(long[] shape, float... values) {
        var buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return new Npy("<f4", shape, buffer.array());
    }

    static Npy float64(long[] shape, double... values) {
        var buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return new Npy("<f8", shape, buffer.array());
    }

    static Npy int16(long[] shape, int... values) {
        var buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putShort((short) v);
        }
        return new Npy("<i2", shape, buffer.array());
    }

    static Npy labels(int... values) {
        var buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putLong(v);
        }
        return new Npy("<i8", new long[] {values.length, 1}, buffer.array());
    }

    static Npy labels32(int... values) {
        var buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putInt(v);
        }
        return new Npy("<i4", new long[] {values.length}, buffer.array());
    }

    /** Three signals of 4 samples in train, one in val and test, in the three dtypes. */
    static Map<String, Npy> valid() {
        var arrays = new LinkedHashMap<String, Npy>();
        arrays.put("train_signals", float32(new long[] {2, 4}, 0.5f, -1.25f, 2f, 0f, 1e-3f, 7f, -7f, 3.5f));
        arrays.put("train_labels", labels(0, 1));
        arrays.put("val_signals", float64(new long[] {1, 4}, 0.1, 0.2, 0.3, -0.4));
        arrays.put("val_labels", labels32(1));
        arrays.put("test_signals", int16(new long[] {1, 4}, -32768, -1, 0, 32767));
        arrays.put("test_labels", labels(0));
        return arrays;
    }

    List<Read> read(Map<String, Npy> arrays, List<String> splits) throws Exception {
        var file = folder.resolve("ecg.npz");
        Files.write(file, NpzFiles.npz(arrays));
        var out = new ArrayList<Read>();
        try (var zip = SafeZip.open(file, "ecg.npz", LIMIT)) {
            SignalNpz.read(
                    zip,
                    "ecg.npz",
                    splits,
                    (split, index, values, label) -> out.add(new Read(split, index, values, label)));
        }
        return out;
    }

    @Test
    void float32_float64_and_int16_signals_are_read_with_their_labels() throws Exception {
        var read = read(valid(), SignalNpz.SPLITS);

        assertThat(read).extracting(Read::split).containsExactly("train", "train", "val", "test");
        assertThat(read).extracting(Read::label).containsExactly(0, 1, 1, 0);
        assertThat(read.get(0).values()).containsExactly(0.5f, -1.25f, 2f, 0f);
        assertThat(read.get(1).values()).containsExactly(1e-3f, 7f, -7f, 3.5f);
        assertThat(read.get(2).values()).containsExactly(0.1f, 0.2f, 0.3f, -0.4f);
        assertThat(read.get(3).values()).containsExactly(-32768f, -1f, 0f, 32767f);
    }

    @Test
    void only_the_wanted_splits_are_read() throws Exception {
        assertThat(read(valid(), List.of("test"))).extracting(Read::split).containsExactly("test");
    }

    @Test
    void signals_with_channels_are_handed_over_channel_first() throws Exception {
        var arrays = valid();
        // One signal, T = 3 samples of C = 2 leads, stored sample by sample: (1, 10), (2, 20), (3, 30).
        arrays.put("train_signals", int16(new long[] {1, 3, 2}, 1, 10, 2, 20, 3, 30));
        arrays.put("train_labels", labels(1));
        arrays.put("val_signals", int16(new long[] {1, 3, 2}, 0, 0, 0, 0, 0, 0));
        arrays.put("test_signals", int16(new long[] {1, 3, 2}, 0, 0, 0, 0, 0, 0));
        var file = folder.resolve("leads.npz");
        Files.write(file, NpzFiles.npz(arrays));
        var out = new ArrayList<float[]>();

        SignalNpz.Shape shape;
        try (var zip = SafeZip.open(file, "leads.npz", LIMIT)) {
            shape = SignalNpz.read(
                    zip, "leads.npz", List.of("train"), (split, index, values, label) -> out.add(values));
        }

        assertThat(shape).isEqualTo(new SignalNpz.Shape(3, 2));
        assertThat(out.getFirst()).containsExactly(1, 2, 3, 10, 20, 30);
    }

    @Test
    void a_missing_key_is_refused_naming_it() {
        var arrays = valid();
        arrays.remove("val_labels");

        assertThatThrownBy(() -> read(arrays, SignalNpz.SPLITS))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("ecg.npz")
                .hasMessageContaining("'val_labels' is missing")
                .hasMessageContaining(
                        "train_signals, train_labels, val_signals, val_labels, test_signals, test_labels");
    }

    @Test
    void wrong_shapes_and_types_are_refused_naming_the_key_and_shape() {
        var fourD = valid();
        fourD.put("train_signals", float32(new long[] {2, 2, 1, 1}, 1, 2, 3, 4));
        assertThatThrownBy(() -> read(fourD, SignalNpz.SPLITS))
                .hasMessageContaining("train_signals has shape (2, 2, 1, 1) of float32")
                .hasMessageContaining("(N, T) or (N, T, C)");

        var uneven = valid();
        uneven.put("train_labels", labels(0, 1, 1));
        assertThatThrownBy(() -> read(uneven, SignalNpz.SPLITS))
                .hasMessageContaining("train_signals has shape (2, 4) of float32")
                .hasMessageContaining("3 values");

        var lengths = valid();
        lengths.put("val_signals", float64(new long[] {1, 3}, 1, 2, 3));
        assertThatThrownBy(() -> read(lengths, SignalNpz.SPLITS))
                .hasMessageContaining("val_signals has shape (1, 3) of float64")
                .hasMessageContaining("all splits must match");

        var bytes = valid();
        bytes.put("test_signals", new Npy("|u1", new long[] {1, 4}, new byte[4]));
        assertThatThrownBy(() -> read(bytes, SignalNpz.SPLITS))
                .hasMessageContaining("test_signals holds uint8")
                .hasMessageContaining("float32, float64 or int16");

        var multiLabel = valid();
        multiLabel.put("train_labels", new Npy("<i8", new long[] {2, 2}, new byte[32]));
        assertThatThrownBy(() -> read(multiLabel, SignalNpz.SPLITS))
                .hasMessageContaining("train_labels has shape (2, 2) of int64")
                .hasMessageContaining("(N,) or (N, 1)");

        var floatLabels = valid();
        floatLabels.put("train_labels", float32(new long[] {2}, 0, 1));
        assertThatThrownBy(() -> read(floatLabels, SignalNpz.SPLITS))
                .hasMessageContaining("train_labels holds float32");
    }

    @Test
    void a_gap_in_a_signal_is_refused_naming_the_signal() {
        var arrays = valid();
        arrays.put("train_signals", float32(new long[] {2, 4}, 0, 0, 0, 0, 0, Float.NaN, 0, 0));

        assertThatThrownBy(() -> read(arrays, SignalNpz.SPLITS))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("train_signals signal 1 holds NaN");
    }
}
