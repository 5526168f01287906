package org.deeprounds.datasets.signal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WFDB annotation file in MIT format ({@code .atr}): the cardiologists' labels of a record, one per beat or
 * event, at a sample position. The file is a run of 16-bit little-endian words, each with a 6-bit type and a 10-bit
 * value: an annotation (types 1-49) whose value is the samples since the previous one, preceded by SKIP (59, a 32-bit
 * interval for gaps of 1024 samples or more) and followed by its modifiers NUM (60), SUB (61), CHN (62) and AUX (63, a
 * text such as the new rhythm "(AFIB"); the word 0 ends the file. Positions are counted exactly as WFDB does, since a
 * label one beat off teaches the network the wrong beat. A file's own label definitions (notes at sample 0 between
 * "## annotation type definitions" and "## end of definitions") are kept as notes but not applied: mnemonics are
 * always the standard ones, which is what MIT-BIH and the other beat databases use.
 */
public final class WfdbAnnotations {

    /** Far above the ~2,300 beats of a 30-minute MIT-BIH record or a day of Holter beats. */
    public static final int DEFAULT_MAX_ANNOTATIONS = 10_000_000;

    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;
    private static final int VALUE_BITS = 10;
    private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;

    private WfdbAnnotations() {}

    /**
     * One annotation.
     *
     * @param sample position in the record, in samples from its start
     * @param code the stored type (1-49); see {@link AnnotationCode}
     * @param subtype SUB modifier, 0 when absent
     * @param channel the signal it refers to (CHN, carried over to later annotations as WFDB does)
     * @param number NUM modifier (carried over like the channel)
     * @param aux the AUX text, "" when absent (a rhythm change carries the new rhythm here)
     */
    public record Annotation(long sample, int code, int subtype, int channel, int number, String aux) {

        /** The standard mnemonic ("N", "V", "+"), or the number in brackets for a code the standard leaves unused. */
        public String mnemonic() {
            return AnnotationCode.of(code).map(AnnotationCode::mnemonic).orElse("[" + code + "]");
        }

        /** Whether it marks a heartbeat; rhythm, noise and other annotations are kept but are not beats. */
        public boolean isBeat() {
            return AnnotationCode.of(code).map(AnnotationCode::isBeat).orElse(false);
        }
    }

    /** Reads all annotations in file order; {@code fileName} names the file in error messages. */
    public static List<Annotation> read(String fileName, InputStream in, int maxAnnotations) throws IOException {
        return new Reader(fileName, new BufferedInputStream(in), maxAnnotations).readAll();
    }

    private static final class Reader {
        private final String fileName;
        private final InputStream in;
        private final int max;
        private final List<Annotation> out = new ArrayList<>();
        private long offset;

        private long time;
        private boolean pending;
        private int code;
        private long sample;
        private int subtype;
        private int channel;
        private int number;
        private String aux = "";

        Reader(String fileName, InputStream in, int max) {
            this.fileName = fileName;
            this.in = in;
            this.max = max;
        }

        List<Annotation> readAll() throws IOException {
            while (true) {
                long at = offset;
                int word = word(null);
                if (word <= 0) {
                    break; // the end word 0, or the file simply ends after a whole annotation
                }
                int type = word >>> VALUE_BITS;
                int value = word & VALUE_MASK;
                switch (type) {
                    case SKIP -> time += interval();
                    case NUM -> number = modifier(at, "NUM", (byte) value);
                    case SUB -> subtype = modifier(at, "SUB", (byte) value);
                    case CHN -> channel = modifier(at, "CHN", value & 0xFF);
                    case AUX -> aux = auxText(at, value);
                    default -> annotation(at, type, value);
                }
            }
            flush();
            return out;
        }

        private void annotation(long at, int type, int increment) throws SignalFormatException {
            if (type > AnnotationCode.MAX_CODE) {
                throw new SignalFormatException(fileName + " byte " + at + ": annotation type " + type
                        + " is not defined in the MIT format (1-" + AnnotationCode.MAX_CODE
                        + " are annotations, 59-63 markers); is this an annotation file?");
            }
            flush();
            time += increment;
            if (time < 0) {
                throw new SignalFormatException(
                        fileName + " byte " + at + ": annotation at sample " + time + ", before the record starts");
            }
            if (out.size() == max) {
                throw new SignalFormatException(fileName + ": more than " + max + " annotations");
            }
            pending = true;
            code = type;
            sample = time;
            subtype = 0;
            aux = "";
        }

        /** The annotation is complete once the next one (or the end) arrives: its modifiers follow it. */
        private void flush() {
            if (pending) {
                out.add(new Annotation(sample, code, subtype, channel, number, aux));
                pending = false;
            }
        }

        private int modifier(long at, String name, int value) throws SignalFormatException {
            if (!pending) {
                throw new SignalFormatException(
                        fileName + " byte " + at + ": a " + name + " modifier before any annotation");
            }
            return value;
        }

        /** SKIP's 32 bits: the high 16-bit word first, each word little-endian (PDP-11 order); may be negative. */
        private int interval() throws IOException {
            int high = word("a SKIP interval");
            int low = word("a SKIP interval");
            return (high << 16) | low;
        }

        private String auxText(long at, int length) throws IOException {
            modifier(at, "AUX", 0);
            var bytes = in.readNBytes(length + (length & 1));
            offset += bytes.length;
            if (bytes.length < length + (length & 1)) {
                throw new SignalFormatException(fileName + " byte " + at + ": the file ends inside a " + length
                        + "-byte AUX text (truncated?)");
            }
            int end = length;
            while (end > 0 && bytes[end - 1] == 0) {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }

        /** The next little-endian word; -1 at a clean end, allowed only where {@code inside} is null. */
        private int word(String inside) throws IOException {
            int low = in.read();
            if (low < 0 && inside == null) {
                return -1;
            }
            int high = low < 0 ? -1 : in.read();
            if (high < 0) {
                throw new SignalFormatException(fileName + " byte " + offset + ": the file ends inside "
                        + (inside == null ? "a 16-bit word" : inside) + " (truncated?)");
            }
            offset += 2;
            return (high << 8) | low;
        }
    }
}
