package org.deeprounds.evaluation.reader;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.models.InputShape;

/**
 * Turns an encoded test case back into what a clinician would look at: a film as a PNG, a patient's row in its own
 * units, a DNA sequence, a beat in millivolts. Nothing of the file it came from (names, row ids, order) survives the encoding.
 */
final class CaseContent {

    private CaseContent() {}

    /** A beat lead by lead in the dataset's units, with the dataset's description of its signals. */
    record Signal(float[][] values, DatasetSummary.SignalSummary summary) {}

    /** The film as a base64 PNG (grey, or colour for three channels), pixels in [0, 1] scaled to 0–255. */
    static String png(float[] features, InputShape shape) {
        int w = shape.width();
        int h = shape.height();
        boolean colour = shape.channels() == 3;
        var image = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (colour) {
                    int r = grey(features[y * w + x]);
                    int g = grey(features[h * w + y * w + x]);
                    int b = grey(features[2 * h * w + y * w + x]);
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                } else {
                    image.getRaster().setSample(x, y, 0, grey(features[y * w + x]));
                }
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static int grey(float value) {
        return Math.round(255 * Math.max(0, Math.min(1, value)));
    }

    /** The one-hot sequence as its bases (N where no base is set). */
    static String sequence(float[] features, InputShape shape) {
        int length = shape.length();
        var out = new StringBuilder(length);
        for (int position = 0; position < length; position++) {
            char base = 'N';
            for (int k = 0; k < 4; k++) {
                if (features[k * length + position] > 0.5) {
                    base = "ACGT".charAt(k);
                }
            }
            out.append(base);
        }
        return out.toString();
    }

    /**
     * The patient's row in the table's own units: numbers undone from their training-split scaling, categories from
     * their one-hot inputs, "missing" where the table's missing-value flag says the value was filled in.
     */
    static Map<String, String> row(float[] features, DatasetSummary.TabularSummary table) {
        var out = new LinkedHashMap<String, String>();
        var ranges = table.featureRanges();
        for (var column : table.columns()) {
            var range = ranges.stream()
                    .filter(r -> r.column().equals(column.name()))
                    .findFirst()
                    .orElse(null);
            if (range == null) {
                continue;
            }
            boolean flagged = table.missingIndicators() && column.missing() > 0 && features[range.to() - 1] > 0.5;
            if (flagged) {
                out.put(column.name(), "missing");
                continue;
            }
            var value = switch (column.type()) {
                case NUMERIC -> {
                    double sd = column.trainStd() == null || column.trainStd() == 0 ? 1 : column.trainStd();
                    yield number(features[range.from()] * sd + column.trainMean());
                }
                case BINARY -> column.categories().get(features[range.from()] > 0.5 ? 1 : 0);
                default -> {
                    int best = 0;
                    for (int k = 1; k < column.categories().size(); k++) {
                        if (features[range.from() + k] > features[range.from() + best]) {
                            best = k;
                        }
                    }
                    yield column.categories().isEmpty()
                            ? ""
                            : column.categories().get(best);
                }
            };
            out.put(column.name(), value);
        }
        return out;
    }

    /** Four significant figures, without a trailing ".0": the precision a table of measurements is read at. */
    static String number(double value) {
        var text = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text.toLowerCase(Locale.ROOT);
    }
}
