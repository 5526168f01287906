package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.formats.CaseEncoder;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.models.InputShape;

/**
 * A small picture of a test case, to recognise it in the list of cases the network got wrong: the film, the start of
 * the sequence, or the beat's outline. A patient row has none (its columns are in the explanation).
 */
final class CaseThumbnails {

    private static final int SIDE = 42;
    private static final int SHOWN_BASES = 30;
    private static final int BEAT_WIDTH = 96;
    private static final int BEAT_HEIGHT = 30;

    private CaseThumbnails() {}

    static Component of(float[] features, DatasetSummary summary, InputShape shape, String caseId) {
        return switch (summary.data()) {
            case ModalityData.Images images -> film(features, shape, caseId);
            case ModalityData.Dna dna -> bases(features, shape);
            case ModalityData.Signals(var signal) ->
                beat(CaseEncoder.signalValues(summary, features)[0], signal.windowBefore());
            case ModalityData.Table table -> new Span("");
        };
    }

    private static Component film(float[] features, InputShape shape, String caseId) {
        var image = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int grey = Math.round(255 * Math.max(0, Math.min(1, features[y * shape.width() + x])));
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            return new Span("");
        }
        var thumbnail = new Image(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
                "test case " + caseId);
        thumbnail.setWidth(SIDE + "px");
        thumbnail.setHeight(SIDE + "px");
        thumbnail.getStyle().set("image-rendering", "pixelated");
        return thumbnail;
    }

    private static Component bases(float[] features, InputShape shape) {
        var bases = new StringBuilder();
        for (int position = 0; position < Math.min(SHOWN_BASES, shape.length()); position++) {
            char base = 'N';
            for (int k = 0; k < 4; k++) {
                if (features[k * shape.length() + position] > 0.5) {
                    base = "ACGT".charAt(k);
                }
            }
            bases.append(base);
        }
        var text = new Span(bases + "…");
        text.getStyle().set("font-family", "monospace");
        return text;
    }

    /** The first lead's outline, with a tick at the R peak where the dataset knows it. */
    private static Component beat(float[] values, Integer rPeak) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1;
        var points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            points.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f ",
                    x(i, values.length),
                    BEAT_HEIGHT - 2 - (values[i] - min) / range * (BEAT_HEIGHT - 4)));
        }
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='the beat'>",
                BEAT_WIDTH,
                BEAT_HEIGHT));
        if (rPeak != null && rPeak >= 0 && rPeak < values.length) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%.1f' y1='0' x2='%.1f' y2='%d' stroke='#6a3d9a' stroke-opacity='0.5'"
                            + " stroke-dasharray='2 2'/>",
                    x(rPeak, values.length),
                    x(rPeak, values.length),
                    BEAT_HEIGHT));
        }
        svg.append("<polyline fill='none' stroke='#1b1b1b' stroke-width='1.2' points='")
                .append(points.toString().strip())
                .append("'/></svg>");
        return new Svg(svg.toString());
    }

    private static double x(int sample, int samples) {
        return samples <= 1 ? 0 : sample * (BEAT_WIDTH - 1.0) / (samples - 1);
    }
}
