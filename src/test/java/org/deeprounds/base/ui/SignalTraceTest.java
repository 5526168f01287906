package org.deeprounds.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trace draws what it is given, fills any width, and keeps its words readable and escaped. */
class SignalTraceTest {

    private static final double HERTZ = 360;

    @Test
    void a_beat_fills_the_width_with_its_r_peak_marked_and_a_time_axis_in_milliseconds() {
        var trace = SignalTrace.of(HERTZ)
                .units("mV")
                .lead("MLII", beat(252, 90))
                .peaks(new int[] {90}, "R peak")
                .paperGrid()
                .caption("rec 100 beat 3")
                .build();

        var svg = svgs(trace).getFirst();
        assertThat(svg)
                .contains("viewBox='0 0 1000 120'", "preserveAspectRatio='none'", "width='100%'")
                .contains("vector-effect='non-scaling-stroke'")
                .contains(TraceSvg.PAPER_MINOR, TraceSvg.PAPER_MAJOR);
        assertThat(count(svg, "class='r-peak'")).isEqualTo(1);
        assertThat(count(svg, "<polyline class='trace'")).isEqualTo(1);
        assertThat(texts(trace)).contains("R", "time (ms) · amplitude (mV)", "MLII", "rec 100 beat 3", "0", "200");
        assertThat(trace.getElement().getAttribute("aria-label"))
                .isEqualTo("rec 100 beat 3: lead MLII, 0.70 s at 360 Hz, in mV, 1 R peak");
    }

    @Test
    void a_strip_reads_the_recordings_own_time_and_highlights_the_chosen_beats_window() {
        var trace = SignalTrace.of(HERTZ)
                .units("mV")
                .lead("MLII", beat(2160, 1080))
                .startingAt(36_000)
                .peaks(new int[] {300, 1080, 1800}, "R peaks found by the detector")
                .chosenPeak(1)
                .highlight(990, 1242, "the window the network reads")
                .build();

        var svg = svgs(trace).getFirst();
        assertThat(count(svg, "class='r-peak'")).isEqualTo(3);
        assertThat(svg).contains("the window the network reads", "R peak at 103.000 s");
        assertThat(texts(trace))
                .contains("time (s) · amplitude (mV)", "100", "105", "the window the network reads")
                .contains("R peaks found by the detector");
    }

    @Test
    void saliency_is_shaded_behind_the_trace_and_plotted_below_it_with_a_legend() {
        var saliency = new double[252];
        for (int i = 80; i < 100; i++) {
            saliency[i] = 1;
        }
        var trace = SignalTrace.of(HERTZ)
                .lead("MLII", beat(252, 90))
                .saliency(saliency, "saliency for 'pvc'")
                .build();

        var svg = svgs(trace).getFirst();
        assertThat(svg).contains("viewBox='0 0 1000 150'", "<polygon", TraceSvg.SALIENCY);
        assertThat(count(svg, "<rect")).as("only where saliency is above zero").isBetween(10, 30);
        assertThat(texts(trace)).contains("saliency for 'pvc'", "time (ms)");
    }

    @Test
    void without_a_sampling_frequency_time_is_in_samples_and_leads_share_one_scale() {
        var small = new float[100];
        var large = new float[100];
        for (int i = 0; i < 100; i++) {
            small[i] = (float) Math.sin(i / 5.0);
            large[i] = 10 * small[i];
        }
        var trace = SignalTrace.of(0)
                .leads(List.of("I", "II"), new float[][] {small, large})
                .build();

        var svgs = svgs(trace);
        assertThat(svgs).hasSize(2);
        assertThat(texts(trace)).contains("time (samples)", "I", "II");
        assertThat(highest(svgs.get(0)))
                .as("the small lead stays small on the shared scale")
                .isGreaterThan(highest(svgs.get(1)) + 30);
    }

    @Test
    void a_long_recording_is_drawn_with_at_most_so_many_points_keeping_its_spikes() {
        var values = new float[60_000];
        values[30_001] = 5;
        var trace = SignalTrace.of(500).lead("II", values).build();

        var svg = svgs(trace).getFirst();
        var points = svg.substring(svg.indexOf("<polyline class='trace'"));
        points = points.substring(points.indexOf("points='") + 8, points.indexOf("'/>"));
        assertThat(points.split(" ")).hasSizeLessThanOrEqualTo(TraceSvg.MAX_POINTS);
        assertThat(highest(svg)).as("the spike survives").isLessThan(30);
    }

    @Test
    void names_from_a_file_are_escaped_and_an_empty_trace_is_refused() {
        var trace = SignalTrace.of(HERTZ)
                .lead("<b>V1</b>", beat(100, 50))
                .caption("it's <mine>")
                .build();
        assertThat(svgs(trace).getFirst()).doesNotContain("<mine>").contains("it&apos;s &lt;mine&gt;");

        assertThatThrownBy(() -> SignalTrace.of(HERTZ).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalTrace.of(HERTZ).lead("I", new float[0]).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticks_fall_on_nice_steps() {
        assertThat(TraceAxis.niceStep(0.183)).isEqualTo(0.2);
        assertThat(TraceAxis.niceStep(3.1)).isEqualTo(5);
        assertThat(TraceAxis.niceStep(70)).isEqualTo(100);
        var amplitude = TraceAxis.amplitude(-0.42, 1.61, "mV");
        assertThat(amplitude.step()).isEqualTo(0.5);
        assertThat(amplitude.ticks()).containsExactly(-0.5, 0.0, 0.5, 1.0, 1.5, 2.0);
        assertThat(amplitude.label(0.0)).isEqualTo("0.0");
        assertThat(TraceAxis.time(252, 0, 360).at(90)).isEqualTo("250 ms");
    }

    /** A flat line with one spike of 1.5 mV (an R wave) at {@code peak}. */
    private static float[] beat(int length, int peak) {
        var values = new float[length];
        for (int i = -3; i <= 3; i++) {
            if (peak + i >= 0 && peak + i < length) {
                values[peak + i] = (float) (1.5 * (1 - Math.abs(i) / 4.0));
            }
        }
        return values;
    }

    private static List<String> svgs(Component root) {
        var out = new ArrayList<String>();
        walk(root, c -> {
            if (c instanceof Svg svg) {
                out.add(svg.getElement().getProperty("innerHTML"));
            }
        });
        return out;
    }

    private static List<String> texts(Component root) {
        var out = new ArrayList<String>();
        walk(root, c -> {
            if (c instanceof Span span && !span.getText().isEmpty()) {
                out.add(span.getText());
            }
        });
        return out;
    }

    private static void walk(Component c, java.util.function.Consumer<Component> visit) {
        visit.accept(c);
        c.getChildren().forEach(child -> walk(child, visit));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The smallest y (the highest point) of the trace's polyline. */
    private static double highest(String svg) {
        var points = svg.substring(svg.indexOf("<polyline class='trace'"));
        points = points.substring(points.indexOf("points='") + 8, points.indexOf("'/>"));
        double top = Double.MAX_VALUE;
        for (var point : points.split(" ")) {
            top = Math.min(top, Double.parseDouble(point.split(",")[1]));
        }
        return top;
    }
}
