package org.deeprounds.evaluation.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reader-study arithmetic on hand-made cases, checked against counts done by hand. */
class ReaderResultsTest {

    static final List<String> IDS = List.of("case-1", "case-2", "case-3", "case-4", "case-5", "case-6");
    // Three positives, three negatives.
    static final boolean[] TRUTH = {true, true, true, false, false, false};
    static final double[] MODEL = {0.9, 0.7, 0.2, 0.6, 0.3, 0.1};

    @Test
    void a_reader_who_calls_everything_positive_has_sensitivity_one_and_specificity_zero() {
        var all = new boolean[] {true, true, true, true, true, true};
        var results =
                ReaderResults.of(IDS, "pneumonia", TRUTH, all, new int[] {3, 3, 3, 3, 3, 3}, null, MODEL, 0.5, true);
        assertThat(results.unassisted().tp()).isEqualTo(3);
        assertThat(results.unassisted().fp()).isEqualTo(3);
        assertThat(results.unassisted().sensitivity()).isEqualTo(1.0);
        assertThat(results.unassisted().specificity()).isEqualTo(0.0);
        assertThat(results.unassisted().sensitivityCi()).hasSize(2);
        assertThat(results.assisted()).as("not read yet").isNull();
        assertThat(results.switches()).isNull();
        // The model at 0.5: calls 1, 2 and 4 positive: 2 of 3 found, 1 false alarm.
        assertThat(results.model().sensitivity()).isEqualTo(2 / 3.0);
        assertThat(results.model().specificity()).isEqualTo(2 / 3.0);
        // Pairs ranked right: 0.9 and 0.7 beat all three negatives, 0.2 beats only 0.1: 7 of 9.
        assertThat(results.model().auc()).isEqualTo(7 / 9.0, org.assertj.core.data.Offset.offset(1e-12));
        // Every call positive, every confidence equal: the reader's own curve has no information.
        assertThat(results.readerAuc().value()).isEqualTo(0.5);
    }

    @Test
    void switches_count_right_calls_made_wrong_and_wrong_calls_made_right() {
        //                          T     T      T      F      F      F
        var first = new boolean[] {true, false, true, false, true, false};
        var second = new boolean[] {true, true, false, true, false, false};
        // case-2 wrong→right, case-3 right→wrong, case-4 right→wrong, case-5 wrong→right; 4 changed.
        var results = ReaderResults.of(
                IDS, "pneumonia", TRUTH, first, new int[] {5, 2, 4, 5, 1, 3}, second, MODEL, 0.5, false);
        assertThat(results.switches().rightToWrong()).isEqualTo(2);
        assertThat(results.switches().wrongToRight()).isEqualTo(2);
        assertThat(results.switches().changed()).isEqualTo(4);
        assertThat(results.assisted().tp()).isEqualTo(2);
        assertThat(results.assisted().fp()).isEqualTo(1);
        // Unassisted misses: case-2 (FN) and case-5 (FP). The model at 0.5 misses case-3 and case-4.
        assertThat(results.bothMissed()).isEmpty();
        var missedTogether = ReaderResults.of(
                IDS,
                "pneumonia",
                TRUTH,
                new boolean[] {true, true, false, true, false, false},
                new int[] {1, 1, 1, 1, 1, 1},
                null,
                MODEL,
                0.5,
                false);
        assertThat(missedTogether.bothMissed()).containsExactly("case-3", "case-4");
        // Ordinal scores 10,4,9,1,6,3 for the first reading: positives 10, 4, 9 against negatives 1, 6, 3.
        // Pairs ranked right: 10 beats all 3, 4 beats 1 and 3, 9 beats all 3: 8 of 9.
        assertThat(results.readerAuc().value()).isEqualTo(8 / 9.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(results.model().thresholdLocked()).isFalse();
    }
}
