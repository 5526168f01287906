package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;

/**
 * Reads a stored dataset back as encoded examples of the splits asked for, in file order, one at a time, through the
 * format it names; and the encodings the formats share (channel-first pixels, one-hot DNA, table columns).
 */
public final class ExampleReader {

    private ExampleReader() {}

    /** Reads a stored dataset with the format it names (its {@code format_id}). */
    public static void read(
            Path folder,
            DatasetFormat format,
            DatasetSummary summary,
            Set<Split> wanted,
            long maxUnpacked,
            Example.Sink sink)
            throws IOException {
        var splits = Files.readAllBytes(folder.resolve(ScanContext.SPLITS_FILE));
        format.read(folder, summary, splits, wanted, maxUnpacked, sink);
    }

    /** Interleaved H x W x C bytes to channel-first floats in 0-1, as DL4J's NCHW layout expects. */
    static float[] channelFirst(byte[] pixels, int h, int w, int c) {
        var out = new float[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    out[ch * h * w + y * w + x] = (pixels[(y * w + x) * c + ch] & 0xFF) / 255f;
                }
            }
        }
        return out;
    }

    /**
     * One-hot DNA, channel-first (4 x L: rows A, C, G, T). IUPAC codes spread over the bases they stand for (N = 0.25
     * each); positions past the end are padded as N; longer sequences are cropped at the end.
     */
    static float[] oneHot(String bases, int length) {
        var out = new float[4 * length];
        for (int p = 0; p < length; p++) {
            var meaning = p < bases.length() ? IUPAC.get(bases.charAt(p)) : "ACGT";
            for (int k = 0; k < meaning.length(); k++) {
                out[SequenceScanner.BASES.indexOf(meaning.charAt(k)) * length + p] = 1f / meaning.length();
            }
        }
        return out;
    }

    private static final Map<Character, String> IUPAC = Map.ofEntries(
            Map.entry('A', "A"),
            Map.entry('C', "C"),
            Map.entry('G', "G"),
            Map.entry('T', "T"),
            Map.entry('R', "AG"),
            Map.entry('Y', "CT"),
            Map.entry('S', "CG"),
            Map.entry('W', "AT"),
            Map.entry('K', "GT"),
            Map.entry('M', "AC"),
            Map.entry('B', "CGT"),
            Map.entry('D', "AGT"),
            Map.entry('H', "ACT"),
            Map.entry('V', "ACG"),
            Map.entry('N', "ACGT"));

    /**
     * The group each row of one split belongs to by a sensitive column, in the order {@link #read} gives the rows:
     * the value itself for categories; for measurements, at or below / above the exact median of the training
     * values, labelled with the number compared ("age ≤ 57.5", "age > 57.5"; see {@link MedianSplit}).
     */
    public static java.util.List<String> groups(Path folder, DatasetSummary summary, Split wanted, String column)
            throws IOException {
        var tabular = summary.tabular();
        int index = tabular.header().indexOf(column);
        var columnSummary = tabular.columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No column '" + column + "'"));
        boolean numeric = columnSummary.type() == ColumnType.NUMERIC;
        var splits = Files.readAllBytes(folder.resolve(ScanContext.SPLITS_FILE));
        var raws = new java.util.ArrayList<String>();
        var trainingValues = new java.util.ArrayList<Double>();
        var file = folder.resolve(ScanContext.SOURCE + ".csv");
        try (var parser = TableLayout.of(tabular).open(file)) {
            int row = 0;
            for (var record : parser) {
                var split = Split.ofCode(splits[row++]);
                var raw = record.get(index).strip();
                if (split == wanted) {
                    raws.add(raw);
                }
                if (numeric && split == Split.TRAIN) {
                    var value = number(raw);
                    if (value != null) {
                        trainingValues.add(value);
                    }
                }
            }
        }
        var bands = numeric ? MedianSplit.of(column, trainingValues) : null;
        var out = new java.util.ArrayList<String>(raws.size());
        for (var raw : raws) {
            var value = numeric ? number(raw) : null;
            if (TabularScanner.isMissing(raw) || (numeric && value == null && isNonFinite(raw))) {
                out.add(column + " missing");
            } else if (bands != null && value != null) {
                out.add(bands.bandOf(value));
            } else {
                out.add(column + " " + raw);
            }
        }
        return out;
    }

    /** A finite number, else null (missing, text, or infinite, which the scanner counts as missing). */
    private static Double number(String raw) {
        if (TabularScanner.isMissing(raw)) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNonFinite(String raw) {
        try {
            return !Double.isFinite(Double.parseDouble(raw));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * What a table calls each row of one split, in the order {@link #read} gives the rows: the value of its id column
     * (else its group column, e.g. a patient id); empty when the table has neither or is not a table.
     */
    public static java.util.List<String> names(Path folder, DatasetSummary summary, Split wanted) throws IOException {
        var tabular = summary.tabular();
        var column = tabular == null ? null : tabular.idColumn() != null ? tabular.idColumn() : tabular.groupColumn();
        if (column == null) {
            return java.util.List.of();
        }
        int index = tabular.header().indexOf(column);
        var splits = Files.readAllBytes(folder.resolve(ScanContext.SPLITS_FILE));
        var out = new java.util.ArrayList<String>();
        try (var parser = TableLayout.of(tabular).open(folder.resolve(ScanContext.SOURCE + ".csv"))) {
            int row = 0;
            for (var record : parser) {
                if (Split.ofCode(splits[row++]) == wanted) {
                    out.add(record.get(index).strip());
                }
            }
        }
        return out;
    }

    /** Writes one column's encoding at {@code at}; returns the next position. */
    static int encode(DatasetSummary.ColumnSummary column, String raw, boolean indicators, float[] out, int at) {
        var type = column.type();
        if (type == ColumnType.IDENTIFIER || type == ColumnType.IGNORE || type == ColumnType.TARGET) {
            return at;
        }
        boolean missing = TabularScanner.isMissing(raw);
        var value = raw.strip();
        switch (type) {
            case NUMERIC -> {
                double v = missing ? column.trainMedian() : Double.parseDouble(value);
                double sd = column.trainStd() == null || column.trainStd() == 0 ? 1 : column.trainStd();
                out[at++] = (float) ((v - column.trainMean()) / sd);
            }
            case BINARY -> {
                var category = missing ? mode(column) : value;
                out[at++] = column.categories().indexOf(category) == 1 ? 1f : 0f;
            }
            default -> {
                var category = missing ? mode(column) : value;
                int index = column.categories().indexOf(category);
                if (index >= 0) {
                    out[at + index] = 1f;
                }
                at += Math.max(1, column.categories().size());
            }
        }
        if (indicators && column.missing() > 0) {
            out[at++] = missing ? 1f : 0f;
        }
        return at;
    }

    private static String mode(DatasetSummary.ColumnSummary column) {
        return column.trainMode() != null
                ? column.trainMode()
                : column.categories().getFirst();
    }
}
