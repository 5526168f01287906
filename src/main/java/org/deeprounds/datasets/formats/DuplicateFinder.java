package org.deeprounds.datasets.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntFunction;
import org.deeprounds.datasets.model.Duplicates;

/**
 * Finds examples with the same content: table rows equal in every compared column, DNA sequences with the same bases.
 * Each example is kept as a 128-bit fingerprint (16 bytes), not as text, so a file of millions of rows is compared
 * in a few tens of megabytes; two different contents share a fingerprint with a probability far below one in 10^20.
 */
final class DuplicateFinder {

    /** Content sets shown as examples in the report, those with conflicting labels first. */
    static final int EXAMPLE_SETS = 5;
    /** Members named per example set. */
    static final int EXAMPLE_MEMBERS = 6;

    private long[] first = new long[1024];
    private long[] second = new long[1024];
    private int size;

    /** A fingerprint of one example's content, built value by value. */
    static final class Fingerprint {
        private static final long FNV_OFFSET = 0xcbf29ce484222325L;
        private static final long FNV_PRIME = 0x100000001b3L;
        private static final long GOLDEN = 0x9E3779B97F4A7C15L;

        private long a = FNV_OFFSET;
        private long b = GOLDEN;

        /** Adds one value; values are delimited by their length, so ("ab", "c") and ("a", "bc") differ. */
        Fingerprint add(CharSequence value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                a = (a ^ c) * FNV_PRIME;
                b = (b + c) * GOLDEN + (b >>> 29);
            }
            a = (a ^ value.length()) * FNV_PRIME;
            b = (b + value.length() + 1) * GOLDEN + (b >>> 29);
            return this;
        }
    }

    void add(Fingerprint fingerprint) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
        }
        first[size] = mix(fingerprint.a);
        second[size] = mix(fingerprint.b);
        size++;
    }

    /** The sets of examples with equal content, each in file order, the sets ordered by their first example. */
    Found find() {
        var sorted = Arrays.copyOf(first, size);
        Arrays.sort(sorted);
        var candidates = new HashSet<Long>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                candidates.add(sorted[i]);
            }
        }
        record Key(long first, long second) {}
        var byContent = new HashMap<Key, List<Integer>>();
        var order = new ArrayList<Key>();
        for (int i = 0; i < size; i++) {
            if (candidates.contains(first[i])) {
                var key = new Key(first[i], second[i]);
                var members = byContent.computeIfAbsent(key, k -> {
                    order.add(k);
                    return new ArrayList<>();
                });
                members.add(i);
            }
        }
        var sets = new ArrayList<int[]>();
        var representative = new int[size];
        for (int i = 0; i < size; i++) {
            representative[i] = i;
        }
        for (var key : order) {
            var members = byContent.get(key);
            if (members.size() > 1) {
                var set = members.stream().mapToInt(Integer::intValue).toArray();
                sets.add(set);
                for (int member : set) {
                    representative[member] = set[0];
                }
            }
        }
        return new Found(List.copyOf(sets), representative);
    }

    /** Murmur3's finaliser: spreads every input bit over the whole value. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * What was found.
     *
     * @param sets examples with equal content, two or more each
     * @param representative per example, the first example with its content (itself when it has no copy)
     */
    record Found(List<int[]> sets, int[] representative) {

        boolean any() {
            return !sets.isEmpty();
        }

        /**
         * What the splitter keeps together: each example's content, merged with its group (a patient) where the table
         * names one, so that copies and a patient's rows alike share a split. Where nothing is merged an example
         * keeps the key a split without duplicates gives it (its index, or its group).
         */
        String[] groupKeys(String[] groups) {
            int n = representative.length;
            var root = new int[n];
            for (int i = 0; i < n; i++) {
                root[i] = i;
            }
            for (int i = 0; i < n; i++) {
                union(root, i, representative[i]);
            }
            if (groups != null) {
                var firstOfGroup = new HashMap<String, Integer>();
                for (int i = 0; i < n; i++) {
                    var firstRow = firstOfGroup.putIfAbsent(groups[i], i);
                    if (firstRow != null) {
                        union(root, i, firstRow);
                    }
                }
            }
            var keys = new String[n];
            for (int i = 0; i < n; i++) {
                int r = find(root, i);
                keys[i] = groups == null ? Integer.toString(r) : groups[r];
            }
            return keys;
        }

        /**
         * The report: counts and a few examples, conflicting labels first.
         *
         * @param labels per example, its class name
         * @param names per example, what the user calls it ("p017", "line 12")
         */
        Duplicates report(String unit, String compared, IntFunction<String> labels, IntFunction<String> names) {
            int rows = 0;
            int conflicting = 0;
            var conflictingSets = new ArrayList<Duplicates.ContentSet>();
            var agreeingSets = new ArrayList<Duplicates.ContentSet>();
            for (var set : sets) {
                rows += set.length;
                var labelsOfSet = new ArrayList<String>();
                for (int member : set) {
                    labelsOfSet.add(labels.apply(member));
                }
                boolean conflict = labelsOfSet.stream().distinct().count() > 1;
                if (conflict) {
                    conflicting++;
                }
                var target = conflict ? conflictingSets : agreeingSets;
                if (target.size() < EXAMPLE_SETS) {
                    int shown = Math.min(EXAMPLE_MEMBERS, set.length);
                    var memberNames = new ArrayList<String>();
                    for (int k = 0; k < shown; k++) {
                        memberNames.add(names.apply(set[k]));
                    }
                    target.add(new Duplicates.ContentSet(
                            set.length, memberNames, List.copyOf(labelsOfSet.subList(0, shown)), conflict));
                }
            }
            var examples = new ArrayList<>(conflictingSets);
            agreeingSets.stream().limit(EXAMPLE_SETS - examples.size()).forEach(examples::add);
            return new Duplicates(unit, compared, sets.size(), rows, rows - sets.size(), conflicting, examples, true);
        }

        private static int find(int[] root, int i) {
            while (root[i] != i) {
                root[i] = root[root[i]];
                i = root[i];
            }
            return i;
        }

        /** Joins two examples' sets; the root is the earlier example, so keys follow file order. */
        private static void union(int[] root, int a, int b) {
            int ra = find(root, a);
            int rb = find(root, b);
            if (ra != rb) {
                root[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
