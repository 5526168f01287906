package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerReadingsTest {

    @Test
    void update_ratios_read_as_a_clinician_would_want() {
        assertThat(LayerReadings.ratio(-1.0 + 0.0)).contains("about 100x too large", "learning rate may be too high");
        assertThat(LayerReadings.ratio(-0.2)).contains("too large", "diverge");
        assertThat(LayerReadings.ratio(-3.1)).contains("healthy");
        assertThat(LayerReadings.ratio(-4.6)).contains("too small", "learns slowly");
        assertThat(LayerReadings.ratio(-6.0)).contains("about 1,000x too small", "almost stopped");
        assertThat(LayerReadings.ratio(null)).isEqualTo("No update ratio recorded yet.");
        assertThat(LayerReadings.ratio(Double.NaN)).isEqualTo("No update ratio recorded yet.");
    }

    @Test
    void dead_and_saturated_units_are_named_with_their_share() {
        assertThat(LayerReadings.activations(List.of(0.3, 0.2), 500, 0, 0)).startsWith("No dead or saturated units");
        assertThat(LayerReadings.activations(List.of(0.3), 20, 12, 0))
                .contains("12 of 20 units never fired", "More than half are dead");
        assertThat(LayerReadings.activations(List.of(0.3), 32, 0, 5)).contains("5 of 32 units are stuck");
        assertThat(LayerReadings.activations(List.of(0.3, 1e-6), 8, 0, 0)).contains("hardly vary");
    }

    @Test
    void adam_warm_up_alone_gives_no_verdict_and_a_later_half_median_does() {
        // Adam's first steps: ratios around -1.7 (read alone: "10x too large"), then it settles near -3.
        var iterations = List.of(0, 2, 4, 6, 8);
        assertThat(LayerReadings.ratio(iterations, List.of(-1.6, -1.7, -1.8, -1.9, -2.0)))
                .startsWith("Too early to judge")
                .doesNotContain("too large");
        var longer = new java.util.ArrayList<Integer>();
        var values = new java.util.ArrayList<Double>();
        for (int i = 0; i <= 64; i += 2) {
            longer.add(i);
            values.add(i < 10 ? -1.6 : -2.9);
        }
        assertThat(LayerReadings.ratio(longer, values)).contains("Median over iterations 32–64", "healthy");
        assertThat(LayerReadings.ratio(List.of(0, 1), java.util.Arrays.asList(2.3, null)))
                .contains("as large as the weights", "far too high");
        // Weights are measured after the step: a step that swamps them reads just under 0.
        assertThat(LayerReadings.ratio(List.of(0, 1), java.util.Arrays.asList(-0.01, null)))
                .contains("far too high");
        assertThat(LayerReadings.ratio(List.of(), List.of())).isEqualTo("No update ratio recorded yet.");
    }

    @Test
    void a_lesson_length_run_is_snapshotted_every_epoch_at_least_thirty_times_up_to_its_last_iteration() {
        var settings = new InsightSettings(0, 400, 20_000);
        var lesson = settings.plan(5, 13); // 5 epochs of 13 mini-batches: the learning-rate lesson
        assertThat(lesson.snapshotCount()).isBetween(SnapshotPlan.MIN_SNAPSHOTS, 40);
        for (int epoch = 1; epoch <= 5; epoch++) {
            assertThat(lesson.snapshot(epoch * 13 - 1))
                    .as("end of epoch %d", epoch)
                    .isTrue();
        }
        assertThat(lesson.snapshot(0)).isTrue();
        for (int i = 0; i < 65; i++) {
            assertThat(lesson.scored(i)).as("iteration %d has its score", i).isTrue();
        }
        var tiny = settings.plan(2, 13); // the broken-rate step: 26 iterations, every one a snapshot
        assertThat(tiny.snapshotCount()).isEqualTo(26);
    }

    @Test
    void long_runs_stay_bounded_and_spread_over_the_whole_run() {
        var settings = new InsightSettings(0, 400, 20_000);
        var plan = settings.plan(1000, 100); // 100,000 iterations
        assertThat(plan.snapshotCount()).isLessThanOrEqualTo(400).isGreaterThanOrEqualTo(300);
        assertThat(plan.snapshot(0)).isTrue();
        assertThat(plan.snapshot(99_999)).isTrue();
        assertThat(plan.snapshots().nextSetBit(50_000)).isLessThan(51_000);
        assertThat(plan.scoreEvery()).isEqualTo(5);
        long scored = java.util.stream.LongStream.range(0, 100_000)
                .filter(plan::scored)
                .count();
        assertThat(scored).isBetween(19_000L, 20_400L);
    }
}
