package org.deeprounds.training.ui;

import com.vaadin.flow.component.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Loss curves per epoch drawn on the server as SVG: no chart library, nothing to load in the browser. */
final class LossChart {

    /** One curve: a legend label, a colour, dashed or solid, one value per epoch (1, 2, ...). */
    record Series(String label, String colour, boolean dashed, List<Double> values) {}

    private static final int WIDTH = 520;
    private static final int HEIGHT = 200;
    private static final int PAD = 32;

    private LossChart() {}

    static Svg draw(List<Series> series) {
        int epochs = series.stream().mapToInt(s -> s.values().size()).max().orElse(0);
        double max = series.stream()
                .flatMap(s -> s.values().stream())
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' style='width: 100%%; max-width: "
                        + WIDTH + "px; height: auto' role='img'>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>"
                        + "<line x1='%d' y1='10' x2='%d' y2='%d' stroke='#999'/>"
                        + "<text x='2' y='14' font-size='10'>%.2f</text><text x='2' y='%d' font-size='10'>0</text>"
                        + "<text x='%d' y='%d' font-size='10'>epoch %d</text>",
                WIDTH,
                HEIGHT,
                PAD,
                HEIGHT - PAD,
                WIDTH - 5,
                HEIGHT - PAD,
                PAD,
                PAD,
                HEIGHT - PAD,
                max,
                HEIGHT - PAD,
                WIDTH - 60,
                HEIGHT - PAD + 14,
                epochs));
        var legend = new ArrayList<String>();
        for (int i = 0; i < series.size(); i++) {
            var s = series.get(i);
            svg.append(polyline(s, epochs, max));
            legend.add(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'%s/>"
                            + "<text x='%d' y='%d' font-size='11'>%s</text>",
                    PAD + 10,
                    HEIGHT - 12 + 0,
                    PAD + 30,
                    HEIGHT - 12,
                    s.colour(),
                    s.dashed() ? " stroke-dasharray='5 3'" : "",
                    PAD + 34,
                    HEIGHT - 8,
                    escape(s.label())));
        }
        // Legend entries side by side along the bottom.
        for (int i = 0; i < legend.size(); i++) {
            svg.append("<g transform='translate(")
                    .append(i * 125)
                    .append(",0)'>")
                    .append(legend.get(i))
                    .append("</g>");
        }
        return new Svg(svg.append("</svg>").toString());
    }

    private static String polyline(Series s, int epochs, double max) {
        var points = new StringBuilder();
        for (int i = 0; i < s.values().size(); i++) {
            double x = PAD + (epochs <= 1 ? 0 : (double) i / (epochs - 1) * (WIDTH - PAD - 10));
            double v = s.values().get(i);
            double y = (HEIGHT - PAD) - (Double.isFinite(v) ? v / max : 1) * (HEIGHT - PAD - 10);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill='none' stroke='" + s.colour() + "' stroke-width='2'"
                + (s.dashed() ? " stroke-dasharray='5 3'" : "") + " points='"
                + points.toString().strip() + "'/>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
