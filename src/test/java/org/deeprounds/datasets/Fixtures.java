package org.deeprounds.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Builds small dataset files in memory, in the real formats, for tests of the machinery (not of accuracy). */
public final class Fixtures {

    private Fixtures() {}

    /** One {@code .npy} array: dtype descriptor (e.g. "|u1", "<i8"), shape and raw little-endian data. */
    public record Npy(String descr, long[] shape, byte[] data) {}

    public static Npy images(int n, int h, int w, long seed) {
        var data = new byte[n * h * w];
        new Random(seed).nextBytes(data);
        return new Npy("|u1", new long[] {n, h, w}, data);
    }

    public static Npy labels(int... values) {
        var buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        Arrays.stream(values).forEach(v -> buffer.putLong(v));
        return new Npy("<i8", new long[] {values.length, 1}, buffer.array());
    }

    public static byte[] npy(Npy array) {
        var shape = Arrays.stream(array.shape()).mapToObj(Long::toString).toList();
        var shapeText = shape.size() == 1 ? "(" + shape.getFirst() + ",)" : "(" + String.join(", ", shape) + ")";
        var header = "{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    /** A MedMNIST-like npz with 28x28 random images and the given labels per split. */
    public static byte[] medmnist(int[] train, int[] val, int[] test) {
        var arrays = new LinkedHashMap<String, Npy>();
        arrays.put("train_images", images(train.length, 28, 28, 1));
        arrays.put("train_labels", labels(train));
        arrays.put("val_images", images(val.length, 28, 28, 2));
        arrays.put("val_labels", labels(val));
        arrays.put("test_images", images(test.length, 28, 28, 3));
        arrays.put("test_labels", labels(test));
        return npz(arrays);
    }

    public static byte[] npz(Map<String, Npy> arrays) {
        var entries = new LinkedHashMap<String, byte[]>();
        arrays.forEach((name, array) -> entries.put(name + ".npy", npy(array)));
        return zip(entries);
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png(int size, int grey) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.getRaster().setSample(x, y, 0, (grey + x * 3 + y) & 0xFF);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A balanced list of labels 0/1 of the given length. */
    public static int[] alternating(int n) {
        var labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
        }
        return labels;
    }
}
