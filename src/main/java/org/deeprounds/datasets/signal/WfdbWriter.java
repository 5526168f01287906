package org.deeprounds.datasets.signal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a single-segment WFDB record that PhysioNet's tools and our own readers open: the header ({@code .hea}), one
 * data file ({@code .dat}, format 212 as MIT-BIH or 16) holding all leads frame by frame, and, when there are labels,
 * an MIT annotation file ({@code .atr}). Synthetic teaching records and converted real recordings are stored this way
 * so that trainees meet the same files as in PhysioNet's databases. Each header line carries the initial value and the
 * checksum, so a file cut or rewritten later is caught by {@link WfdbSignals#checksumMatches}.
 */
public final class WfdbWriter {

    private static final Pattern RECORD_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int SKIP = 59;
    private static final int MAX_INCREMENT = (1 << 10) - 1;

    private final String recordName;
    private final double samplingFrequency;
    private final WfdbHeader.Format format;
    private final List<Lead> leads;
    private final List<String> comments;

    /**
     * One signal in digital units.
     *
     * @param description e.g. "MLII"; free text on one line
     * @param gain digital units per mV
     * @param zero the digital value of 0 mV (written as both baseline and ADC zero)
     * @param digital the samples; each must fit the format, and WFDB reads its lowest value as a missing sample
     */
    public record Lead(String description, double gain, int zero, int[] digital) {

        public Lead {
            if (description == null || description.isBlank() || description.contains("\n")) {
                throw new IllegalArgumentException(
                        "a lead needs a one-line description such as MLII (got '" + description + "')");
            }
            if (!(gain > 0) || Double.isInfinite(gain)) {
                throw new IllegalArgumentException(
                        "lead " + description + ": gain " + gain + " must be a positive number of units per mV");
            }
        }

        /**
         * A lead from millivolts: {@code round(mV x gain) + zero}, clipped to the format's range as an ADC saturates;
         * NaN becomes WFDB's missing-sample value.
         */
        public static Lead millivolts(
                String description, float[] millivolts, double gain, int zero, WfdbHeader.Format format) {
            int max = -format.invalidValue() - 1;
            var digital = new int[millivolts.length];
            for (int i = 0; i < digital.length; i++) {
                float value = millivolts[i];
                digital[i] = Float.isNaN(value)
                        ? format.invalidValue()
                        : (int) Math.max(-max, Math.min(max, Math.round(value * gain + zero)));
            }
            return new Lead(description, gain, zero, digital);
        }
    }

    /**
     * One annotation to write.
     *
     * @param sample its position in samples from the record's start
     */
    public record Label(long sample, AnnotationCode code) {

        public Label {
            if (sample < 0 || code == null) {
                throw new IllegalArgumentException(
                        "a label needs a sample position of 0 or more and a code (got " + sample + ", " + code + ")");
            }
        }
    }

    /**
     * @param recordName letters, digits, '_', '-' or '.', e.g. "rec01"; names the files
     * @param leads one or more, all of the same length
     * @param comments written as {@code #} lines after the signal lines, e.g. what the record is and where it came from
     */
    public WfdbWriter(
            String recordName,
            double samplingFrequency,
            WfdbHeader.Format format,
            List<Lead> leads,
            List<String> comments) {
        if (recordName == null || !RECORD_NAME.matcher(recordName).matches()) {
            throw new IllegalArgumentException("record name '" + recordName
                    + "' must be letters, digits, '_', '-' or '.', as it names the record's files");
        }
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("record " + recordName + ": sampling frequency " + samplingFrequency
                    + " must be a positive number of samples per second");
        }
        if (format == null || leads == null || leads.isEmpty() || comments == null) {
            throw new IllegalArgumentException(
                    "record " + recordName + " needs a format, at least one lead and a (possibly empty) comment list");
        }
        for (var comment : comments) {
            if (comment.contains("\n")) {
                throw new IllegalArgumentException(
                        "record " + recordName + ": comment '" + comment + "' must be one line");
            }
        }
        int length = leads.getFirst().digital().length;
        int min = format.invalidValue();
        int max = -min - 1;
        for (var lead : leads) {
            if (lead.digital().length != length) {
                throw new IllegalArgumentException("record " + recordName + ": lead " + lead.description() + " has "
                        + lead.digital().length + " samples, the first lead " + length + "; all leads must match");
            }
            for (int i = 0; i < length; i++) {
                int value = lead.digital()[i];
                if (value < min || value > max) {
                    throw new IllegalArgumentException("record " + recordName + ": lead " + lead.description()
                            + " sample " + i + " is " + value + ", outside format " + format.code() + "'s range "
                            + min + " to " + max);
                }
            }
        }
        this.recordName = recordName;
        this.samplingFrequency = samplingFrequency;
        this.format = format;
        this.leads = List.copyOf(leads);
        this.comments = List.copyOf(comments);
    }

    public String recordName() {
        return recordName;
    }

    public String headerFileName() {
        return recordName + ".hea";
    }

    public String dataFileName() {
        return recordName + ".dat";
    }

    public String annotationFileName() {
        return recordName + ".atr";
    }

    /** The header: record line, one signal line per lead (with initial value and checksum), then the comments. */
    public String headerText() {
        int length = leads.getFirst().digital().length;
        var text = new StringBuilder();
        text.append(recordName)
                .append(' ')
                .append(leads.size())
                .append(' ')
                .append(number(samplingFrequency))
                .append(' ')
                .append(length)
                .append('\n');
        for (var lead : leads) {
            var digital = lead.digital();
            short checksum = 0;
            for (int value : digital) {
                checksum += (short) value;
            }
            text.append(dataFileName())
                    .append(' ')
                    .append(format.code())
                    .append(' ')
                    .append(number(lead.gain()))
                    .append('(')
                    .append(lead.zero())
                    .append(")/mV ")
                    .append(format.bits())
                    .append(' ')
                    .append(lead.zero())
                    .append(' ')
                    .append(length == 0 ? lead.zero() : digital[0])
                    .append(' ')
                    .append(checksum)
                    .append(" 0 ")
                    .append(lead.description())
                    .append('\n');
        }
        for (var comment : comments) {
            text.append("# ").append(comment).append('\n');
        }
        return text.toString();
    }

    /** The data file: the leads interleaved frame by frame, packed in the record's format. */
    public void writeData(OutputStream out) throws IOException {
        var buffered = new BufferedOutputStream(out);
        int length = leads.getFirst().digital().length;
        int pending = 0;
        boolean hasPending = false;
        for (int i = 0; i < length; i++) {
            for (var lead : leads) {
                int value = lead.digital()[i];
                if (format == WfdbHeader.Format.F16) {
                    buffered.write(value & 0xFF);
                    buffered.write((value >> 8) & 0xFF);
                } else if (!hasPending) {
                    pending = value & 0xFFF;
                    hasPending = true;
                } else {
                    int second = value & 0xFFF;
                    buffered.write(pending & 0xFF);
                    buffered.write(((second >> 8) << 4) | (pending >> 8));
                    buffered.write(second & 0xFF);
                    hasPending = false;
                }
            }
        }
        if (hasPending) {
            // An odd number of samples ends with the first sample's two bytes, as WFDB writes it.
            buffered.write(pending & 0xFF);
            buffered.write(pending >> 8);
        }
        buffered.flush();
    }

    /**
     * An MIT annotation file: per label a word of the 6-bit code and the 10-bit samples since the previous label,
     * preceded by a SKIP with the whole 32-bit interval when it exceeds 1023; the word 0 ends the file.
     *
     * @param labels in order of position (labels at the same sample are allowed, as WFDB allows them)
     */
    public static void writeAnnotations(OutputStream out, List<Label> labels) throws IOException {
        var buffered = new BufferedOutputStream(out);
        long previous = 0;
        for (int i = 0; i < labels.size(); i++) {
            var label = labels.get(i);
            long increment = label.sample() - previous;
            if (increment < 0) {
                throw new IllegalArgumentException("label " + i + " at sample " + label.sample()
                        + " comes before the previous one at " + previous + "; labels must be in order");
            }
            if (increment > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("label " + i + " at sample " + label.sample() + " is more than "
                        + Integer.MAX_VALUE + " samples after the previous one, beyond the MIT format's SKIP");
            }
            if (increment > MAX_INCREMENT) {
                word(buffered, SKIP << 10);
                word(buffered, (int) (increment >>> 16));
                word(buffered, (int) (increment & 0xFFFF));
                increment = 0;
            }
            word(buffered, (label.code().code() << 10) | (int) increment);
            previous = label.sample();
        }
        word(buffered, 0);
        buffered.flush();
    }

    /**
     * Writes {@code <name>.hea}, {@code <name>.dat} and, when {@code labels} is not empty, {@code <name>.atr} into
     * {@code folder}, replacing files of those names.
     */
    public void writeTo(Path folder, List<Label> labels) throws IOException {
        Files.writeString(folder.resolve(headerFileName()), headerText(), StandardCharsets.ISO_8859_1);
        try (var out = Files.newOutputStream(folder.resolve(dataFileName()))) {
            writeData(out);
        }
        if (!labels.isEmpty()) {
            try (var out = Files.newOutputStream(folder.resolve(annotationFileName()))) {
                writeAnnotations(out, labels);
            }
        }
    }

    private static void word(OutputStream out, int value) throws IOException {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }

    /** Whole numbers without ".0", as WFDB headers write them. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
