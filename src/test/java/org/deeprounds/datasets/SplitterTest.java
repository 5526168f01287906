package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.junit.jupiter.api.Test;

class SplitterTest {

    @Test
    void a_stratified_split_keeps_each_class_share_in_every_split() {
        var labels = new int[1000];
        Arrays.fill(labels, 800, 1000, 1); // 20% positive

        var splits = Splitter.stratified(labels, 7, 0.15, 0.15);

        for (var split : Split.values()) {
            int size = 0;
            int positive = 0;
            for (int i = 0; i < labels.length; i++) {
                if (splits[i] == split) {
                    size++;
                    positive += labels[i];
                }
            }
            assertThat((double) positive / size)
                    .as(split.key())
                    .isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(count(splits, Split.TEST)).isEqualTo(150);
        assertThat(count(splits, Split.VALIDATION)).isEqualTo(150);
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_another() {
        var labels = Fixtures.alternating(200);

        assertThat(Splitter.stratified(labels, 42, 0.2, 0.2))
                .containsExactly(Splitter.stratified(labels, 42, 0.2, 0.2));
        assertThat(Splitter.stratified(labels, 43, 0.2, 0.2)).isNotEqualTo(Splitter.stratified(labels, 42, 0.2, 0.2));
    }

    @Test
    void all_rows_of_one_group_land_in_one_split() {
        int n = 600;
        var labels = new int[n];
        var groups = new String[n];
        for (int i = 0; i < n; i++) {
            groups[i] = "patient" + (i / 3); // three rows per patient
            labels[i] = (i / 3) % 4 == 0 ? 1 : 0;
        }

        var splits = Splitter.grouped(labels, groups, 11, 0.15, 0.15);

        Map<String, Set<Split>> splitsPerGroup = new HashMap<>();
        for (int i = 0; i < n; i++) {
            splitsPerGroup
                    .computeIfAbsent(groups[i], g -> new java.util.HashSet<>())
                    .add(splits[i]);
        }
        assertThat(splitsPerGroup.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(count(splits, Split.TEST)).isBetween(80L, 100L);
    }

    @Test
    void keeping_together_examples_without_copies_gives_exactly_the_stratified_split() {
        var labels = new int[537];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
        }
        var alone = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            alone[i] = "row" + i;
        }
        for (long seed : new long[] {1, Splitter.DEFAULT_SEED, 99}) {
            assertThat(Splitter.keepingTogether(labels, alone, seed, 0.15, 0.15))
                    .containsExactly(Splitter.stratified(labels, seed, 0.15, 0.15));
            assertThat(Splitter.keepingTogether(labels, alone, seed, 0.1, 0.25))
                    .containsExactly(Splitter.stratified(labels, seed, 0.1, 0.25));
        }
    }

    @Test
    void copies_share_a_split_and_every_split_still_gets_its_share_of_rows_and_of_each_class() {
        // 500 rows alone and 100 contents with 5 copies each; a fifth positive.
        int n = 1000;
        var labels = new int[n];
        var groups = new String[n];
        for (int i = 0; i < n; i++) {
            groups[i] = i < 500 ? "alone" + i : "copy" + ((i - 500) / 5);
            labels[i] = (i < 500 ? i : (i - 500) / 5) % 5 == 0 ? 1 : 0;
        }

        var splits = Splitter.keepingTogether(labels, groups, 3, 0.15, 0.15);

        Map<String, Set<Split>> splitsPerGroup = new HashMap<>();
        for (int i = 0; i < n; i++) {
            splitsPerGroup
                    .computeIfAbsent(groups[i], g -> new java.util.HashSet<>())
                    .add(splits[i]);
        }
        assertThat(splitsPerGroup.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        for (var split : List.of(Split.TEST, Split.VALIDATION)) {
            assertThat(count(splits, split)).as(split.key()).isBetween(145L, 155L);
            long positive = java.util.stream.IntStream.range(0, n)
                    .filter(i -> splits[i] == split && labels[i] == 1)
                    .count();
            assertThat(positive).as(split.key() + " positives").isBetween(28L, 32L);
        }
        assertThat(Splitter.keepingTogether(labels, groups, 3, 0.15, 0.15))
                .as("seeded")
                .containsExactly(splits);
    }

    private static long count(Split[] splits, Split split) {
        return Arrays.stream(splits).filter(s -> s == split).count();
    }
}
