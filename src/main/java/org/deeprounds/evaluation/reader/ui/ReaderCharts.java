package org.deeprounds.evaluation.reader.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;
import org.deeprounds.evaluation.reader.ReaderResults;

/** The model's ROC curve on the study's cases, the reader's own curve, and the reader's two calls as points. */
final class ReaderCharts {

    private static final int SIZE = 300;
    private static final int PAD = 36;

    private ReaderCharts() {}

    static Svg roc(ReaderResults r) {
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>"
                        + "<rect x='%d' y='10' width='%d' height='%d' fill='none' stroke='#999'/>"
                        + "<text x='%d' y='%d' font-size='10'>1 − specificity</text>"
                        + "<text x='4' y='%d' font-size='10' transform='rotate(-90 10 %d)'>sensitivity</text>",
                SIZE,
                SIZE,
                PAD,
                SIZE - PAD - 10,
                SIZE - PAD - 10,
                PAD + 60,
                SIZE - 8,
                SIZE - PAD - 40,
                SIZE - PAD - 40));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#bbb' stroke-dasharray='4 3'/>",
                x(0),
                y(0),
                x(1),
                y(1)));
        svg.append(curve(r.modelRoc(), "#3b7dd8", "", "the model on these cases"));
        svg.append(curve(r.readerRoc(), "#2e9e5b", "6 3", "your own curve, from your confidence"));
        var model = r.model();
        if (model.sensitivity() != null && model.specificity() != null) {
            svg.append(point(1 - model.specificity(), model.sensitivity(), "#3b7dd8", "the model at its threshold"));
        }
        var first = r.unassisted();
        if (first.sensitivity() != null && first.specificity() != null) {
            svg.append(point(1 - first.specificity(), first.sensitivity(), "#e07b00", "you, without the model"));
        }
        var second = r.assisted();
        if (second != null && second.sensitivity() != null && second.specificity() != null) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='10' height='10' fill='#c0392b'><title>you, with the"
                            + " model</title></rect>",
                    x(1 - second.specificity()) - 5,
                    y(second.sensitivity()) - 5));
        }
        return new Svg(svg.append("</svg>").toString());
    }

    private static String curve(List<ReaderResults.Point> points, String colour, String dash, String title) {
        var out = new StringBuilder();
        for (var p : points) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.fpr()), y(p.tpr())));
        }
        return "<polyline fill='none' stroke='" + colour + "' stroke-width='2' stroke-dasharray='" + dash + "' points='"
                + out.toString().strip() + "'><title>" + title + "</title></polyline>";
    }

    private static String point(double fpr, double tpr, String colour, String title) {
        return String.format(
                Locale.ROOT,
                "<circle cx='%.1f' cy='%.1f' r='6' fill='%s'><title>%s</title></circle>",
                x(fpr),
                y(tpr),
                colour,
                title);
    }

    private static double x(double value) {
        return PAD + value * (SIZE - PAD - 10);
    }

    private static double y(double value) {
        return (SIZE - PAD) - value * (SIZE - PAD - 10);
    }
}
