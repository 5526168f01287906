package org.deeprounds.datasets.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A measurement's two bands are labelled with exactly the number compared, and a value equal to it is below. */
class MedianSplitTest {

    @Test
    void an_even_count_of_whole_ages_splits_at_the_half_value_between_the_middle_two() {
        var split = MedianSplit.of("age", List.of(70.0, 41.0, 57.0, 58.0, 63.0, 49.0));

        assertThat(split.lowerBand()).isEqualTo("age ≤ 57.5");
        assertThat(split.upperBand()).isEqualTo("age > 57.5");
        assertThat(split.bandOf(57)).isEqualTo("age ≤ 57.5");
        assertThat(split.bandOf(57.5)).isEqualTo("age ≤ 57.5");
        assertThat(split.bandOf(58)).isEqualTo("age > 57.5");
    }

    @Test
    void an_odd_count_splits_at_the_middle_value_which_goes_to_the_lower_band() {
        var split = MedianSplit.of("age", List.of(62.0, 44.0, 80.0, 62.0, 51.0));

        assertThat(split.lowerBand()).isEqualTo("age ≤ 62");
        assertThat(split.bandOf(62)).isEqualTo("age ≤ 62");
        assertThat(split.bandOf(62.000001)).isEqualTo("age > 62");
    }

    @Test
    void decimals_are_averaged_as_written_not_in_binary() {
        // In doubles, (0.1 + 0.2) / 2 is 0.15000000000000002: the label would not be the number compared.
        var split = MedianSplit.of("ldl", List.of(0.2, 0.1));

        assertThat(split.cut()).isEqualTo("0.15");
        assertThat(split.bandOf(0.15)).isEqualTo("ldl ≤ 0.15");
        assertThat(split.bandOf(0.15000000000000002)).isEqualTo("ldl > 0.15");
    }

    @Test
    void no_training_values_no_split() {
        assertThat(MedianSplit.of("age", List.of())).isNull();
    }
}
