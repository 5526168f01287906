package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule-out and rule-in presets follow the teaching (rule-out never above rule-in, and never less sensitive), are
 * chosen on the validation split only, and say in words which way they moved and why.
 */
class ThresholdPresetsTest {

    /**
     * A strong model, as in the report that started this: the highest threshold keeping sensitivity at 95% (0.53) lies
     * above the lowest keeping specificity at 95% (0.20), so both aims hold anywhere between.
     */
    static final double[] STRONG_SCORES = {
        0.20,
        0.53,
        0.55,
        0.58,
        0.61,
        0.64,
        0.67,
        0.70,
        0.73,
        0.76,
        0.79,
        0.82,
        0.85,
        0.88,
        0.90,
        0.92,
        0.94,
        0.96,
        0.97,
        0.99, // positives
        0.01,
        0.01,
        0.02,
        0.02,
        0.02,
        0.03,
        0.03,
        0.03,
        0.04,
        0.04,
        0.04,
        0.04,
        0.05,
        0.05,
        0.05,
        0.05,
        0.06,
        0.06,
        0.06,
        0.60 // negatives
    };

    /** A weak model whose scores all sit above 0.5: positives 0.55-0.93, negatives 0.50-0.88. */
    static final double[] HIGH_SCORES = {
        0.55,
        0.58,
        0.60,
        0.62,
        0.64,
        0.66,
        0.68,
        0.70,
        0.72,
        0.74,
        0.76,
        0.78,
        0.80,
        0.82,
        0.84,
        0.86,
        0.88,
        0.90,
        0.92,
        0.93, // positives
        0.50,
        0.52,
        0.54,
        0.56,
        0.57,
        0.59,
        0.61,
        0.63,
        0.65,
        0.67,
        0.69,
        0.71,
        0.73,
        0.75,
        0.77,
        0.79,
        0.81,
        0.83,
        0.86,
        0.88 // negatives
    };

    static boolean[] firstTwentyPositive() {
        var positive = new boolean[40];
        for (int i = 0; i < 20; i++) {
            positive[i] = true;
        }
        return positive;
    }

    @Test
    void on_a_strong_model_rule_out_sits_below_rule_in_and_finds_at_least_as_many_cases() {
        var truth = firstTwentyPositive();

        var presets = ThresholdPresets.choose(STRONG_SCORES, truth, STRONG_SCORES, truth);

        assertThat(presets.ruleOut()).isEqualTo(0.20);
        assertThat(presets.ruleIn()).isEqualTo(0.53);
        assertThat(presets.ruleOut()).isLessThanOrEqualTo(presets.ruleIn());
        var out = presets.ruleOutPreset();
        var in = presets.ruleInPreset();
        assertThat(out.testSensitivity()).isGreaterThanOrEqualTo(in.testSensitivity());
        assertThat(out.validationSensitivity()).isGreaterThanOrEqualTo(ThresholdPresets.RULE_OUT_SENSITIVITY);
        assertThat(in.validationSpecificity()).isGreaterThanOrEqualTo(ThresholdPresets.RULE_IN_SPECIFICITY);
        assertThat(out.reading())
                .contains("below the starting 0.50", "Both aims are met together anywhere from 0.20 to 0.53");
        assertThat(in.reading()).contains("above the starting 0.50");
        assertReadingsMatchDirection(presets);
    }

    @Test
    void when_even_a_high_threshold_keeps_sensitivity_the_reading_says_so_instead_of_claiming_it_was_lowered() {
        var truth = firstTwentyPositive();

        var presets = ThresholdPresets.choose(HIGH_SCORES, truth, HIGH_SCORES, truth);

        // Sensitivity >= 95% allows one missed positive: up to 0.58. Specificity >= 95%: one false alarm, from 0.88.
        assertThat(presets.ruleOut()).isEqualTo(0.58);
        assertThat(presets.ruleIn()).isEqualTo(0.88);
        assertThat(presets.ruleOutPreset().testSensitivity())
                .isGreaterThanOrEqualTo(presets.ruleInPreset().testSensitivity());
        assertThat(presets.ruleOutPreset().reading())
                .contains("On this model even 0.58 keeps sensitivity at 95.0%, so ruling out does not need a"
                        + " threshold below 0.50 here.");
        assertReadingsMatchDirection(presets);
    }

    @Test
    void presets_are_chosen_on_the_validation_split_and_only_reported_on_the_test_split() {
        var truth = firstTwentyPositive();
        // The test split is the strong model's: chosen on it, rule-out would be 0.20. Validation says 0.58.
        var presets = ThresholdPresets.choose(HIGH_SCORES, truth, STRONG_SCORES, truth);

        assertThat(presets.chosenOn()).isEqualTo("validation");
        assertThat(presets.ruleOut()).isEqualTo(0.58);
        var out = presets.ruleOutPreset();
        assertThat(out.validationSensitivity()).isEqualTo(0.95);
        // On the test split 0.58 misses the positives at 0.20, 0.53 and 0.55: 17 of 20 found.
        assertThat(out.testSensitivity()).isEqualTo(0.85);
        assertThat(out.aim()).contains("sensitivity of at least 95%");
        assertThat(presets.ruleInPreset().aim()).contains("specificity of at least 95%");
    }

    @Test
    void the_evaluator_takes_presets_from_the_validation_predictions_it_is_given() {
        var classes = List.of("no", "yes");
        var truth = firstTwentyPositive();
        int[] labels = new int[40];
        var test = new double[40][];
        var validation = new double[40][];
        for (int i = 0; i < 40; i++) {
            labels[i] = truth[i] ? 1 : 0;
            test[i] = new double[] {1 - STRONG_SCORES[i], STRONG_SCORES[i]};
            validation[i] = new double[] {1 - HIGH_SCORES[i], HIGH_SCORES[i]};
        }

        var e = Evaluator.evaluate(
                classes, labels, test, 1, 0.5, Map.of("no", 20, "yes", 20), Map.of(), null, labels, validation);
        var without = Evaluator.evaluate(classes, labels, test, 1, 0.5, Map.of("no", 20, "yes", 20), Map.of(), null);

        assertThat(e.presets().ruleOut()).isEqualTo(0.58);
        assertThat(e.presets().ruleIn()).isEqualTo(0.88);
        assertThat(without.presets().ruleOut())
                .as("never chosen on the test split")
                .isNull();
        assertThat(without.presets().ruleOutPreset().reading()).contains("never chosen on the test split");
    }

    @Test
    void thresholds_snap_to_the_slider_steps_in_the_direction_that_keeps_the_aim() {
        assertThat(ThresholdPresets.step(0.5349, java.math.RoundingMode.FLOOR)).isEqualTo(0.53);
        assertThat(ThresholdPresets.step(0.29, java.math.RoundingMode.FLOOR)).isEqualTo(0.29);
        assertThat(ThresholdPresets.step(0.0612, java.math.RoundingMode.CEILING))
                .isEqualTo(0.07);
    }

    /** Each reading says "below"/"above" the start only when the threshold really moved that way. */
    private static void assertReadingsMatchDirection(Evaluation.Presets presets) {
        var out = presets.ruleOutPreset();
        if (out.threshold() < ThresholdPresets.START) {
            assertThat(out.reading()).contains("below the starting").doesNotContain("does not need");
        } else {
            assertThat(out.reading())
                    .contains("does not need a threshold below")
                    .doesNotContain("below the starting");
        }
        var in = presets.ruleInPreset();
        if (in.threshold() > ThresholdPresets.START) {
            assertThat(in.reading()).contains("above the starting").doesNotContain("does not need");
        } else {
            assertThat(in.reading()).contains("does not need a threshold above").doesNotContain("above the starting");
        }
    }
}
