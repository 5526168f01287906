package org.deeprounds.datasets.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprounds.datasets.model.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Import time and peak heap for large files: an imaging npz and a patient CSV at two sizes each, to show the heap
 * does not grow with the file. Not part of the normal test run; see docs/benchmarks.md for the command.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmark {

    static final int RUNS = 3;

    @Test
    void imaging_npz_and_patient_csv() throws IOException {
        var dir = Files.createTempDirectory("import-bench");
        var report = new ArrayList<String>();
        for (int megabytes : List.of(25, 100)) {
            var npz = dir.resolve("images-" + megabytes + "mb.npz");
            writeNpz(npz, megabytes);
            report.add(measure("npz " + Files.size(npz) / 1_000_000 + " MB", npz, "npz"));
        }
        for (int rows : List.of(25_000, 100_000)) {
            var csv = dir.resolve("patients-" + rows + ".csv");
            writeCsv(csv, rows);
            report.add(measure("csv " + rows + " rows (" + Files.size(csv) / 1_000_000 + " MB)", csv, "csv"));
        }
        report.forEach(
                line -> org.slf4j.LoggerFactory.getLogger(ImportBenchmark.class).info("BENCHMARK {}", line));
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }

    private static String measure(String label, Path file, String kind) throws IOException {
        var seconds = new ArrayList<Double>();
        var heaps = new ArrayList<Double>();
        for (int run = 0; run < RUNS; run++) {
            var folder = Files.createTempDirectory("import-run");
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            try (var in = Files.newInputStream(file)) {
                var source = folder.resolve("source." + kind);
                java.nio.file.Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                var options = ImportOptions.of("bench", null, 8L << 30)
                        .withTarget(kind.equals("csv") ? "outcome" : null, null, List.of());
                var context = new ScanContext(folder, file.getFileName().toString());
                if (kind.equals("npz")) {
                    NpzScanner.scan(source, options, context);
                } else {
                    TabularScanner.scan(source, options, context);
                }
            }
            seconds.add((System.nanoTime() - start) / 1e9);
            heaps.add(peakHeapMiB());
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        }
        return String.format(
                "%s: import %.2f s (median of %s), peak heap %.0f MiB (median of %s)",
                label, median(seconds), seconds, median(heaps), heaps);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(p -> p.resetPeakUsage());
    }

    private static double peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                / (1024.0 * 1024);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** 128x128 greyscale noise images (incompressible), about {@code megabytes} MB in all. */
    private static void writeNpz(Path file, int megabytes) throws IOException {
        int side = 128;
        int total = megabytes * 1_000_000 / (side * side);
        int[] counts = {total * 7 / 10, total * 15 / 100, total - total * 7 / 10 - total * 15 / 100};
        String[] prefixes = {"train", "val", "test"};
        var random = new Random(1);
        try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.setLevel(1);
            for (int s = 0; s < 3; s++) {
                zip.putNextEntry(new ZipEntry(prefixes[s] + "_images.npy"));
                header(zip, "|u1", "(" + counts[s] + ", " + side + ", " + side + ")");
                var image = new byte[side * side];
                for (int i = 0; i < counts[s]; i++) {
                    random.nextBytes(image);
                    zip.write(image);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(prefixes[s] + "_labels.npy"));
                header(zip, "|u1", "(" + counts[s] + ", 1)");
                for (int i = 0; i < counts[s]; i++) {
                    zip.write(i % 2);
                }
                zip.closeEntry();
            }
        }
    }

    private static void header(OutputStream out, String descr, String shape) throws IOException {
        var header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Patients x 30 numeric measurements, a sex column, some missing values, a binary outcome. */
    private static void writeCsv(Path file, int rows) throws IOException {
        var random = new Random(2);
        try (var out = Files.newBufferedWriter(file)) {
            var header = new StringBuilder("patient_id,sex");
            for (int c = 0; c < 30; c++) {
                header.append(",m").append(c);
            }
            out.write(header.append(",outcome\n").toString());
            for (int r = 0; r < rows; r++) {
                var line = new StringBuilder("P").append(r).append(',').append(random.nextBoolean() ? "F" : "M");
                for (int c = 0; c < 30; c++) {
                    line.append(',');
                    if (random.nextInt(50) != 0) {
                        line.append(String.format("%.3f", random.nextGaussian() * 10 + c));
                    }
                }
                out.write(line.append(random.nextInt(4) == 0 ? ",ill\n" : ",well\n")
                        .toString());
            }
        }
    }
}
