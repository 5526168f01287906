package org.deeprounds.datasets.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.deeprounds.datasets.Fixtures;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny {@code .npz} whose headers declare huge, negative or overflowing shapes is refused from its header, before
 * anything is sized from it: quickly, with a message naming the file, the entry and the shape. (The import turns the
 * scanner's {@link IOException} into a {@link DatasetFormatException}, answered 400.)
 */
class HostileNpzTest {

    /** Far below the seconds (or the OutOfMemoryError) that allocating a declared 1.5 billion labels took. */
    static final Duration QUICK = Duration.ofSeconds(2);

    static final long LIMIT = 4L * 1024 * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void label_shapes_that_the_data_cannot_hold_are_refused_before_allocating() {
        assertRefused(withTrainLabels("'<i8'", "(1500000000,)"), "train_labels.npy", "(1500000000,)", "holds only");
        assertRefused(withTrainLabels("'<i8'", "(1500000000, 1)"), "train_labels.npy", "(1500000000, 1)");
        assertRefused(withTrainLabels("'<i8'", "(-5,)"), "train_labels.npy", "(-5,)", "whole numbers");
        assertRefused(withTrainLabels("'<i8'", "(3e9,)"), "train_labels.npy", "(3e9,)", "whole numbers");
        assertRefused(withTrainLabels("'<i8'", "(99999999999999999999,)"), "train_labels.npy", "99999999999999999999");
        assertRefused(
                withTrainLabels("'<i8'", "(4294967296, 4294967296)"),
                "train_labels.npy",
                "(4294967296, 4294967296)",
                "more values than can be counted");
        assertRefused(
                withTrainLabels("'<i8'", "(2305843009213693952,)"),
                "train_labels.npy",
                "(2305843009213693952,)",
                "more bytes than can be counted");
    }

    @Test
    void image_shapes_that_the_data_cannot_hold_are_refused_before_allocating() {
        var arrays = medmnist();
        arrays.put("val_images.npy", raw("'|u1'", "(2000000000, 28, 28)", new byte[2 * 28 * 28]));
        assertRefused(Fixtures.zip(arrays), "val_images.npy", "(2000000000, 28, 28)", "holds only");
    }

    @Test
    void three_hostile_files_at_once_are_each_refused_quickly() throws Exception {
        var npz = withTrainLabels("'<i8'", "(1500000000,)");
        var calls = new ArrayList<CompletableFuture<Void>>();
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            var own = folder.resolve("concurrent-" + i);
            calls.add(CompletableFuture.runAsync(() -> refusedIn(own, npz, "train_labels.npy", "(1500000000,)")));
        }
        for (var call : calls) {
            call.get();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
    }

    @Test
    void an_honest_small_npz_is_still_read() throws Exception {
        var file = Files.write(folder.resolve("films.npz"), Fixtures.zip(medmnist()));
        var work = Files.createDirectories(folder.resolve("honest"));
        var summary = NpzScanner.scan(
                file, ImportOptions.of("Films", Modality.IMAGING, LIMIT), new ScanContext(work, "films.npz"));
        assertThat(summary.splits().values().stream()
                        .mapToInt(DatasetSummary.SplitSummary::size)
                        .sum())
                .isEqualTo(8);
    }

    private void assertRefused(byte[] npz, String... parts) {
        long started = System.nanoTime();
        refusedIn(folder.resolve("case-" + System.nanoTime()), npz, parts);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
    }

    private static void refusedIn(Path work, byte[] npz, String... parts) {
        try {
            Files.createDirectories(work);
            var file = Files.write(work.resolve("hostile.npz"), npz);
            var context = new ScanContext(Files.createDirectories(work.resolve("out")), "hostile.npz");
            assertThatThrownBy(() -> {
                        try {
                            NpzScanner.scan(file, ImportOptions.of("Hostile", Modality.IMAGING, LIMIT), context);
                        } catch (UncheckedIOException e) {
                            throw e.getCause(); // as the import does
                        }
                    })
                    .isInstanceOfAny(IOException.class, DatasetFormatException.class)
                    .hasMessageContainingAll(parts)
                    .hasMessageContaining("hostile.npz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid small MedMNIST npz whose train labels carry the given header and eight bytes of data. */
    static byte[] withTrainLabels(String descr, String shape) {
        var arrays = medmnist();
        arrays.put("train_labels.npy", raw(descr, shape, new byte[8]));
        return Fixtures.zip(arrays);
    }

    private static Map<String, byte[]> medmnist() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("train_images.npy", Fixtures.npy(Fixtures.images(4, 28, 28, 1)));
        entries.put("train_labels.npy", Fixtures.npy(Fixtures.labels(0, 1, 0, 1)));
        entries.put("val_images.npy", Fixtures.npy(Fixtures.images(2, 28, 28, 2)));
        entries.put("val_labels.npy", Fixtures.npy(Fixtures.labels(0, 1)));
        entries.put("test_images.npy", Fixtures.npy(Fixtures.images(2, 28, 28, 3)));
        entries.put("test_labels.npy", Fixtures.npy(Fixtures.labels(0, 1)));
        return entries;
    }

    /** An {@code .npy} with the header text as given (any shape, even one NumPy would never write). */
    private static byte[] raw(String descr, String shape, byte[] data) {
        var header = "{'descr': " + descr + ", 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }
}
