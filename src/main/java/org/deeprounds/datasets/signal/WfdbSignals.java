package org.deeprounds.datasets.signal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The samples of a WFDB record, read from its data files as the header describes them. Digital values are kept as
 * 16-bit numbers (both supported formats fit), 2 bytes a sample, so a 30-minute two-lead MIT-BIH record takes 2.6 MB;
 * physical values ({@code (digital - baseline) / gain}, e.g. mV) are computed when asked for. A data file shorter than
 * the header declares is refused, never padded: a silently shortened ECG would misplace every later beat label.
 */
public final class WfdbSignals {

    /** Samples (all signals together) read unless the caller allows more: 128 MB of digital values. */
    public static final long DEFAULT_MAX_SAMPLES = 64L * 1024 * 1024;

    /** The data file ends before the sample. */
    private static final int END = Integer.MIN_VALUE;

    /** The data file ends inside the sample. */
    private static final int PARTIAL = Integer.MIN_VALUE + 1;

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    private static final int INITIAL_CAPACITY = 4096;

    private final WfdbHeader header;
    private final short[][] digital;
    private final int length;

    private WfdbSignals(WfdbHeader header, short[][] digital, int length) {
        this.header = header;
        this.digital = digital;
        this.length = length;
    }

    /** Opens a record's data file by the name its header gives. */
    @FunctionalInterface
    public interface DataFiles {
        InputStream open(String fileName) throws IOException;
    }

    /** Data files next to the header in {@code folder} (names were checked by the header to stay inside it). */
    public static DataFiles folder(Path folder) {
        return name -> {
            var file = folder.resolve(name).normalize();
            if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
                throw new SignalFormatException(name + ": data file not found next to the header");
            }
            return Files.newInputStream(file);
        };
    }

    /** Reads every signal of the record, at most {@code maxSamples} samples in all. */
    public static WfdbSignals read(WfdbHeader header, DataFiles files, long maxSamples) throws IOException {
        int count = header.signals().size();
        if (count == 0) {
            throw new SignalFormatException("record " + header.recordName() + " has no signals to read");
        }
        long declared = header.samplesPerSignal();
        if (declared > 0 && (declared > Integer.MAX_VALUE || declared * count > maxSamples)) {
            throw new SignalFormatException("record " + header.recordName() + ": the header declares " + declared
                    + " samples of " + count + " signal(s); at most " + maxSamples + " samples are read");
        }
        var byFile = new LinkedHashMap<String, List<Integer>>();
        for (int s = 0; s < count; s++) {
            byFile.computeIfAbsent(header.signals().get(s).fileName(), f -> new ArrayList<>())
                    .add(s);
        }
        var digital = new short[count][];
        int length = -1;
        for (var entry : byFile.entrySet()) {
            var group = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            var first = header.signals().get(group[0]);
            try (var in = new Counting(files.open(entry.getKey()))) {
                in.skipExactly(entry.getKey(), first.byteOffset());
                var samples = readFile(entry.getKey(), in, first.format(), group.length, declared, maxSamples);
                int frames = samples.length == 0 ? 0 : samples[0].length;
                if (length >= 0 && frames != length) {
                    throw new SignalFormatException(entry.getKey() + " holds " + frames
                            + " samples per signal, but the record's other data files hold " + length);
                }
                length = frames;
                for (int g = 0; g < group.length; g++) {
                    digital[group[g]] = samples[g];
                }
            }
        }
        return new WfdbSignals(header, digital, length);
    }

    /** The samples of one data file: {@code signals} interleaved frame by frame. */
    private static short[][] readFile(
            String name, Counting in, WfdbHeader.Format format, int signals, long declared, long maxSamples)
            throws IOException {
        var decoder = format == WfdbHeader.Format.F16 ? new Decoder16(in) : new Decoder212(in);
        int capacity = declared > 0 ? (int) declared : INITIAL_CAPACITY;
        var out = new short[signals][capacity];
        int frames = 0;
        while (declared == 0 || frames < declared) {
            for (int s = 0; s < signals; s++) {
                int value = decoder.next();
                if (value == END && s == 0 && declared == 0) {
                    return trimmed(out, frames);
                }
                if (value == END || value == PARTIAL) {
                    throw truncated(name, in, format, signals, declared, frames, s);
                }
                out[s][frames] = (short) value;
            }
            frames++;
            if (declared > 0) {
                continue;
            }
            if ((long) frames * signals > maxSamples || frames == MAX_CAPACITY) {
                throw new SignalFormatException(
                        name + ": more than " + maxSamples + " samples; longer records are not read");
            }
            if (frames == capacity) {
                capacity = (int) Math.min(MAX_CAPACITY, (long) capacity * 2);
                for (int g = 0; g < signals; g++) {
                    out[g] = Arrays.copyOf(out[g], capacity);
                }
            }
        }
        return out;
    }

    private static short[][] trimmed(short[][] out, int frames) {
        for (int g = 0; g < out.length; g++) {
            out[g] = Arrays.copyOf(out[g], frames);
        }
        return out;
    }

    private static SignalFormatException truncated(
            String name, Counting in, WfdbHeader.Format format, int signals, long declared, int frame, int signal) {
        var expected = declared == 0
                ? "whole frames of " + signals + " signal(s)"
                : declared + " frames of " + signals + " signal(s) in format " + format.code() + ", "
                        + expectedBytes(format, declared * signals) + " bytes";
        return new SignalFormatException(name + " is truncated: it ends inside frame " + frame + " (signal " + signal
                + ") after " + in.count + " bytes; the header declares " + expected);
    }

    private static long expectedBytes(WfdbHeader.Format format, long samples) {
        return format == WfdbHeader.Format.F16 ? samples * 2 : (samples * 3 + 1) / 2;
    }

    public WfdbHeader header() {
        return header;
    }

    public int signalCount() {
        return digital.length;
    }

    /** Samples per signal. */
    public int length() {
        return length;
    }

    /** The stored value of one sample. */
    public int digital(int signal, int index) {
        return digital[signal][index];
    }

    /** The sample in physical units (e.g. mV); NaN where WFDB marks the sample missing. */
    public double physical(int signal, int index) {
        return header.signals().get(signal).physical(digital[signal][index]);
    }

    /** The whole signal in physical units, as networks take it; NaN where samples are missing. */
    public float[] physical(int signal) {
        var spec = header.signals().get(signal);
        var values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) spec.physical(digital[signal][i]);
        }
        return values;
    }

    /**
     * Whether the samples add up to the header's checksum (their sum in 16 bits), or the header gives none. A mismatch
     * means the file was cut or rewritten after the header, or is read with the wrong format.
     */
    public boolean checksumMatches(int signal) {
        var expected = header.signals().get(signal).checksum();
        if (expected.isEmpty()) {
            return true;
        }
        int sum = 0;
        for (short value : digital[signal]) {
            sum += value;
        }
        return (short) sum == (short) expected.getAsInt();
    }

    /** Yields the next sample of a data file, {@link #END} when the file ends before it, {@link #PARTIAL} inside it. */
    private interface Decoder {
        int next() throws IOException;
    }

    /** Format 16: two bytes a sample, low byte first. */
    private record Decoder16(Counting in) implements Decoder {
        @Override
        public int next() throws IOException {
            int low = in.read();
            if (low < 0) {
                return END;
            }
            int high = in.read();
            return high < 0 ? PARTIAL : (short) ((high << 8) | low);
        }
    }

    /**
     * Format 212: samples A and B in 3 bytes: byte 0 is A's low 8 bits, byte 1's low nibble A's high 4 bits and its
     * high nibble B's high 4 bits, byte 2 B's low 8 bits. Bytes are read as each sample needs them, so a file of an
     * odd number of samples (ending with A's two bytes) reads exactly.
     */
    private static final class Decoder212 implements Decoder {
        private final Counting in;
        private int pendingHigh = -1;

        Decoder212(Counting in) {
            this.in = in;
        }

        @Override
        public int next() throws IOException {
            if (pendingHigh < 0) {
                int b0 = in.read();
                if (b0 < 0) {
                    return END;
                }
                int b1 = in.read();
                if (b1 < 0) {
                    return PARTIAL;
                }
                pendingHigh = b1 >> 4;
                return twelveBit(((b1 & 0x0F) << 8) | b0);
            }
            int b2 = in.read();
            if (b2 < 0) {
                return END;
            }
            int value = twelveBit((pendingHigh << 8) | b2);
            pendingHigh = -1;
            return value;
        }

        private static int twelveBit(int value) {
            return (value << 20) >> 20;
        }
    }

    /** Reads a data file through a buffer, counting bytes for messages about where it ended. */
    private static final class Counting implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        long count;

        Counting(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (position == limit) {
                limit = in.readNBytes(buffer, 0, buffer.length);
                position = 0;
                if (limit == 0) {
                    return -1;
                }
            }
            count++;
            return buffer[position++] & 0xFF;
        }

        void skipExactly(String name, long bytes) throws IOException {
            for (long left = bytes; left > 0; left--) {
                if (read() < 0) {
                    throw new SignalFormatException(
                            name + " is shorter than its " + bytes + "-byte prolog (byte offset in the header)");
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
