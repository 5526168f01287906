package org.deeprounds.base.ui;

import java.util.Locale;

/**
 * The drawing of one lead of a {@link SignalTrace}: grid, saliency, highlighted window, R peaks and the trace, as SVG
 * text. The drawing is {@value #WIDTH} units wide and as many units high as it is pixels, and is stretched sideways
 * only ({@code preserveAspectRatio='none'}, strokes that do not scale): it fills any width, from a phone to a wide
 * screen, while lines stay thin and heights exact. Its text (axes, labels) is HTML around it, so it stays readable.
 */
final class TraceSvg {

    static final int WIDTH = 1000;

    /** Space above and below the trace, so its peaks never touch the frame. */
    static final int PAD = 6;

    /** Height of the band under the trace that plots saliency itself (0..1). */
    static final int SALIENCY_BAND = 18;

    /** More points than a screen has pixels only slows the browser: longer leads are drawn as min/max per bucket. */
    static final int MAX_POINTS = 1600;

    /** Saliency is shaded in at most this many stripes. */
    static final int MAX_STRIPES = 300;

    /** Grid lines closer than this many per trace are left out: on a phone they would merge into a tint. */
    static final int MAX_GRID_LINES = 80;

    static final String TRACE = "#1b1b1b";
    static final String SALIENCY = "#e07b00";
    static final String WINDOW = "#3b7dd8";
    static final String PEAK = "#6a3d9a";
    static final String PAPER_MINOR = "#f8e0e0";
    static final String PAPER_MAJOR = "#eab3b3";
    static final String PLAIN_GRID = "#e6e6e6";

    private static final String THIN = " vector-effect='non-scaling-stroke'";

    private final float[] values;
    private final int height;
    private final TraceAxis time;
    private final TraceAxis amplitude;
    private final StringBuilder svg = new StringBuilder();

    TraceSvg(float[] values, int height, TraceAxis time, TraceAxis amplitude) {
        this.values = values;
        this.height = height;
        this.time = time;
        this.amplitude = amplitude;
    }

    /** The lowest y of the trace area; the saliency band, when drawn, lies below it. */
    int traceBottom(boolean saliency) {
        return traceBottom(height, saliency);
    }

    private static int traceBottom(int height, boolean saliency) {
        return height - PAD - (saliency ? SALIENCY_BAND + PAD : 0);
    }

    /** Where {@code value} is drawn, in pixels from the top of a drawing {@code height} pixels high. */
    static double y(double value, int height, TraceAxis amplitude, boolean saliency) {
        int bottom = traceBottom(height, saliency);
        return bottom - amplitude.fraction(value) * (bottom - PAD);
    }

    double x(double sample) {
        int n = values.length;
        return n <= 1 ? 0 : Math.max(0, Math.min(WIDTH, sample * WIDTH / (n - 1)));
    }

    private double y(double value, boolean saliency) {
        return y(value, height, amplitude, saliency);
    }

    String draw(SignalTrace.Spec spec, String label) {
        boolean saliency = spec.saliency() != null;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' preserveAspectRatio='none' width='100%%'"
                        + " height='%d' style='display:block' aria-hidden='true'><title>%s</title>",
                WIDTH,
                height,
                height,
                escape(label)));
        grid(spec.paperGrid() && time.perSecond() > 0 && TraceAxis.isMillivolts(spec.units()), saliency);
        if (saliency) {
            saliency(spec.saliency());
        }
        if (spec.window() != null) {
            window(spec.window());
        }
        peaks(spec);
        trace(saliency);
        return svg.append("</svg>").toString();
    }

    /** ECG paper (1 mm = 40 ms and 0.1 mV, heavier every 5 mm) for millivolts over time, else faint lines at ticks. */
    private void grid(boolean ecgPaper, boolean saliency) {
        double timeScale = time.perSecond();
        double[][] timeLines = ecgPaper
                ? new double[][] {{0.04 * timeScale, 0.5}, {0.2 * timeScale, 1}}
                : new double[][] {{time.step(), 1}};
        double[][] valueLines =
                ecgPaper ? new double[][] {{0.1, 0.5}, {0.5, 1}} : new double[][] {{amplitude.step(), 1}};
        for (var line : timeLines) {
            var marks = time.marks(line[0]);
            if (marks.size() > MAX_GRID_LINES) {
                continue;
            }
            for (double t : marks) {
                double at = time.fraction(t) * WIDTH;
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1='%.1f' y1='0' x2='%.1f' y2='%d' stroke='%s' stroke-width='%.1f'%s/>",
                        at,
                        at,
                        traceBottom(saliency) + PAD,
                        colour(ecgPaper, line[1]),
                        line[1],
                        THIN));
            }
        }
        for (var line : valueLines) {
            var marks = amplitude.marks(line[0]);
            if (marks.size() > MAX_GRID_LINES) {
                continue;
            }
            for (double v : marks) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1='0' y1='%.1f' x2='%d' y2='%.1f' stroke='%s' stroke-width='%.1f'%s/>",
                        y(v, saliency),
                        WIDTH,
                        y(v, saliency),
                        colour(ecgPaper, line[1]),
                        line[1],
                        THIN));
            }
        }
    }

    private static String colour(boolean paper, double weight) {
        return paper ? (weight < 1 ? PAPER_MINOR : PAPER_MAJOR) : PLAIN_GRID;
    }

    /**
     * Saliency twice: as stripes behind the trace, darker where it is higher (to see it against the waves), and as its
     * own area in a band below (to read how high).
     */
    private void saliency(double[] saliency) {
        int n = Math.min(saliency.length, values.length);
        int stripes = Math.min(n, MAX_STRIPES);
        int bottom = traceBottom(true);
        for (int s = 0; s < stripes; s++) {
            int from = (int) ((long) s * n / stripes);
            int to = (int) ((long) (s + 1) * n / stripes);
            double high = 0;
            for (int i = from; i < to; i++) {
                high = Math.max(high, clamp(saliency[i]));
            }
            if (high < 0.05) {
                continue;
            }
            double left = x(from - 0.5);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='0' width='%.1f' height='%d' fill='%s' fill-opacity='%.2f'/>",
                    left,
                    Math.max(0.5, x(to - 0.5) - left),
                    bottom + PAD,
                    SALIENCY,
                    0.45 * high));
        }
        int base = height - PAD / 2;
        var area = new StringBuilder(String.format(Locale.ROOT, "0,%d ", base));
        for (int i = 0; i < n; i++) {
            area.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), base - clamp(saliency[i]) * SALIENCY_BAND));
        }
        area.append(String.format(Locale.ROOT, "%.1f,%d", x(n - 1), base));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='0' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-opacity='0.5'%s/>",
                base,
                WIDTH,
                base,
                SALIENCY,
                THIN));
        svg.append("<polygon fill='" + SALIENCY + "' fill-opacity='0.8' points='" + area + "'><title>saliency over"
                + " time, 0 to 1</title></polygon>");
    }

    private void window(SignalTrace.Window window) {
        double left = x(window.from() - 0.5);
        double right = x(window.to() - 0.5);
        int bottom = height;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x='%.1f' y='0' width='%.1f' height='%d' fill='%s' fill-opacity='0.14'><title>%s</title></rect>",
                left,
                Math.max(1, right - left),
                bottom,
                WINDOW,
                escape(window.label())));
        for (double edge : new double[] {left, right}) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%.1f' y1='0' x2='%.1f' y2='%d' stroke='%s' stroke-width='1.5'%s/>",
                    edge,
                    edge,
                    bottom,
                    WINDOW,
                    THIN));
        }
    }

    private void peaks(SignalTrace.Spec spec) {
        var peaks = spec.peaks();
        for (int k = 0; k < peaks.length; k++) {
            if (peaks[k] < 0 || peaks[k] >= values.length) {
                continue;
            }
            boolean chosen = k == spec.chosenPeak();
            double at = x(peaks[k]);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class='r-peak' x1='%.1f' y1='0' x2='%.1f' y2='%d' stroke='%s' stroke-width='%s'"
                            + " stroke-opacity='%s'%s%s><title>R peak at %s</title></line>",
                    at,
                    at,
                    height,
                    PEAK,
                    chosen ? "2" : "1",
                    chosen ? "0.9" : "0.55",
                    chosen ? "" : " stroke-dasharray='4 3'",
                    THIN,
                    escape(time.at(peaks[k]))));
        }
    }

    private void trace(boolean saliency) {
        var points = new StringBuilder();
        int n = values.length;
        if (n <= MAX_POINTS) {
            for (int i = 0; i < n; i++) {
                point(points, i, values[i], saliency);
            }
        } else {
            // Each bucket keeps its lowest and highest sample in time order, so no spike (a QRS) is lost.
            int buckets = MAX_POINTS / 2;
            for (int b = 0; b < buckets; b++) {
                int from = (int) ((long) b * n / buckets);
                int to = (int) ((long) (b + 1) * n / buckets);
                int low = from;
                int high = from;
                for (int i = from; i < to; i++) {
                    low = values[i] < values[low] ? i : low;
                    high = values[i] > values[high] ? i : high;
                }
                point(points, Math.min(low, high), values[Math.min(low, high)], saliency);
                point(points, Math.max(low, high), values[Math.max(low, high)], saliency);
            }
        }
        svg.append("<polyline class='trace' fill='none' stroke='" + TRACE + "' stroke-width='1.6'"
                        + " stroke-linejoin='round'" + THIN + " points='")
                .append(points.toString().strip())
                .append("'/>");
    }

    private void point(StringBuilder points, int i, float value, boolean saliency) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), y(value, saliency)));
    }

    private static double clamp(double value) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("'", "&apos;")
                        .replace("\"", "&quot;");
    }
}
