package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;
import org.deeprounds.evaluation.Calibration;
import org.deeprounds.evaluation.Evaluation;

/** The ROC curve with the operating point, and the reliability diagram, drawn on the server as SVG. */
final class EvaluationCharts {

    private static final int SIZE = 260;
    private static final int PAD = 34;

    private EvaluationCharts() {}

    static Svg roc(List<Evaluation.RocPoint> curve, double fpr, double tpr, Double auc) {
        var svg = frame("1 − specificity (false-positive rate)", "sensitivity");
        svg.append(line(0, 0, 1, 1, "#bbb", "4 3"));
        var points = new StringBuilder();
        for (var p : curve) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.fpr()), y(p.tpr())));
        }
        svg.append("<polyline fill='none' stroke='#3b7dd8' stroke-width='2' points='")
                .append(points.toString().strip())
                .append("'/>");
        svg.append(String.format(
                Locale.ROOT,
                "<circle cx='%.1f' cy='%.1f' r='5' fill='#e07b00'><title>operating point</title></circle>",
                x(fpr),
                y(tpr)));
        if (auc != null) {
            svg.append(String.format(
                    Locale.ROOT, "<text x='%d' y='%d' font-size='12'>AUC %.3f</text>", PAD + 120, SIZE - PAD - 8, auc));
        }
        return new Svg(svg.append("</svg>").toString());
    }

    static Svg reliability(Calibration calibration) {
        var svg = frame("predicted probability", "observed share positive");
        svg.append(line(0, 0, 1, 1, "#bbb", "4 3"));
        for (var bin : calibration.bins()) {
            double radius = 3 + Math.min(9, Math.sqrt(bin.count()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='#3b7dd8' fill-opacity='0.6'><title>%s: predicted"
                            + " %.2f, observed %.2f</title></circle>",
                    x(bin.meanPredicted()),
                    y(bin.observed()),
                    radius,
                    org.deeprounds.evaluation.Plural.of(bin.count(), "case"),
                    bin.meanPredicted(),
                    bin.observed()));
        }
        return new Svg(svg.append("</svg>").toString());
    }

    /**
     * Decision curves: the model's net benefit across threshold probabilities against treating everyone (dashed) and
     * no one (the zero line), with the chosen threshold marked. The vertical axis runs from a quarter of the top below
     * zero to the prevalence (the most any strategy can gain); treat-all falls off the bottom at high thresholds.
     */
    static Svg decisionCurve(List<Evaluation.NetBenefitPoint> curve, double threshold, double prevalence) {
        double top = Math.max(0.05, prevalence);
        double bottom = -top / 4;
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>"
                        + "<rect x='%d' y='10' width='%d' height='%d' fill='none' stroke='#999'/>"
                        + "<text x='%d' y='%d' font-size='10'>threshold probability</text>"
                        + "<text x='4' y='%d' font-size='10' transform='rotate(-90 10 %d)'>net benefit</text>"
                        + "<text x='%d' y='%d' font-size='10'>0</text><text x='%d' y='%d' font-size='10'>1</text>"
                        + "<text x='2' y='16' font-size='10'>%.2f</text>",
                SIZE,
                SIZE,
                PAD,
                SIZE - PAD - 10,
                SIZE - PAD - 10,
                PAD + 40,
                SIZE - 8,
                SIZE - PAD - 20,
                SIZE - PAD - 20,
                PAD - 3,
                SIZE - PAD + 12,
                SIZE - 14,
                SIZE - PAD + 12,
                top));
        java.util.function.DoubleUnaryOperator yOf =
                v -> (SIZE - PAD) - (Math.max(bottom, Math.min(top, v)) - bottom) / (top - bottom) * (SIZE - PAD - 10);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#333'><title>treat none</title></line>",
                x(0),
                yOf.applyAsDouble(0),
                x(1),
                yOf.applyAsDouble(0)));
        var model = new StringBuilder();
        var all = new StringBuilder();
        for (var p : curve) {
            model.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.threshold()), yOf.applyAsDouble(p.model())));
            if (p.treatAll() >= bottom) {
                all.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.threshold()), yOf.applyAsDouble(p.treatAll())));
            }
        }
        svg.append("<polyline fill='none' stroke='#888' stroke-dasharray='5 3' points='")
                .append(all.toString().strip())
                .append("'><title>treat all</title></polyline>");
        svg.append("<polyline fill='none' stroke='#3b7dd8' stroke-width='2' points='")
                .append(model.toString().strip())
                .append("'><title>the model</title></polyline>");
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='10' x2='%.1f' y2='%d' stroke='#e07b00' stroke-width='2'><title>your threshold"
                        + " %.2f</title></line>",
                x(threshold),
                x(threshold),
                SIZE - PAD,
                threshold));
        return new Svg(svg.append("</svg>").toString());
    }

    private static StringBuilder frame(String xLabel, String yLabel) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>"
                        + "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>"
                        + "<text x='%d' y='%d' font-size='10'>%s</text>"
                        + "<text x='4' y='%d' font-size='10' transform='rotate(-90 10 %d)'>%s</text>"
                        + "<text x='%d' y='%d' font-size='10'>0</text><text x='%d' y='%d' font-size='10'>1</text>"
                        + "<text x='%d' y='%d' font-size='10'>1</text>",
                SIZE,
                SIZE,
                PAD,
                10,
                SIZE - PAD - 10,
                SIZE - PAD - 10,
                PAD + 20,
                SIZE - 8,
                xLabel,
                SIZE - PAD - 20,
                SIZE - PAD - 20,
                yLabel,
                PAD - 10,
                SIZE - PAD + 12,
                SIZE - 14,
                SIZE - PAD + 12,
                PAD - 12,
                16));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return String.format(
                Locale.ROOT,
                "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-dasharray='%s'/>",
                x(x1),
                y(y1),
                x(x2),
                y(y2),
                colour,
                dash);
    }

    private static double x(double value) {
        return PAD + value * (SIZE - PAD - 10);
    }

    private static double y(double value) {
        return (SIZE - PAD) - value * (SIZE - PAD - 10);
    }
}
