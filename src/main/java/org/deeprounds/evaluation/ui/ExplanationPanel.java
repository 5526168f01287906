package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeprounds.evaluation.Explanation;

/**
 * One test case explained: heat maps over the image, importance over the sequence, saliency over a signal's time, or
 * contributions per column.
 */
public class ExplanationPanel extends VerticalLayout {

    /**
     * @param name what the case list calls the case (a patient id, or "test-14"); null for the user's own case, which
     *     has no true label to show
     */
    ExplanationPanel(Explanation e, String name) {
        this(e, name, null);
    }

    /** @param units of a signal case's values (e.g. "mV"), for its amplitude axis; null when not known */
    ExplanationPanel(Explanation e, String name, String units) {
        this(
                e,
                new H3(
                        e.trueLabel() == null
                                ? "Your case: the network's call (no true label is known for it)"
                                : "Case " + (name == null ? e.caseId() : name) + ": truly " + e.trueLabel()),
                units);
    }

    /** The explanation under a heading of the caller's choosing (a reader study names no true label). */
    public static ExplanationPanel titled(Explanation e, String heading) {
        return titled(e, heading, null);
    }

    /** As {@link #titled(Explanation, String)}, with the units of a signal case's values (e.g. "mV"). */
    public static ExplanationPanel titled(Explanation e, String heading, String units) {
        return new ExplanationPanel(e, new H3(heading), units);
    }

    private ExplanationPanel(Explanation e, H3 heading, String units) {
        setId("explanation");
        setPadding(false);
        add(heading);
        add(new Paragraph("The network gives " + probabilities(e.probabilities()) + "; explained: why '"
                + e.explainedClass() + "'."));
        if (e.saliency() != null) {
            var figures = new HorizontalLayout(
                    figure("The image", heatMap(e, null)),
                    figure("Occlusion: covering these parts lowers the probability most", heatMap(e, e.occlusion())),
                    figure("Saliency: the pixels the score is most sensitive to", heatMap(e, e.saliency())));
            figures.setWrap(true); // one under another on a phone
            add(
                    figures,
                    new Paragraph("Look for whether the highlighted regions are where a clinician would look (the lung"
                            + " fields, the lesion). Highlights on borders, text markers or corners are a warning sign"
                            + " of shortcut learning: the network may be reading the hospital, not the disease."));
        } else if (e.overTime() != null) {
            add(OverTimeFigure.of(e, units));
        } else if (e.sequence() != null) {
            add(
                    sequence(e),
                    new Paragraph("Each base is shaded by how much changing it lowers the probability"
                            + " (in-silico mutagenesis). A learned motif shows as a dark run of bases, e.g. a promoter's -10"
                            + " box TATAAT."));
        } else if (e.contributions() != null) {
            var grid = new Grid<Explanation.Contribution>();
            grid.setId("contributions");
            grid.addColumn(Explanation.Contribution::feature).setHeader("Column");
            grid.addColumn(c -> String.format(Locale.ROOT, "%+.3f", c.effect())).setHeader("Pull on the probability");
            grid.setItems(e.contributions().stream().limit(10).toList());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            add(
                    new Paragraph("How much this patient's value of each column moves the probability of '"
                            + e.explainedClass() + "' compared with an average value (the ten largest)."),
                    grid);
        }
    }

    private static Div figure(String caption, Svg svg) {
        var div = new Div(svg, new Paragraph(caption));
        div.setMaxWidth("200px");
        return div;
    }

    /** The image in grey, with {@code heat} (0..1) laid over it in red; the plain image when heat is null. */
    static Svg heatMap(Explanation e, double[][] heat) {
        int h = e.height();
        int w = e.width();
        int cell = Math.max(2, 168 / Math.max(h, w));
        var svg = new StringBuilder(String.format(
                Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>", w * cell, h * cell));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < h * w; i++) {
            min = Math.min(min, e.image()[i]);
            max = Math.max(max, e.image()[i]);
        }
        float range = max > min ? max - min : 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int grey = Math.round(255 * (e.image()[y * w + x] - min) / range);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x='%d' y='%d' width='%d' height='%d' fill='rgb(%d,%d,%d)'/>",
                        x * cell,
                        y * cell,
                        cell,
                        cell,
                        grey,
                        grey,
                        grey));
                if (heat != null && heat[y][x] > 0.05) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x='%d' y='%d' width='%d' height='%d' fill='red' fill-opacity='%.2f'/>",
                            x * cell,
                            y * cell,
                            cell,
                            cell,
                            0.7 * heat[y][x]));
                }
            }
        }
        return new Svg(svg.append("</svg>").toString());
    }

    private static Div sequence(Explanation e) {
        double max = 1e-9;
        for (double v : e.positionImportance()) {
            max = Math.max(max, v);
        }
        var html = new StringBuilder("<div style='font-family:monospace;font-size:15px;word-break:break-all'>");
        for (int i = 0; i < e.sequence().length(); i++) {
            double shade = Math.max(0, e.positionImportance()[i]) / max;
            html.append(String.format(
                    Locale.ROOT,
                    "<span title='position %d: %.3f' style='background:rgba(200,30,30,%.2f)'>%c</span>",
                    i + 1,
                    e.positionImportance()[i],
                    0.85 * shade,
                    e.sequence().charAt(i)));
        }
        var div = new Div();
        div.setId("sequence-importance");
        div.getElement().setProperty("innerHTML", html.append("</div>").toString());
        return div;
    }

    private static String probabilities(Map<String, Double> p) {
        return p.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %.1f%%", entry.getKey(), 100 * entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
