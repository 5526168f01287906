package org.deeprounds.datasets.formats;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;

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

    /**
     * A signal given lead by lead, standardised as the training examples were; it must have the dataset's leads and
     * exactly its samples per lead.
     */
    public static float[] signal(DatasetSummary summary, float[][] leads) {
        var signal = requireSignals(summary);
        if (leads.length != signal.channels()) {
            throw new DatasetFormatException("signal: " + leads.length + " lead(s) given; this model reads "
                    + signal.channels() + " (" + String.join(", ", signal.leads()) + ")");
        }
        var values = new float[signal.channels() * signal.length()];
        for (int l = 0; l < leads.length; l++) {
            if (leads[l].length != signal.length()) {
                throw new DatasetFormatException("signal: lead " + (l + 1) + " has " + leads[l].length
                        + " samples; this model reads exactly " + signal.length() + " per lead"
                        + (signal.samplingFrequency() > 0
                                ? String.format(
                                        Locale.ROOT,
                                        " (%.2f s at %.0f Hz)",
                                        signal.seconds(),
                                        signal.samplingFrequency())
                                : ""));
            }
            System.arraycopy(leads[l], 0, values, l * signal.length(), signal.length());
        }
        return SignalScan.standardised(values, signal);
    }

    /**
     * Beat {@code beat} (from 1) of the real recording shipped with DeepRounds, cut around its detected R peak and
     * resampled to the dataset's rate exactly as the dataset's beats are windowed.
     */
    public static float[] recordingBeat(DatasetSummary summary, int beat) {
        var signal = requireSignals(summary);
        if (signal.channels() != 1) {
            throw new DatasetFormatException("recordingBeat: the shipped recording has one lead; this model reads "
                    + signal.channels() + " (" + String.join(", ", signal.leads()) + ")");
        }
        if (signal.samplingFrequency() <= 0) {
            throw new DatasetFormatException("recordingBeat: this dataset's sampling frequency is not known, so a beat"
                    + " of the recording cannot be cut to match it; import it again with samplingFrequency");
        }
        int before = signal.windowBefore() == null ? signal.length() / 2 : signal.windowBefore();
        try {
            var window = org.deeprounds.datasets.signal.RecordingBeats.shipped()
                    .window(beat, signal.samplingFrequency(), before, signal.length());
            return SignalScan.standardised(window, signal);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The shipped recording could not be read", e);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException("recordingBeat: " + e.getMessage());
        }
    }

    /** A signal example's values lead by lead in the dataset's units: its standardisation undone. */
    public static float[][] signalValues(DatasetSummary summary, float[] features) {
        var signal = requireSignals(summary);
        var leads = new float[signal.channels()][signal.length()];
        for (int c = 0; c < signal.channels(); c++) {
            double mean = signal.trainMean().get(c);
            double std = signal.trainStd().get(c);
            for (int t = 0; t < signal.length(); t++) {
                leads[c][t] = (float) (features[c * signal.length() + t] * std + mean);
            }
        }
        return leads;
    }

    private static DatasetSummary.SignalSummary requireSignals(DatasetSummary summary) {
        if (summary.signal() == null) {
            throw new DatasetFormatException("This dataset holds "
                    + summary.modality().name().toLowerCase(Locale.ROOT) + " cases, not signals.");
        }
        return summary.signal();
    }
}
