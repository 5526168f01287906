package org.deeprounds.datasets.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, stratified train/validation/test splits. With groups (e.g. a patient id on several rows), whole groups
 * are assigned, so no patient is in two splits; groups are stratified by their most frequent label. The same
 * labels, groups and seed always give the same split.
 */
public final class Splitter {

    public static final long DEFAULT_SEED = 20260101L;
    public static final double DEFAULT_VALIDATION_RATIO = 0.15;
    public static final double DEFAULT_TEST_RATIO = 0.15;

    private Splitter() {}

    /** One split per example, by example index. */
    public static Split[] stratified(int[] labels, long seed, double validationRatio, double testRatio) {
        var groups = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            groups[i] = Integer.toString(i);
        }
        return grouped(labels, groups, seed, validationRatio, testRatio);
    }

    /** One split per example; all examples of one group share a split. */
    public static Split[] grouped(int[] labels, String[] groups, long seed, double validationRatio, double testRatio) {
        if (validationRatio < 0 || testRatio < 0 || validationRatio + testRatio >= 1) {
            throw new IllegalArgumentException(
                    "validation and test ratios must be at least 0 and add up to less than 1");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        // Each group joins the stratum of its most frequent label.
        Map<Integer, List<String>> strata = new java.util.TreeMap<>();
        members.forEach((group, rows) -> strata.computeIfAbsent(majority(labels, rows), l -> new ArrayList<>())
                .add(group));
        var result = new Split[labels.length];
        var random = new Random(seed);
        for (var stratum : strata.values()) {
            java.util.Collections.shuffle(stratum, random);
            int n = stratum.size();
            int test = (int) Math.round(n * testRatio);
            int validation = (int) Math.round(n * validationRatio);
            if (test + validation > n) {
                validation = n - test;
            }
            for (int i = 0; i < n; i++) {
                var split = i < test ? Split.TEST : i < test + validation ? Split.VALIDATION : Split.TRAIN;
                for (int row : members.get(stratum.get(i))) {
                    result[row] = split;
                }
            }
        }
        return result;
    }

    /**
     * One split per example; all examples of one group (copies of one content, a patient's rows) share a split, and
     * each split gets its share of the examples, not of the groups: per class, seeded, groups are taken in shuffled
     * order into test, then validation, while that brings the split closer to its share, the rest into training. A
     * group of copies larger than a split's share therefore usually trains. With groups of one example each this
     * is exactly {@link #stratified}.
     */
    public static Split[] keepingTogether(
            int[] labels, String[] groups, long seed, double validationRatio, double testRatio) {
        if (validationRatio < 0 || testRatio < 0 || validationRatio + testRatio >= 1) {
            throw new IllegalArgumentException(
                    "validation and test ratios must be at least 0 and add up to less than 1");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<String>> strata = new java.util.TreeMap<>();
        members.forEach((group, rows) -> strata.computeIfAbsent(majority(labels, rows), l -> new ArrayList<>())
                .add(group));
        var result = new Split[labels.length];
        var random = new Random(seed);
        for (var stratum : strata.values()) {
            java.util.Collections.shuffle(stratum, random);
            int rows = stratum.stream().mapToInt(g -> members.get(g).size()).sum();
            int testTarget = (int) Math.round(rows * testRatio);
            int validationTarget = (int) Math.round(rows * validationRatio);
            if (testTarget + validationTarget > rows) {
                validationTarget = rows - testTarget;
            }
            int test = 0;
            int validation = 0;
            for (var group : stratum) {
                int size = members.get(group).size();
                Split split;
                if (closer(test, size, testTarget)) {
                    split = Split.TEST;
                    test += size;
                } else if (closer(validation, size, validationTarget)) {
                    split = Split.VALIDATION;
                    validation += size;
                } else {
                    split = Split.TRAIN;
                }
                for (int row : members.get(group)) {
                    result[row] = split;
                }
            }
        }
        return result;
    }

    /** Whether adding {@code size} examples to a split holding {@code have} brings it closer to {@code target}. */
    private static boolean closer(int have, int size, int target) {
        return have < target && have + size - target < target - have;
    }

    /** A group's most frequent label (the later class on a tie, as {@link #grouped} decides): the stratum it joins. */
    private static int majority(int[] labels, List<Integer> rows) {
        var counts = new HashMap<Integer, Integer>();
        rows.forEach(r -> counts.merge(labels[r], 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }
}
