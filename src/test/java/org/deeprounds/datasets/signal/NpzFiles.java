package org.deeprounds.datasets.signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small {@code .npy} arrays and {@code .npz} archives in memory, in NumPy's own layout, for tests. */
final class NpzFiles {

    private NpzFiles() {}

    /** One array: dtype descriptor (e.g. "<f4", "<i2"), shape and raw little-endian data. */
    record Npy(String descr, long[] shape, byte[] data) {}

    static byte[] npy(Npy array) {
        var dims = Arrays.stream(array.shape()).mapToObj(Long::toString).toList();
        var shape = dims.size() == 1 ? "(" + dims.getFirst() + ",)" : "(" + String.join(", ", dims) + ")";
        var header = "{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    /** An npz: each array stored as "{key}.npy". */
    static byte[] npz(Map<String, Npy> arrays) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                zip.write(npy(entry.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
