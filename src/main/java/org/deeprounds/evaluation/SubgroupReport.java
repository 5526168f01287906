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
 * @param smallSampleWarning which groups have fewer than {@link #SMALL_SAMPLE} cases with the condition or without
 *     it, and why that matters; null when every group has enough of both
 */
public record SubgroupReport(
        String column,
        List<Group> groups,
        Double sensitivityGap,
        Double specificityGap,
        String reading,
        String smallSampleWarning) {

    /**
     * One group: its size, how many of its cases have the condition ({@code positives}, on which sensitivity rests)
     * and how many do not ({@code negatives}, on which specificity rests), prevalence and metrics with intervals.
     */
    public record Group(
            String group,
            int cases,
            int positives,
            int negatives,
            Double prevalence,
            Estimate sensitivity,
            Estimate specificity,
            Estimate ppv,
            Estimate auc) {}

    /** Smaller gaps than this are within what these test sets can tell apart; the reading says so. */
    static final double NOTABLE_GAP = 0.10;

    /**
     * Fewer cases with (or without) the condition than this in a group, and its sensitivity (or specificity) is too
     * unsteady to compare: with 29 cases one more or one fewer found moves it by more than 3 points, and its 95%
     * interval is about 35 points wide at 50%.
     */
    public static final int SMALL_SAMPLE = 30;

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
            int positives = (int) RocAnalysis.count(p, true);
            groups.add(new Group(
                    entry.getKey(),
                    idx.size(),
                    positives,
                    idx.size() - positives,
                    (double) positives / idx.size(),
                    m.sensitivity(),
                    m.specificity(),
                    m.ppv(),
                    RocAnalysis.auc(s, p)));
        }
        // Alphabetical, but a lower band ("age ≤ 62") before its upper band ("age > 62").
        groups.sort(java.util.Comparator.comparing(g -> g.group().replace('≤', '<')));
        Double sensitivityGap = gap(groups.stream().map(Group::sensitivity).toList());
        Double specificityGap = gap(groups.stream().map(Group::specificity).toList());
        return new SubgroupReport(
                column,
                List.copyOf(groups),
                sensitivityGap,
                specificityGap,
                reading(groups, sensitivityGap),
                smallSampleWarning(groups));
    }

    /** Names every group short of {@link #SMALL_SAMPLE} cases with or without the condition; null when none is. */
    static String smallSampleWarning(List<Group> groups) {
        var small = new ArrayList<String>();
        for (var g : groups) {
            var counts = new ArrayList<String>();
            if (g.positives() < SMALL_SAMPLE) {
                counts.add(Plural.of(g.positives(), "case") + " with the condition");
            }
            if (g.negatives() < SMALL_SAMPLE) {
                counts.add(Plural.of(g.negatives(), "case") + " without it");
            }
            if (!counts.isEmpty()) {
                small.add("'" + g.group() + "' has " + String.join(" and ", counts));
            }
        }
        if (small.isEmpty()) {
            return null;
        }
        return "Small groups: " + String.join("; ", small) + ". With fewer than " + SMALL_SAMPLE + " cases with the"
                + " condition (or without it) in a group, its sensitivity (or specificity) rests on so few patients"
                + " that chance alone can move it by 10 points or more. Read the intervals, and treat a gap here as a"
                + " question to check on more patients, not as a finding.";
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
