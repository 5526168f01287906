package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole evaluations by hand: the majority baseline, and the multi-class summary MedMNIST reports. */
class EvaluatorTest {

    @Test
    void a_binary_evaluation_names_the_positive_class_prevalence_and_the_majority_baseline() {
        var classes = List.of("benign", "malignant");
        int[] truth = {0, 0, 0, 1};
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.3, 0.7}, {0.2, 0.8}};

        var e = Evaluator.evaluate(classes, truth, p, 1, 0.5, Map.of("benign", 300, "malignant", 100), Map.of(), null);

        assertThat(e.positiveClass()).isEqualTo("malignant");
        assertThat(e.prevalence()).isEqualTo(0.25);
        assertThat(e.confusionMatrix()).isEqualTo(new Confusion(1, 1, 2, 0));
        // The positive (0.8) outranks all three negatives: AUC 1.
        assertThat(e.auc().value()).isEqualTo(1.0);
        var baseline = e.baselines().getFirst();
        assertThat(baseline.description()).contains("'benign'");
        assertThat(baseline.accuracy()).isEqualTo(0.75);
        assertThat(baseline.sensitivity()).isEqualTo(0.0);
        assertThat(baseline.specificity()).isEqualTo(1.0);
        assertThat(e.roc().getFirst().threshold()).isNull();
        assertThat(e.macroAuc()).isNull();
    }

    @Test
    void a_three_class_evaluation_gives_the_matrix_per_class_metrics_and_macro_auc() {
        var classes = List.of("a", "b", "c");
        int[] truth = {0, 0, 1, 1, 2, 2};
        double[][] p = {
            {0.8, 0.1, 0.1}, {0.4, 0.5, 0.1}, // an 'a' taken for 'b'
            {0.1, 0.7, 0.2}, {0.2, 0.6, 0.2},
            {0.1, 0.2, 0.7}, {0.3, 0.3, 0.4}
        };

        var e = Evaluator.evaluate(classes, truth, p, 2, null, Map.of("a", 5, "b", 3, "c", 2), Map.of(), null);

        assertThat(e.matrix()).isEqualTo(new long[][] {{1, 1, 0}, {0, 2, 0}, {0, 0, 2}});
        assertThat(e.accuracy().value()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(e.threshold()).isNull();
        assertThat(e.sensitivity()).isNull();
        var a = e.perClass().getFirst();
        assertThat(a.support()).isEqualTo(2);
        assertThat(a.sensitivity().value()).isEqualTo(0.5);
        assertThat(a.ppv().value()).isEqualTo(1.0);
        // One-vs-rest AUCs by hand: 'a' scores 0.8, 0.4 against 0.1 0.2 0.1 0.3 -> 8/8 = 1.0;
        // 'b' 0.7, 0.6 against 0.1 0.5 0.2 0.3 -> 1.0; 'c' 0.7, 0.4 against 0.1 0.1 0.2 0.2 -> 1.0.
        assertThat(e.perClass()).allSatisfy(c -> assertThat(c.auc().value()).isEqualTo(1.0));
        assertThat(e.macroAuc()).isEqualTo(1.0);
        assertThat(e.baselines().getFirst().accuracy()).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void subgroups_get_their_own_metrics_and_the_equal_opportunity_gap() {
        var classes = List.of("no", "yes");
        // Women: two events, one found. Men: two events, both found. One non-event each, correctly cleared.
        int[] truth = {1, 1, 0, 1, 1, 0};
        double[][] p = {{0.2, 0.8}, {0.7, 0.3}, {0.9, 0.1}, {0.1, 0.9}, {0.4, 0.6}, {0.8, 0.2}};
        var sex = List.of("sex F", "sex F", "sex F", "sex M", "sex M", "sex M");

        var e = Evaluator.evaluate(classes, truth, p, 1, 0.5, Map.of("no", 1, "yes", 1), Map.of("sex", sex), null);

        var report = e.subgroups().getFirst();
        assertThat(report.column()).isEqualTo("sex");
        assertThat(report.groups()).extracting(SubgroupReport.Group::group).containsExactly("sex F", "sex M");
        assertThat(report.groups().get(0).sensitivity().value()).isEqualTo(0.5);
        assertThat(report.groups().get(1).sensitivity().value()).isEqualTo(1.0);
        assertThat(report.sensitivityGap()).isEqualTo(0.5);
        assertThat(report.specificityGap()).isEqualTo(0.0);
        assertThat(report.reading()).contains("gap of 50 points", "100% in 'sex M'", "only 50% in 'sex F'");
    }
}
