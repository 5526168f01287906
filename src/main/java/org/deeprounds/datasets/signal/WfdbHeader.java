package org.deeprounds.datasets.signal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A PhysioNet WFDB header ({@code .hea}): the record line (name, number of signals, sampling frequency, samples per
 * signal) and one line per signal saying where its samples are stored and how digital values become physical units.
 * The record's {@code .dat} cannot be read without it, so every refusal names the header file and the 1-based line.
 * Only single-segment records whose signals are stored in formats 16 or 212 (what MIT-BIH and most ECG databases use)
 * are accepted; anything else is refused rather than misread.
 *
 * @param recordName the record's name, e.g. "100"
 * @param samplingFrequency samples per second per signal (250 when the header leaves it out, as WFDB does)
 * @param samplesPerSignal frames in the record; 0 when the header does not say (the data file's length decides)
 * @param comments the text of the {@code #} lines, e.g. age, sex and medication in MIT-BIH
 */
public record WfdbHeader(
        String recordName,
        double samplingFrequency,
        long samplesPerSignal,
        List<Signal> signals,
        List<String> comments) {

    /** WFDB's gain when a header gives none (or 0): 200 digital units per physical unit. */
    public static final double DEFAULT_GAIN = 200;

    /** WFDB's sampling frequency when the record line gives none. */
    public static final double DEFAULT_FREQUENCY = 250;

    /** A header is a few lines; more than this is not a header. */
    static final int MAX_BYTES = 1024 * 1024;

    /** Far above any real record (12-lead ECG plus a few channels), low enough that nothing is sized from a lie. */
    static final int MAX_SIGNALS = 256;

    private static final Pattern FIELDS = Pattern.compile("\\S+");
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile("([^(/]*)(?:\\(([^)]*)\\))?(?:/(.*))?");
    private static final int SIGNAL_FIXED_FIELDS = 8;

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
    }

    /** How a signal's samples are packed in its data file. */
    public enum Format {
        /** 16-bit two's complement, little-endian. */
        F16(16, 16),
        /** Pairs of 12-bit two's complement samples packed in 3 bytes (MIT-BIH). */
        F212(212, 12);

        private final int code;
        private final int bits;

        Format(int code, int bits) {
            this.code = code;
            this.bits = bits;
        }

        /** The number the header writes, e.g. 212. */
        public int code() {
            return code;
        }

        /** Bits per sample; also WFDB's ADC resolution when the header gives none. */
        public int bits() {
            return bits;
        }

        /** WFDB writes the format's lowest value for a missing sample (e.g. a lead that came off). */
        public int invalidValue() {
            return -(1 << (bits - 1));
        }
    }

    /**
     * One signal line.
     *
     * @param fileName data file in the record's folder, e.g. "100.dat"
     * @param byteOffset bytes before the first sample (a prolog), usually 0
     * @param gain digital units per physical unit (never 0: WFDB's default 200 replaces it)
     * @param baseline the digital value of physical zero (defaults to {@code adcZero})
     * @param units physical units ("mV" when the header gives none)
     * @param checksum the 16-bit sum of all samples, when the header gives one
     * @param description e.g. "MLII", "V5"
     */
    public record Signal(
            String fileName,
            Format format,
            long byteOffset,
            double gain,
            int baseline,
            String units,
            int adcResolution,
            int adcZero,
            int initialValue,
            OptionalInt checksum,
            int blockSize,
            String description) {

        /** The sample in physical units, {@code (digital - baseline) / gain}; NaN for WFDB's missing-sample mark. */
        public double physical(int digital) {
            return digital == format.invalidValue() ? Double.NaN : (digital - baseline) / gain;
        }
    }

    /** Reads a header of at most {@link #MAX_BYTES}; {@code fileName} names it in error messages. */
    public static WfdbHeader read(String fileName, InputStream in) throws IOException {
        var bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new SignalFormatException(fileName + ": more than " + MAX_BYTES / 1024
                    + " KB; a WFDB header is a few lines of text (is this the .dat file?)");
        }
        return parse(fileName, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Parses header text; {@code fileName} names it in error messages. */
    public static WfdbHeader parse(String fileName, String text) throws SignalFormatException {
        var lines = text.split("\n", -1);
        var comments = new ArrayList<String>();
        var signals = new ArrayList<Signal>();
        Record record = null;
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            var where = fileName + " line " + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (record == null) {
                record = parseRecord(where, line);
            } else if (signals.size() < record.signalCount()) {
                signals.add(parseSignal(where, line, record.name(), signals.size()));
                checkSameFileAgrees(where, signals);
            } else {
                throw new SignalFormatException(where + ": the record line declares " + record.signalCount()
                        + " signal(s), but this is one line more ('" + line + "')");
            }
        }
        if (record == null) {
            throw new SignalFormatException(
                    fileName + ": no record line (record name, number of signals, ...); is this a WFDB header?");
        }
        if (signals.size() < record.signalCount()) {
            throw new SignalFormatException(fileName + ": the record line declares " + record.signalCount()
                    + " signal(s), but only " + signals.size() + " signal line(s) follow");
        }
        return new WfdbHeader(record.name(), record.frequency(), record.samples(), signals, comments);
    }

    private record Record(String name, int signalCount, double frequency, long samples) {}

    private static Record parseRecord(String where, String line) throws SignalFormatException {
        var fields = fields(line, Integer.MAX_VALUE);
        if (fields.size() < 2) {
            throw new SignalFormatException(where + ": the record line needs at least the record name and the number"
                    + " of signals (found '" + line + "')");
        }
        var name = fields.get(0);
        if (name.contains("/")) {
            throw new SignalFormatException(where + ": record '" + name
                    + "' is a multi-segment record; only single-segment records are supported");
        }
        int count = (int) whole(where, "number of signals", fields.get(1), 0, MAX_SIGNALS);
        double frequency = DEFAULT_FREQUENCY;
        if (fields.size() > 2) {
            var text = fields.get(2).split("/", 2)[0];
            frequency = decimal(where, "sampling frequency", text);
            if (!(frequency > 0)) {
                throw new SignalFormatException(
                        where + ": sampling frequency " + text + " must be a positive number of samples per second");
            }
        }
        long samples =
                fields.size() > 3 ? whole(where, "number of samples per signal", fields.get(3), 0, Long.MAX_VALUE) : 0;
        return new Record(name, count, frequency, samples);
    }

    private static Signal parseSignal(String where, String line, String record, int index)
            throws SignalFormatException {
        var fields = fields(line, SIGNAL_FIXED_FIELDS);
        where = where + " (signal " + index + ")";
        if (fields.size() < 2) {
            throw new SignalFormatException(
                    where + ": a signal line needs at least a file name and a format (found '" + line + "')");
        }
        var fileName = fields.get(0);
        if (fileName.equals("~")) {
            throw new SignalFormatException(
                    where + ": the signal has no data file ('~'); null signals are not" + " supported");
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.equals("..") || fileName.equals(".")) {
            throw new SignalFormatException(
                    where + ": data file '" + fileName + "' must be a plain file name in the record's folder");
        }
        var formatMatch = FORMAT.matcher(fields.get(1));
        if (!formatMatch.matches()) {
            throw new SignalFormatException(where + ": format '" + fields.get(1) + "' is not a WFDB signal format");
        }
        var format = format(where, formatMatch.group(1));
        if (formatMatch.group(2) != null && !formatMatch.group(2).equals("1")) {
            throw new SignalFormatException(where + ": " + formatMatch.group(2) + " samples per frame (format '"
                    + fields.get(1) + "') are not supported; one sample per frame is");
        }
        if (formatMatch.group(3) != null && !formatMatch.group(3).equals("0")) {
            throw new SignalFormatException(
                    where + ": skew (format '" + fields.get(1) + "') is not supported; signals must be aligned");
        }
        long offset =
                formatMatch.group(4) == null ? 0 : whole(where, "byte offset", formatMatch.group(4), 0, Long.MAX_VALUE);

        double gain = DEFAULT_GAIN;
        String baselineText = null;
        String units = "mV";
        if (fields.size() > 2) {
            var gainMatch = GAIN.matcher(fields.get(2));
            if (!gainMatch.matches() || gainMatch.group(1).isEmpty()) {
                throw new SignalFormatException(where + ": ADC gain '" + fields.get(2)
                        + "' is not of the form gain[(baseline)][/units], e.g. 200(1024)/mV");
            }
            gain = decimal(where, "ADC gain", gainMatch.group(1));
            if (gain == 0) {
                gain = DEFAULT_GAIN;
            }
            baselineText = gainMatch.group(2);
            if (gainMatch.group(3) != null && !gainMatch.group(3).isEmpty()) {
                units = gainMatch.group(3);
            }
        }
        int resolution = fields.size() > 3 ? (int) whole(where, "ADC resolution", fields.get(3), 0, 32) : 0;
        if (resolution == 0) {
            resolution = format.bits();
        }
        int zero = fields.size() > 4 ? integer(where, "ADC zero", fields.get(4)) : 0;
        int baseline = baselineText == null ? zero : integer(where, "baseline", baselineText);
        int initial = fields.size() > 5 ? integer(where, "initial value", fields.get(5)) : zero;
        var checksum =
                fields.size() > 6 ? OptionalInt.of(integer(where, "checksum", fields.get(6))) : OptionalInt.empty();
        int blockSize = fields.size() > 7 ? (int) whole(where, "block size", fields.get(7), 0, Integer.MAX_VALUE) : 0;
        var description = fields.size() > SIGNAL_FIXED_FIELDS
                ? fields.get(SIGNAL_FIXED_FIELDS)
                : "record " + record + ", signal " + index;
        return new Signal(
                fileName,
                format,
                offset,
                gain,
                baseline,
                units,
                resolution,
                zero,
                initial,
                checksum,
                blockSize,
                description);
    }

    /** WFDB reads all signals of one file together, so they must share the format and the byte offset. */
    private static void checkSameFileAgrees(String where, List<Signal> signals) throws SignalFormatException {
        var last = signals.getLast();
        for (var earlier : signals.subList(0, signals.size() - 1)) {
            if (earlier.fileName().equals(last.fileName())) {
                if (earlier.format() != last.format() || earlier.byteOffset() != last.byteOffset()) {
                    throw new SignalFormatException(where + ": signals in the same file " + last.fileName()
                            + " must share the format and byte offset (format "
                            + earlier.format().code() + "+"
                            + earlier.byteOffset() + " before, " + last.format().code() + "+" + last.byteOffset()
                            + " here)");
                }
                return;
            }
        }
    }

    private static Format format(String where, String code) throws SignalFormatException {
        return switch (code) {
            case "16" -> Format.F16;
            case "212" -> Format.F212;
            default ->
                throw new SignalFormatException(
                        where + ": signal format " + code + " is not supported (supported: 16 and 212)");
        };
    }

    /**
     * The first {@code fixed} whitespace-separated fields, then the rest of the line (which may hold spaces) as one
     * more field: a signal's description is free text.
     */
    private static List<String> fields(String line, int fixed) {
        var result = new ArrayList<String>();
        var matcher = FIELDS.matcher(line);
        while (matcher.find()) {
            if (result.size() == fixed) {
                result.add(line.substring(matcher.start()).strip());
                break;
            }
            result.add(matcher.group());
        }
        return result;
    }

    private static long whole(String where, String what, String text, long min, long max) throws SignalFormatException {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SignalFormatException(where + ": " + what + " '" + text + "' is not a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    private static int integer(String where, String what, String text) throws SignalFormatException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SignalFormatException(where + ": " + what + " '" + text + "' is not a whole number");
        }
    }

    private static double decimal(String where, String what, String text) throws SignalFormatException {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SignalFormatException(where + ": " + what + " '" + text + "' is not a number");
    }
}
