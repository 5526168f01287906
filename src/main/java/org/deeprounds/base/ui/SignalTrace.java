package org.deeprounds.base.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A signal over time as a clinician reads it, drawn on the server (one or more leads, as on an ECG strip): optional
 * ECG-paper grid, R peaks marked, a highlighted stretch (the window a model reads), and saliency over time shaded
 * behind the trace and plotted in a band below it. It fills its container's width; axis labels, R marks and the
 * legend are HTML, so they stay readable on a phone however much the drawing is stretched.
 *
 * <pre>{@code
 * SignalTrace.of(360).units("mV").lead("MLII", values).peaks(rPeaks).paperGrid().caption("Beat 12").build()
 * }</pre>
 */
public final class SignalTrace extends Div {

    /** One lead's values, in the signal's units. */
    public record Lead(String name, float[] values) {}

    /** A stretch of samples {@code [from, to)} to highlight, and what it is. */
    public record Window(int from, int to, String label) {}

    /** Everything drawn; {@link Builder} fills it. */
    record Spec(
            List<Lead> leads,
            double samplingFrequency,
            int start,
            String units,
            int[] peaks,
            int chosenPeak,
            String peakLabel,
            double[] saliency,
            String saliencyLabel,
            Window window,
            double[] amplitudeRange,
            boolean paperGrid,
            int height,
            String caption,
            boolean legend) {}

    static final int DEFAULT_HEIGHT = 120;
    static final int SALIENCY_HEIGHT = 150;
    /** Pixels between amplitude labels, so small text never overlaps. */
    private static final int MIN_LABEL_GAP = 16;

    private static final String SMALL = "var(--lumo-font-size-xs)";
    private static final String MUTED = "var(--lumo-secondary-text-color)";

    private final Spec spec;

    private SignalTrace(Spec spec) {
        this.spec = spec;
        addClassName("signal-trace");
        setWidthFull();
        getStyle().set("min-width", "0").set("box-sizing", "border-box");
        getElement().setAttribute("role", "figure");
        getElement().setAttribute("aria-label", description());
        if (spec.caption() != null && !spec.caption().isBlank()) {
            var caption = new Span(spec.caption());
            caption.addClassName("signal-trace-caption");
            caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600");
            add(caption);
        }
        add(plot());
        if (spec.legend()) {
            var legend = legend();
            if (legend.getComponentCount() > 0) {
                add(legend);
            }
        }
    }

    /** Starts a trace of signals sampled {@code samplingFrequency} times a second (0: not known; time in samples). */
    public static Builder of(double samplingFrequency) {
        return new Builder(samplingFrequency);
    }

    /** What the trace shows, in words: its accessible name. */
    String description() {
        var lead = spec.leads().getFirst();
        var names = spec.leads().stream()
                .map(Lead::name)
                .filter(n -> n != null && !n.isBlank())
                .toList();
        var text = new StringBuilder(spec.caption() == null ? "Signal" : spec.caption());
        text.append(": ")
                .append(names.isEmpty() ? spec.leads().size() + " lead(s)" : "lead " + String.join(", ", names));
        if (spec.samplingFrequency() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    ", %.2f s at %.0f Hz",
                    lead.values().length / spec.samplingFrequency(),
                    spec.samplingFrequency()));
        } else {
            text.append(", ").append(lead.values().length).append(" samples");
        }
        if (spec.units() != null && !spec.units().isBlank()) {
            text.append(", in ").append(spec.units());
        }
        if (spec.peaks().length > 0) {
            text.append(", ").append(spec.peaks().length).append(spec.peaks().length == 1 ? " R peak" : " R peaks");
        }
        if (spec.window() != null) {
            text.append(", highlighted: ").append(spec.window().label());
        }
        if (spec.saliency() != null) {
            text.append(", saliency shaded");
        }
        return text.toString();
    }

    /** Amplitude labels | the drawing, one row per lead; R marks above and time labels below. */
    private Div plot() {
        var grid = new Div();
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "2.6em minmax(0, 1fr)")
                .set("column-gap", "4px")
                .set("font-size", SMALL)
                .set("line-height", "1")
                .set("color", MUTED);
        int samples = spec.leads().getFirst().values().length;
        var time = TraceAxis.time(samples, spec.start(), spec.samplingFrequency());
        var amplitude = amplitude();
        if (spec.peaks().length > 0) {
            grid.add(new Div(), peakMarks(time, samples));
        }
        for (var lead : spec.leads()) {
            grid.add(amplitudeLabels(amplitude), drawing(lead, time, amplitude));
        }
        grid.add(new Div(), timeLabels(time));
        var names = new Span(time.name() + (amplitude.unit().isEmpty() ? "" : " · " + amplitude.name()));
        names.getStyle().set("justify-self", "end").set("padding-top", "2px");
        grid.add(new Div(), names);
        return grid;
    }

    /** One scale for all leads, as on ECG paper, so their sizes compare; wider when the caller asks for it. */
    private TraceAxis amplitude() {
        var range = spec.amplitudeRange();
        double min = range == null ? Double.POSITIVE_INFINITY : range[0];
        double max = range == null ? Double.NEGATIVE_INFINITY : range[1];
        for (var lead : spec.leads()) {
            for (float v : lead.values()) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        return TraceAxis.amplitude(min, max, spec.units());
    }

    private Div drawing(Lead lead, TraceAxis time, TraceAxis amplitude) {
        var box = relative(spec.height() + "px");
        box.addClassName("signal-trace-plot");
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "#fff");
        var svg = new Svg(new TraceSvg(lead.values(), spec.height(), time, amplitude).draw(spec, description()));
        svg.getElement().getStyle().set("width", "100%").set("height", spec.height() + "px");
        box.add(svg);
        if (lead.name() != null && !lead.name().isBlank()) {
            var name = new Span(lead.name());
            name.addClassName("signal-trace-lead");
            name.getStyle()
                    .set("position", "absolute")
                    .set("top", "2px")
                    .set("left", "3px")
                    .set("padding", "1px 3px")
                    .set("background", "rgba(255,255,255,0.7)")
                    .set("color", "var(--lumo-body-text-color)");
            box.add(name);
        }
        return box;
    }

    private Div amplitudeLabels(TraceAxis amplitude) {
        var box = relative(spec.height() + "px");
        // A short trace labels every k-th line (multiples of k steps, so zero keeps its label) rather than overlap.
        double spacing = TraceSvg.y(amplitude.from(), spec.height(), amplitude, spec.saliency() != null)
                - TraceSvg.y(amplitude.from() + amplitude.step(), spec.height(), amplitude, spec.saliency() != null);
        long every = Math.max(1, (long) Math.ceil(MIN_LABEL_GAP / Math.max(1e-9, spacing)));
        for (double tick : amplitude.ticks()) {
            if (Math.round(tick / amplitude.step()) % every != 0) {
                continue;
            }
            double y = TraceSvg.y(tick, spec.height(), amplitude, spec.saliency() != null);
            double top = y / spec.height() * 100;
            var label = new Span(amplitude.label(tick));
            label.getStyle()
                    .set("position", "absolute")
                    .set("right", "0")
                    .set("top", String.format(Locale.ROOT, "%.2f%%", top))
                    .set("transform", "translateY(-50%)")
                    .set("white-space", "nowrap");
            box.add(label);
        }
        return box;
    }

    private Div timeLabels(TraceAxis time) {
        var box = relative("1.3em");
        box.addClassName("signal-trace-time");
        for (double tick : time.ticks()) {
            box.add(along(time.fraction(tick), time.label(tick), "4px"));
        }
        return box;
    }

    /** "R" above each R peak, the chosen beat's in bold. */
    private Div peakMarks(TraceAxis time, int samples) {
        var box = relative("1.2em");
        box.addClassName("signal-trace-peaks");
        var peaks = spec.peaks();
        for (int k = 0; k < peaks.length; k++) {
            if (peaks[k] < 0 || peaks[k] >= samples) {
                continue;
            }
            var mark = along(samples <= 1 ? 0 : peaks[k] / (double) (samples - 1), "R", "2px");
            mark.addClassName("r-mark");
            mark.getStyle().set("color", TraceSvg.PEAK);
            if (k == spec.chosenPeak()) {
                mark.getStyle().set("font-weight", "bold");
            }
            mark.setTitle(spec.peakLabel() + " at " + time.at(peaks[k]));
            box.add(mark);
        }
        return box;
    }

    /** A label at {@code fraction} of the width, kept inside the box at both ends. */
    private static Span along(double fraction, String text, String top) {
        var label = new Span(text);
        String shift = fraction < 0.03 ? "0" : fraction > 0.97 ? "-100%" : "-50%";
        label.getStyle()
                .set("position", "absolute")
                .set("top", top)
                .set("left", String.format(Locale.ROOT, "%.2f%%", 100 * Math.max(0, Math.min(1, fraction))))
                .set("transform", "translateX(" + shift + ")")
                .set("white-space", "nowrap");
        return label;
    }

    private static Div relative(String height) {
        var box = new Div();
        box.getStyle().set("position", "relative").set("height", height).set("min-width", "0");
        return box;
    }

    private Div legend() {
        var legend = new Div();
        legend.addClassName("signal-trace-legend");
        legend.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "2px 14px")
                .set("margin-top", "4px")
                .set("font-size", SMALL)
                .set("color", MUTED);
        if (spec.peaks().length > 0) {
            legend.add(key("border-left: 2px dashed " + TraceSvg.PEAK + "; width: 0", spec.peakLabel()));
        }
        if (spec.window() != null) {
            legend.add(key(
                    "background: rgba(59,125,216,0.18); border: 1.5px solid " + TraceSvg.WINDOW,
                    spec.window().label()));
        }
        if (spec.saliency() != null) {
            legend.add(key("background: " + TraceSvg.SALIENCY + "; opacity: 0.8", spec.saliencyLabel()));
        }
        return legend;
    }

    private static Span key(String swatchStyle, String text) {
        var swatch = new Span();
        swatch.getElement()
                .setAttribute(
                        "style",
                        "display:inline-block; width:1.1em; height:0.8em; margin-right:4px; vertical-align:-1px;"
                                + " box-sizing:border-box; " + swatchStyle);
        var item = new Span(swatch, new Span(text));
        item.getStyle().set("white-space", "normal");
        return item;
    }

    /** Fills a {@link Spec}; only the first lead is required. */
    public static final class Builder {

        private final double samplingFrequency;
        private final List<Lead> leads = new ArrayList<>();
        private int start;
        private String units = "";
        private int[] peaks = new int[0];
        private int chosenPeak = -1;
        private String peakLabel = "R peak";
        private double[] saliency;
        private String saliencyLabel =
                "saliency: where a small change would move the score most (darker and higher = more)";
        private Window window;
        private double[] amplitudeRange;
        private boolean paperGrid;
        private Integer height;
        private String caption;
        private boolean legend = true;

        private Builder(double samplingFrequency) {
            this.samplingFrequency = Math.max(0, samplingFrequency);
        }

        public Builder lead(String name, float[] values) {
            leads.add(new Lead(name, values.clone()));
            return this;
        }

        /** Leads named in order; fewer names than leads leave the rest unnamed. */
        public Builder leads(List<String> names, float[][] values) {
            for (int l = 0; l < values.length; l++) {
                lead(names != null && l < names.size() ? names.get(l) : null, values[l]);
            }
            return this;
        }

        /** The units of the values, e.g. "mV"; millivolts get ECG paper when {@link #paperGrid()} is on. */
        public Builder units(String units) {
            this.units = units == null ? "" : units;
            return this;
        }

        /** Where the first value lies in a longer recording, so the time axis reads the recording's own time. */
        public Builder startingAt(int sample) {
            this.start = Math.max(0, sample);
            return this;
        }

        /** R peaks as sample indices, and what found them ("R peak (annotated)", "R peaks found by a detector"). */
        public Builder peaks(int[] peaks, String label) {
            this.peaks = peaks == null ? new int[0] : peaks.clone();
            if (label != null) {
                this.peakLabel = label;
            }
            return this;
        }

        /** Which of the peaks is the one the page is about; drawn solid and its "R" in bold. */
        public Builder chosenPeak(int index) {
            this.chosenPeak = index;
            return this;
        }

        /** Per-sample values 0..1, such as saliency over time. */
        public Builder saliency(double[] perSample, String label) {
            this.saliency = perSample == null ? null : perSample.clone();
            if (label != null) {
                this.saliencyLabel = label;
            }
            return this;
        }

        public Builder highlight(int from, int to, String label) {
            this.window = new Window(Math.min(from, to), Math.max(from, to), label);
            return this;
        }

        /**
         * Shows at least {@code min..max} on the amplitude axis: traces side by side on one scale, so a tall QRS looks
         * tall next to a small one.
         */
        public Builder amplitudeRange(double min, double max) {
            this.amplitudeRange = new double[] {Math.min(min, max), Math.max(min, max)};
            return this;
        }

        /** ECG paper: small squares 40 ms by 0.1 mV, large ones 200 ms by 0.5 mV (for millivolts over time). */
        public Builder paperGrid() {
            this.paperGrid = true;
            return this;
        }

        /** Pixels per lead. */
        public Builder height(int pixels) {
            this.height = pixels;
            return this;
        }

        /** Shown above the trace and read out as its name. */
        public Builder caption(String text) {
            this.caption = text;
            return this;
        }

        /** Leaves out the legend (a gallery of small traces with one legend of its own). */
        public Builder withoutLegend() {
            this.legend = false;
            return this;
        }

        public SignalTrace build() {
            if (leads.isEmpty() || leads.getFirst().values().length == 0) {
                throw new IllegalArgumentException("A trace needs at least one lead with values");
            }
            int h = height != null ? height : saliency != null ? SALIENCY_HEIGHT : DEFAULT_HEIGHT;
            return new SignalTrace(new Spec(
                    List.copyOf(leads),
                    samplingFrequency,
                    start,
                    units,
                    peaks,
                    chosenPeak,
                    peakLabel,
                    saliency,
                    saliencyLabel,
                    window,
                    amplitudeRange,
                    paperGrid,
                    h,
                    caption,
                    legend));
        }
    }
}
