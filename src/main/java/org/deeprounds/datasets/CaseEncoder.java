package org.deeprounds.datasets;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Encodes one case a user types or uploads ("try a case") exactly as the dataset's training examples are encoded,
 * or says precisely what is wrong with it: which position of a sequence, which column of a patient, which property
 * of an image.
 */
public final class CaseEncoder {

    private CaseEncoder() {}

    /** A pasted DNA sequence (whitespace ignored; IUPAC codes allowed), padded or cropped as in training. */
    public static float[] sequence(DatasetSummary summary, String text) {
        if (summary.genomics() == null) {
            throw new DatasetFormatException("This dataset holds "
                    + summary.modality().name().toLowerCase(Locale.ROOT) + " cases, not DNA sequences.");
        }
        var bases = text == null ? "" : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (bases.isEmpty()) {
            throw new DatasetFormatException("The sequence is empty: paste the bases (A, C, G, T).");
        }
        for (int i = 0; i < bases.length(); i++) {
            if ("ACGTRYSWKMBDHVN".indexOf(bases.charAt(i)) < 0) {
                throw new DatasetFormatException("Position " + (i + 1) + ": '" + bases.charAt(i)
                        + "' is not a base (A, C, G, T, or an IUPAC code such as N).");
            }
        }
        int length = summary.genomics().encodedLength();
        if (bases.length() > length) {
            throw new DatasetFormatException("The sequence has " + bases.length() + " bases; this model reads " + length
                    + ". Paste at most " + length + " bases.");
        }
        return ExampleReader.oneHot(bases, length);
    }

    /** One patient's values by column name; a blank value counts as missing and is filled as in training. */
    public static float[] patient(DatasetSummary summary, Map<String, String> values) {
        var tabular = summary.tabular();
        if (tabular == null) {
            throw new DatasetFormatException("This dataset holds "
                    + summary.modality().name().toLowerCase(Locale.ROOT) + " cases, not patient tables.");
        }
        var known = tabular.columns().stream()
                .map(DatasetSummary.ColumnSummary::name)
                .toList();
        var problems = new ArrayList<String>();
        for (var name : values.keySet()) {
            if (!known.contains(name)) {
                problems.add("Unknown column '" + name + "'.");
            }
        }
        var out = new float[tabular.encodedFeatures()];
        int at = 0;
        for (var column : tabular.columns()) {
            var raw = values.getOrDefault(column.name(), "");
            raw = raw == null ? "" : raw.strip();
            switch (column.type()) {
                case NUMERIC -> {
                    if (!raw.isEmpty() && !TabularScanner.isMissing(raw)) {
                        try {
                            var number = Double.parseDouble(raw);
                            if (!Double.isFinite(number)) {
                                throw new NumberFormatException();
                            }
                        } catch (NumberFormatException e) {
                            problems.add("Column '" + column.name() + "': '" + raw + "' is not a number.");
                            continue;
                        }
                    }
                }
                case BINARY, CATEGORICAL -> {
                    if (!raw.isEmpty()
                            && !TabularScanner.isMissing(raw)
                            && !column.categories().contains(raw)) {
                        problems.add("Column '" + column.name() + "': '" + raw + "' is not one of "
                                + column.categories() + ".");
                        continue;
                    }
                }
                default -> {
                    // identifiers, ignored columns and the target are not inputs
                }
            }
            at = ExampleReader.encode(column, raw, tabular.missingIndicators(), out, at);
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(String.join(" ", problems));
        }
        return out;
    }

    /** An uploaded PNG or JPEG, converted to the dataset's channels and scaled to its size as a network input. */
    public static float[] image(DatasetSummary summary, byte[] file) {
        var imaging = summary.imaging();
        if (imaging == null) {
            throw new DatasetFormatException(
                    "This dataset holds " + summary.modality().name().toLowerCase(Locale.ROOT) + " cases, not images.");
        }
        var image = decodeChecked(file);
        var scaled = new BufferedImage(
                imaging.width(),
                imaging.height(),
                imaging.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, imaging.width(), imaging.height(), null);
        g.dispose();
        var pixels = ImageFolderZipScanner.pixels(scaled, imaging.channels());
        return ExampleReader.channelFirst(pixels, imaging.height(), imaging.width(), imaging.channels());
    }

    /**
     * Decodes an uploaded image after checking the size its header declares: a file of a few megabytes can declare
     * 45000x45000 pixels, and decoding it first would take gigabytes. The same check as a dataset import's
     * ({@link ImageFolderZipScanner#decode}).
     */
    static BufferedImage decodeChecked(byte[] file) {
        if (file == null || file.length == 0) {
            throw new DatasetFormatException("The file is not a readable PNG or JPEG image.");
        }
        try (var stream = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            var readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetFormatException("The file is not a readable PNG or JPEG image.");
            }
            var reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > ImageFolderZipScanner.MAX_SIDE || height > ImageFolderZipScanner.MAX_SIDE) {
                    throw new DatasetFormatException("The image is " + width + "x" + height + " pixels; at most "
                            + ImageFolderZipScanner.MAX_SIDE + " on a side. Scale it down and upload it again.");
                }
                var image = reader.read(0);
                if (image == null) {
                    throw new DatasetFormatException("The file is not a readable PNG or JPEG image.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFormatException refused) {
                throw refused;
            }
            throw new DatasetFormatException("The file is not a readable PNG or JPEG image (" + e.getMessage() + ").");
        }
    }

    /** The columns a user fills in for one patient, in order. */
    public static List<DatasetSummary.ColumnSummary> inputColumns(DatasetSummary summary) {
        return summary.tabular().columns().stream()
                .filter(c -> c.type() == ColumnType.NUMERIC
                        || c.type() == ColumnType.BINARY
                        || c.type() == ColumnType.CATEGORICAL)
                .toList();
    }
}
