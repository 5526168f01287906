package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Map;
import org.deeprounds.base.ui.SignalTrace;
import org.deeprounds.evaluation.Explanation;

/**
 * A signal case explained: the network's probabilities as bars, the beat as an ECG trace with its R peak, and the
 * saliency over time shaded behind it, with how to read it.
 */
final class OverTimeFigure {

    /** Tall enough to read a beat's waves above the saliency band. */
    private static final int FIGURE_HEIGHT = 180;

    private OverTimeFigure() {}

    /** @param units of the signal's values, e.g. "mV"; null or empty when not known */
    static Div of(Explanation e, String units) {
        var over = e.overTime();
        var trace = SignalTrace.of(over.samplingFrequency())
                .units(units)
                .leads(over.leads(), over.values())
                .peaks(over.rPeak() == null ? new int[0] : new int[] {over.rPeak()}, "the beat's R peak")
                .chosenPeak(0)
                .saliency(
                        over.saliency(),
                        "saliency for '" + e.explainedClass()
                                + "': where a small change would move its probability most (darker and higher = more)")
                .paperGrid()
                .height(FIGURE_HEIGHT)
                .caption("The case, with what the network looked at")
                .build();
        trace.setId("over-time");
        var figure = new Div(
                probabilities(e.probabilities()),
                trace,
                new Paragraph("A network that learned the beat itself weighs the QRS complex around the R peak (a"
                        + " premature ventricular beat has a wide, oddly shaped QRS with no P wave before it) and the"
                        + " T wave after it. Shading on flat baseline, or only at the window's edges where the next or"
                        + " previous beat begins, suggests it learned noise or timing rather than the beat's shape."));
        figure.setWidthFull();
        return figure;
    }

    /** One bar per class, longest for the most probable, with its percentage. */
    static Div probabilities(Map<String, Double> probabilities) {
        var bars = new Div();
        bars.setId("probabilities");
        bars.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "max-content minmax(0, 1fr) max-content")
                .set("gap", "4px 8px")
                .set("align-items", "center")
                .set("max-width", "32em");
        var top = probabilities.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
        probabilities.forEach((label, p) -> {
            var track = new Div();
            track.getStyle()
                    .set("height", "0.8em")
                    .set("background", "var(--lumo-contrast-10pct)")
                    .set("border-radius", "3px");
            var bar = new Div();
            bar.getStyle()
                    .set("height", "100%")
                    .set("width", String.format(Locale.ROOT, "%.1f%%", 100 * clamp(p)))
                    .set("background", label.equals(top) ? "#3b7dd8" : "#9bb8e6")
                    .set("border-radius", "3px");
            track.add(bar);
            var value = new Span(String.format(Locale.ROOT, "%.1f%%", 100 * clamp(p)));
            value.addClassName("probability");
            bars.add(new Span(label), track, value);
        });
        return bars;
    }

    private static double clamp(Double p) {
        return p == null || !Double.isFinite(p) ? 0 : Math.max(0, Math.min(1, p));
    }
}
