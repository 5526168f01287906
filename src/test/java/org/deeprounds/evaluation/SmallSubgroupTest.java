package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small-sample warning names every group short of 30 cases with or without the condition, and only those. */
class SmallSubgroupTest {

    @Test
    void groups_with_30_cases_with_and_30_without_the_condition_get_no_warning() {
        var report = report(new int[] {30, 30}, new int[] {30, 45});

        assertThat(report.smallSampleWarning()).isNull();
        assertThat(report.groups()).extracting(SubgroupReport.Group::positives).containsExactly(30, 30);
        assertThat(report.groups()).extracting(SubgroupReport.Group::negatives).containsExactly(30, 45);
    }

    @Test
    void a_group_with_29_cases_with_the_condition_is_named_in_the_warning() {
        var report = report(new int[] {29, 120}, new int[] {80, 200});

        assertThat(report.smallSampleWarning())
                .startsWith("Small groups: 'sex F' has 29 cases with the condition. With fewer than 30")
                .doesNotContain("'sex M'");
    }

    @Test
    void a_group_with_too_few_cases_without_the_condition_is_named_too_and_every_small_group_is_listed() {
        var report = report(new int[] {5, 16}, new int[] {29, 200});

        assertThat(report.smallSampleWarning())
                .startsWith("Small groups: 'sex F' has 5 cases with the condition and 29 cases without it;"
                        + " 'sex M' has 16 cases with the condition.")
                .contains("chance alone");
    }

    @Test
    void bands_are_listed_lower_first() {
        var groupOf = new ArrayList<String>();
        var scores = new ArrayList<Double>();
        var positive = new ArrayList<Boolean>();
        for (var band : List.of("age > 57.5", "age ≤ 57.5")) {
            for (int i = 0; i < 4; i++) {
                groupOf.add(band);
                scores.add(i / 4.0);
                positive.add(i % 2 == 0);
            }
        }
        var report = SubgroupReport.of("age", groupOf, doubles(scores), booleans(positive), 0.5);

        assertThat(report.groups()).extracting(SubgroupReport.Group::group).containsExactly("age ≤ 57.5", "age > 57.5");
    }

    /** Two groups, 'sex F' and 'sex M', with the given numbers of cases with and without the condition. */
    private static SubgroupReport report(int[] positives, int[] negatives) {
        var groupOf = new ArrayList<String>();
        var scores = new ArrayList<Double>();
        var positive = new ArrayList<Boolean>();
        var names = List.of("sex F", "sex M");
        for (int g = 0; g < 2; g++) {
            for (int i = 0; i < positives[g]; i++) {
                groupOf.add(names.get(g));
                scores.add(0.6 + 0.3 * i / positives[g]);
                positive.add(true);
            }
            for (int i = 0; i < negatives[g]; i++) {
                groupOf.add(names.get(g));
                scores.add(0.1 + 0.6 * i / negatives[g]);
                positive.add(false);
            }
        }
        var report = SubgroupReport.of("sex", groupOf, doubles(scores), booleans(positive), 0.5);
        assertThat(report.groups()).extracting(SubgroupReport.Group::group).containsExactly("sex F", "sex M");
        return report;
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] booleans(List<Boolean> values) {
        var out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
