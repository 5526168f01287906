package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand on small fixed test sets. */
class MetricsTest {

    // Ten cases, four positive. Scores sorted high to low with their truth:
    // 0.9 P, 0.8 P, 0.7 N, 0.6 P, 0.55 N, 0.5 N, 0.4 P, 0.3 N, 0.2 N, 0.1 N
    static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1};
    static final boolean[] TRUTH = {true, true, false, true, false, false, true, false, false, false};

    @Test
    void the_confusion_matrix_and_its_rates_at_one_half() {
        var m = BinaryMetrics.at(SCORES, TRUTH, 0.5);
        // Called positive: 0.9 0.8 0.7 0.6 0.55 0.5 -> TP 3 (0.9 0.8 0.6), FP 3; FN 1 (0.4), TN 3.
        assertThat(m.confusionMatrix()).isEqualTo(new Confusion(3, 3, 3, 1));
        assertThat(m.sensitivity().value()).isEqualTo(0.75);
        assertThat(m.specificity().value()).isEqualTo(0.5);
        assertThat(m.ppv().value()).isEqualTo(0.5);
        assertThat(m.npv().value()).isEqualTo(0.75);
        assertThat(m.accuracy().value()).isEqualTo(0.6);
        assertThat(m.balancedAccuracy().value()).isEqualTo(0.625);
        assertThat(m.f1().value()).isCloseTo(6.0 / 10, within(1e-12));
    }

    @Test
    void thresholds_of_exactly_zero_and_one_call_everything_or_almost_nothing() {
        var all = BinaryMetrics.at(SCORES, TRUTH, 0.0);
        assertThat(all.confusionMatrix()).isEqualTo(new Confusion(4, 6, 0, 0));
        assertThat(all.sensitivity().value()).isEqualTo(1.0);
        assertThat(all.specificity().value()).isEqualTo(0.0);
        assertThat(all.npv().value()).as("no case called negative").isNull();

        var none = BinaryMetrics.at(SCORES, TRUTH, 1.0);
        assertThat(none.confusionMatrix()).isEqualTo(new Confusion(0, 0, 6, 4));
        assertThat(none.ppv().value()).as("no case called positive").isNull();
        assertThat(none.f1().value()).isEqualTo(0.0);
    }

    @Test
    void the_wilson_interval_matches_published_values() {
        // 8 of 10: 0.4902 to 0.9433 (Newcombe 1998, Table I style values, recomputed).
        var e = Estimate.proportion(8, 10);
        assertThat(e.ciLow()).isCloseTo(0.4902, within(1e-4));
        assertThat(e.ciHigh()).isCloseTo(0.9433, within(1e-4));
        var none = Estimate.proportion(0, 10);
        assertThat(none.ciLow()).isEqualTo(0.0);
        assertThat(none.ciHigh()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void auc_is_the_mann_whitney_statistic_with_ties_counting_half() {
        // Pairs (4 positives x 6 negatives = 24): positives 0.9, 0.8 beat all 6; 0.6 beats 4 (0.55 0.5 0.3 0.2 0.1
        // are 5; 0.7 is above it) -> 5; 0.4 beats 3 (0.3 0.2 0.1). Total 6 + 6 + 5 + 3 = 20; AUC = 20/24.
        assertThat(RocAnalysis.auc(SCORES, TRUTH).value()).isCloseTo(20.0 / 24, within(1e-12));

        double[] tied = {0.5, 0.5, 0.5, 0.2};
        boolean[] truth = {true, false, false, false};
        // The positive ties two negatives (0.5 each) and beats one: (0.5 + 0.5 + 1) / 3.
        assertThat(RocAnalysis.auc(tied, truth).value()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void auc_matches_a_brute_force_mann_whitney_on_random_scores() {
        var random = new SplittableRandom(3);
        int n = 300;
        var scores = new double[n];
        var truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3) == 0;
            scores[i] = Math.round((random.nextDouble() + (truth[i] ? 0.3 : 0)) * 20) / 20.0; // many ties
        }
        double wins = 0;
        double pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (truth[i] && !truth[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        var auc = RocAnalysis.auc(scores, truth);
        assertThat(auc.value()).isCloseTo(wins / pairs, within(1e-12));
        assertThat(auc.ciLow()).isLessThan(auc.value());
        assertThat(auc.ciHigh()).isGreaterThan(auc.value());
    }

    @Test
    void a_single_class_test_set_leaves_auc_and_sensitivity_undefined_not_wrong() {
        double[] scores = {0.2, 0.4, 0.9};
        boolean[] truth = {false, false, false};
        assertThat(RocAnalysis.auc(scores, truth).value()).isNull();
        var m = BinaryMetrics.at(scores, truth, 0.5);
        assertThat(m.sensitivity().value()).isNull();
        assertThat(m.specificity().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.balancedAccuracy().value()).isNull();
    }

    @Test
    void the_roc_curve_runs_from_origin_to_one_one_through_each_distinct_score() {
        var curve = RocAnalysis.curve(SCORES, TRUTH);
        assertThat(curve.getFirst()).isEqualTo(new RocAnalysis.Point(Double.POSITIVE_INFINITY, 0, 0));
        assertThat(curve.getLast().fpr()).isEqualTo(1.0);
        assertThat(curve.getLast().tpr()).isEqualTo(1.0);
        assertThat(curve).hasSize(11);
        // At threshold 0.6: TP 3, FP 1 -> tpr 0.75, fpr 1/6.
        assertThat(curve).contains(new RocAnalysis.Point(0.6, 1.0 / 6, 0.75));
    }

    @Test
    void rule_out_and_rule_in_presets_pick_the_thresholds_that_meet_their_target() {
        // Sensitivity >= 0.95 needs all four positives: threshold 0.4.
        assertThat(BinaryMetrics.ruleOut(SCORES, TRUTH, 0.95)).isEqualTo(0.4);
        // Specificity >= 0.95 allows no false positive: the lowest such threshold is 0.8.
        assertThat(BinaryMetrics.ruleIn(SCORES, TRUTH, 0.95)).isEqualTo(0.8);
    }

    @Test
    void brier_score_and_expected_calibration_error_by_hand() {
        double[] p = {0.1, 0.1, 0.9, 0.9};
        boolean[] y = {false, true, true, true};
        var c = Calibration.of(p, y);
        // Brier: (0.01 + 0.81 + 0.01 + 0.01) / 4 = 0.21.
        assertThat(c.brier()).isCloseTo(0.21, within(1e-12));
        // Bin [0.1, 0.2): mean 0.1, observed 0.5; bin [0.9, 1.0]: mean 0.9, observed 1.0. ECE = 0.5*0.4 + 0.5*0.1.
        assertThat(c.ece()).isCloseTo(0.25, within(1e-12));
        assertThat(c.bins()).hasSize(2);
        assertThat(c.bins().getFirst().observed()).isEqualTo(0.5);
    }

    @Test
    void bootstrap_intervals_cover_the_true_value_about_95_percent_of_the_time() {
        // Balanced accuracy of a test whose true sensitivity and specificity are both 0.8: over 100 simulated
        // test sets of 200 cases, the interval should contain 0.8 in roughly 95 of them.
        var random = new SplittableRandom(11);
        int covered = 0;
        for (int trial = 0; trial < 100; trial++) {
            int n = 200;
            var scores = new double[n];
            var truth = new boolean[n];
            for (int i = 0; i < n; i++) {
                truth[i] = i % 2 == 0;
                boolean correct = random.nextDouble() < 0.8;
                scores[i] = truth[i] == correct ? 0.9 : 0.1;
            }
            var e = BinaryMetrics.bootstrap(scores, truth, 0.5, Confusion::balancedAccuracy);
            if (e.ciLow() <= 0.8 && 0.8 <= e.ciHigh()) {
                covered++;
            }
        }
        assertThat(covered).isBetween(88, 100);
    }
}
