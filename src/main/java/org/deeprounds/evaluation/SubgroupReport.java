package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The metrics of one sensitive column's groups at the chosen threshold, with the gaps between them. The
 * sensitivity gap is the equal-opportunity gap: how much more often the test misses the condition in one group.
 *
 * @param reading one sentence on what the gap means for patients
 */
public record SubgroupReport(
        String column, List<Group> groups, Double sensitivityGap, Double specificityGap, String reading) {

    /** One group: its size, prevalence and metrics with intervals. */
    public record Group(
            String group,
            int cases,
            Double prevalence,
            Estimate sensitivity,
            Estimate specificity,
            Estimate ppv,
            Estimate auc) {}

    /** Smaller gaps than this are within what these test sets can tell apart; the reading says so. */
    static final double NOTABLE_GAP = 0.10;

    static SubgroupReport of(
            String column, List<String> groupOf, double[] scores, boolean[] positive, double threshold) {
        var members = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < groupOf.size(); i++) {
            members.computeIfAbsent(groupOf.get(i), g -> new ArrayList<>()).add(i);
        }
        var groups = new ArrayList<Group>();
        for (var entry : members.entrySet()) {
            var idx = entry.getValue();
            var s = new double[idx.size()];
            var p = new boolean[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                s[k] = scores[idx.get(k)];
                p[k] = positive[idx.get(k)];
            }
            var m = BinaryMetrics.at(s, p, threshold);
            groups.add(new Group(
                    entry.getKey(),
                    idx.size(),
                    (double) RocAnalysis.count(p, true) / idx.size(),
                    m.sensitivity(),
                    m.specificity(),
                    m.ppv(),
                    RocAnalysis.auc(s, p)));
        }
        groups.sort(java.util.Comparator.comparing(Group::group));
        Double sensitivityGap = gap(groups.stream().map(Group::sensitivity).toList());
        Double specificityGap = gap(groups.stream().map(Group::specificity).toList());
        return new SubgroupReport(
                column, List.copyOf(groups), sensitivityGap, specificityGap, reading(groups, sensitivityGap));
    }

    private static Double gap(List<Estimate> estimates) {
        var values = estimates.stream()
                .filter(Estimate::defined)
                .mapToDouble(Estimate::value)
                .toArray();
        if (values.length < 2) {
            return null;
        }
        return java.util.Arrays.stream(values).max().orElseThrow()
                - java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static String reading(List<Group> groups, Double gap) {
        if (gap == null) {
            return "Too few cases with the condition in some group to compare how often it is found.";
        }
        var defined = groups.stream().filter(g -> g.sensitivity().defined()).toList();
        var worst = defined.stream()
                .min(java.util.Comparator.comparingDouble(g -> g.sensitivity().value()))
                .orElseThrow();
        var best = defined.stream()
                .max(java.util.Comparator.comparingDouble(g -> g.sensitivity().value()))
                .orElseThrow();
        if (gap < NOTABLE_GAP) {
            return "Sensitivity differs by " + Plural.of(Math.round(100 * gap), "point")
                    + " between groups: small at this test-set size, but check the intervals.";
        }
        return String.format(
                Locale.ROOT,
                "Equal-opportunity gap of %s: of patients who have the condition, the test finds %.0f%% in"
                        + " '%s' but only %.0f%% in '%s'. Those missed are sent home without the care they need; ask"
                        + " whether the data measure the groups equally well.",
                Plural.of(Math.round(100 * gap), "point"),
                100 * best.sensitivity().value(),
                best.group(),
                100 * worst.sensitivity().value(),
                worst.group());
    }
}
