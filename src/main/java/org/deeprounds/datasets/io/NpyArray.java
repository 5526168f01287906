package org.deeprounds.datasets.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads one NumPy {@code .npy} array from a stream: the header, then the values one by one, so an array larger than
 * memory can be streamed. Supports little-endian integer types (uint8 for images; any integer width for labels) and
 * floats (signals) in C order, which is what MedMNIST and {@code numpy.savez} write. ND4J's own reader loads whole
 * arrays into native memory and does not promise uint8, hence this small reader.
 */
public final class NpyArray {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([uif])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final String name;
    private final DataInputStream in;
    private final char kind;
    private final int itemSize;
    private final long[] shape;
    private long read;

    private NpyArray(String name, DataInputStream in, char kind, int itemSize, long[] shape) {
        this.name = name;
        this.in = in;
        this.kind = kind;
        this.itemSize = itemSize;
        this.shape = shape;
    }

    /**
     * Encodes an array as {@code .npy} format 1.0 (magic, header dictionary padded to 64 bytes, then the data as
     * given, little-endian), for the generators that write the shipped synthetic samples.
     *
     * @param descr NumPy's type string, e.g. {@code "<f4"}
     * @param shape the shape as Python writes it, e.g. {@code "(10, 252)"}
     */
    public static byte[] encode(String descr, String shape, byte[] data) {
        var header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        var out = new java.io.ByteArrayOutputStream(10 + header.length() + data.length);
        out.writeBytes(MAGIC);
        out.writeBytes(new byte[] {1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Reads the header; {@code name} is used in error messages (e.g. "train_images.npy"). */
    public static NpyArray open(String name, InputStream stream) throws IOException {
        var in = new DataInputStream(stream);
        var magic = new byte[6];
        readFully(in, magic, name, "header");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NpyFormatException(name + ": not a NumPy .npy array (wrong magic bytes)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(in.readInt());
        } else {
            throw new NpyFormatException(name + ": unsupported .npy version " + major);
        }
        if (headerLength <= 0 || headerLength > 65536) {
            throw new NpyFormatException(name + ": header length " + headerLength + " is not plausible");
        }
        var headerBytes = new byte[headerLength];
        readFully(in, headerBytes, name, "header");
        var header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        var descr = DESCR.matcher(header);
        var fortran = FORTRAN.matcher(header);
        var shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new NpyFormatException(name + ": header is not a NumPy array description: " + header.strip());
        }
        if (descr.group(1).equals(">") && !descr.group(3).equals("1")) {
            throw new NpyFormatException(name + ": big-endian data is not supported");
        }
        if (fortran.group(1).equals("True")) {
            throw new NpyFormatException(name + ": Fortran-ordered arrays are not supported; save with C order");
        }
        var declared = "(" + shapeMatch.group(1).strip() + ")";
        var dims = Arrays.stream(shapeMatch.group(1).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToLong(d -> dimension(name, declared, d))
                .toArray();
        int itemSize = Integer.parseInt(descr.group(3));
        if (itemSize != 1 && itemSize != 2 && itemSize != 4 && itemSize != 8) {
            throw new NpyFormatException(name + ": values of " + itemSize + " bytes are not supported");
        }
        var array = new NpyArray(name, in, descr.group(2).charAt(0), itemSize, dims);
        array.dataBytes(); // fails on a shape whose size overflows
        return array;
    }

    /** A shape as NumPy writes it: "(5,)", "(3, 28, 28)". */
    public static String describe(long[] shape) {
        var dims = Arrays.stream(shape).mapToObj(Long::toString).toList();
        return dims.size() == 1 ? "(" + dims.getFirst() + ",)" : "(" + String.join(", ", dims) + ")";
    }

    private static long dimension(String name, String declared, String text) {
        try {
            if (text.matches("\\d{1,19}")) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the message below
        }
        throw new NpyFormatException(
                name + ": shape " + declared + " is not a list of whole numbers from 0 up (found '" + text + "')");
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** NumPy's dtype name, e.g. "uint8", "int64". */
    public String dtype() {
        return switch (kind) {
            case 'u' -> "uint" + itemSize * 8;
            case 'i' -> "int" + itemSize * 8;
            default -> "float" + itemSize * 8;
        };
    }

    public boolean isUint8() {
        return kind == 'u' && itemSize == 1;
    }

    public boolean isInteger() {
        return kind == 'u' || kind == 'i';
    }

    /** Number of values in the array. */
    public long size() {
        try {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        } catch (ArithmeticException e) {
            throw new NpyFormatException(name + ": shape " + describe(shape) + " holds more values than can be"
                    + " counted (the header is corrupt or hostile)");
        }
    }

    /** Bytes of data the header declares (values x bytes per value). */
    public long dataBytes() {
        try {
            return Math.multiplyExact(size(), itemSize);
        } catch (ArithmeticException e) {
            throw new NpyFormatException(name + ": shape " + describe(shape) + " of " + dtype()
                    + " declares more bytes than can be counted (the header is corrupt or hostile)");
        }
    }

    /** Fills {@code buffer} with the next uint8 values; fails naming the array when the data ends early. */
    public void readBytes(byte[] buffer) throws IOException {
        if (!isUint8()) {
            throw new IllegalStateException(name + " is " + dtype() + ", not uint8");
        }
        readFully(in, buffer, name, "data (value " + read + " of " + size() + ")");
        read += buffer.length;
    }

    /** The next value of an integer array. */
    public long readInteger() throws IOException {
        if (!isInteger()) {
            throw new NpyFormatException(name + " holds " + dtype() + " values; integer labels are expected");
        }
        var bytes = new byte[itemSize];
        readFully(in, bytes, name, "data (value " + read + " of " + size() + ")");
        read++;
        long value = 0;
        for (int i = itemSize - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        if (kind == 'i' && itemSize < 8) {
            int unused = 64 - itemSize * 8;
            value = (value << unused) >> unused;
        }
        return value;
    }

    /**
     * Fills {@code buffer} with the next values of any numeric type, as floats (signals and other measurements;
     * float16 included). One bulk read per call, so a long signal is not read value by value; fails naming the array
     * when the data ends early.
     */
    public void readFloats(float[] buffer) throws IOException {
        var bytes = new byte[Math.multiplyExact(buffer.length, itemSize)];
        readFully(in, bytes, name, "data (value " + read + " of " + size() + ")");
        read += buffer.length;
        var data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = switch (kind) {
                case 'f' ->
                    switch (itemSize) {
                        case 2 -> Float.float16ToFloat(data.getShort());
                        case 4 -> data.getFloat();
                        default -> (float) data.getDouble();
                    };
                case 'u' ->
                    switch (itemSize) {
                        case 1 -> Byte.toUnsignedInt(data.get());
                        case 2 -> Short.toUnsignedInt(data.getShort());
                        case 4 -> Integer.toUnsignedLong(data.getInt());
                        default -> unsignedToFloat(data.getLong());
                    };
                default ->
                    switch (itemSize) {
                        case 1 -> data.get();
                        case 2 -> data.getShort();
                        case 4 -> data.getInt();
                        default -> data.getLong();
                    };
            };
        }
    }

    private static float unsignedToFloat(long value) {
        return value >= 0 ? value : (float) (value >>> 1) * 2f;
    }

    private static void readFully(DataInputStream in, byte[] buffer, String name, String part) throws IOException {
        try {
            in.readFully(buffer);
        } catch (EOFException e) {
            throw new NpyFormatException(name + ": the file ends inside the " + part + " (truncated?)");
        }
    }

    /**
     * A broken or unsupported {@code .npy} array. Unchecked, so the header checks can run inside streams; the
     * message names the array and what is wrong with it.
     */
    public static final class NpyFormatException extends java.io.UncheckedIOException {
        public NpyFormatException(String message) {
            super(message, new IOException(message));
        }
    }
}
