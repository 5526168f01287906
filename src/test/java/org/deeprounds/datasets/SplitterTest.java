package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

    private static long count(Split[] splits, Split split) {
        return Arrays.stream(splits).filter(s -> s == split).count();
    }
}
