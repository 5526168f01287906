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
    void long_runs_report_at_most_the_configured_number_of_times() {
        var settings = new InsightSettings(0, 400, 0.02);
        assertThat(settings.reportEvery(100)).isEqualTo(1);
        assertThat(settings.reportEvery(100_000)).isEqualTo(250);
        assertThat(100_000 / settings.reportEvery(100_000)).isLessThanOrEqualTo(400);
    }
}
