package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import org.deeprounds.datasets.signal.WfdbAnnotations.Annotation;
import org.junit.jupiter.api.Test;

/** Windows around beats: the right samples, the right class, and nothing cut off at the record's ends. */
class BeatWindowsTest {

    /** Two leads of 20 samples: lead 0 holds its index, lead 1 its negative. */
    static float[][] leads() {
        var leads = new float[2][20];
        for (int i = 0; i < 20; i++) {
            leads[0][i] = i;
            leads[1][i] = -i;
        }
        return leads;
    }

    static Annotation beat(long sample, int code) {
        return new Annotation(sample, code, 0, 0, 0, "");
    }

    @Test
    void each_beat_gets_its_window_and_class_and_beats_near_the_ends_are_skipped() {
        var annotations = List.of(
                beat(2, 1), // N, too near the start for 3 samples before
                beat(5, 1), // N
                beat(10, 5), // V
                new Annotation(12, 28, 0, 0, 0, "(AFIB"), // rhythm change: not a beat
                beat(14, 13), // Q: in no class below
                beat(16, 10), // E: ventricular; 16 + 4 = 20 just fits
                beat(17, 1)); // N, too near the end
        var groups = new LinkedHashMap<String, List<String>>();
        groups.put("normal", List.of("N", "L", "R", "e", "j"));
        groups.put("ventricular", List.of("V", "E"));

        var cut = new BeatWindows(3, 4).cut(leads(), annotations, BeatClasses.of(groups));

        assertThat(cut.windows()).extracting(BeatWindows.Window::sample).containsExactly(5L, 10L, 16L);
        assertThat(cut.windows()).extracting(BeatWindows.Window::label).containsExactly(0, 1, 1);
        assertThat(cut.windows()).extracting(BeatWindows.Window::mnemonic).containsExactly("N", "V", "E");
        assertThat(cut.windows().getFirst().values()).containsExactly(2, 3, 4, 5, 6, 7, 8, -2, -3, -4, -5, -6, -7, -8);
        assertThat(cut.windows().getLast().values()).startsWith(13, 14, 15, 16, 17, 18, 19, -13);
        assertThat(cut.offEdge()).isEqualTo(2);
        assertThat(cut.unclassed()).isEqualTo(1);
        assertThat(cut.missingSamples()).isZero();
    }

    @Test
    void windows_with_missing_samples_are_skipped() {
        var leads = leads();
        leads[1][9] = Float.NaN;

        var cut = new BeatWindows(3, 4).cut(leads, List.of(beat(5, 1), beat(12, 1)), BeatClasses.each("N"));

        assertThat(cut.windows()).extracting(BeatWindows.Window::sample).containsExactly(5L);
        assertThat(cut.missingSamples()).isEqualTo(1);
    }

    @Test
    void a_window_in_seconds_is_rounded_to_samples() {
        var window = BeatWindows.seconds(0.25, 0.45, 360);

        assertThat(window.before()).isEqualTo(90);
        assertThat(window.after()).isEqualTo(162);
        assertThat(window.length()).isEqualTo(252);
    }

    @Test
    void the_aami_classes_group_the_mit_bih_beats() {
        var aami = BeatClasses.aami();

        assertThat(aami.names()).containsExactly("normal", "supraventricular", "ventricular", "fusion", "unknown");
        assertThat(aami.classOf("j")).hasValue(0);
        assertThat(aami.classOf("E")).hasValue(2);
        assertThat(aami.classOf("f")).hasValue(4);
        assertThat(aami.classOf("+")).isEmpty();
    }

    @Test
    void groups_that_are_not_beats_or_overlap_are_refused() {
        var notBeat = new LinkedHashMap<String, List<String>>();
        notBeat.put("rhythm", List.of("+"));
        assertThatThrownBy(() -> BeatClasses.of(notBeat)).hasMessageContaining("'+' is not a beat annotation");

        var overlap = new LinkedHashMap<String, List<String>>();
        overlap.put("normal", List.of("N", "V"));
        overlap.put("ventricular", List.of("V"));
        assertThatThrownBy(() -> BeatClasses.of(overlap))
                .hasMessageContaining("'V' is in both 'normal' and 'ventricular'");
    }
}
