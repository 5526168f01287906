package org.deeprounds.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * What uses a dataset, as far as the signed-in user may see it. Runs of trainees they may not see are only counted
 * ({@code notShown}), never named: a trainee must not learn another trainee's name or runs from a refused delete.
 */
public record DatasetUses(List<DatasetUse> shown, int notShown) {

    public static final DatasetUses NONE = new DatasetUses(List.of(), 0);

    public DatasetUses {
        shown = List.copyOf(shown);
    }

    public boolean isEmpty() {
        return shown.isEmpty() && notShown == 0;
    }

    DatasetUses and(DatasetUses other) {
        var all = new ArrayList<>(shown);
        all.addAll(other.shown);
        return new DatasetUses(all, notShown + other.notShown);
    }

    /** At most this many uses are named in a sentence; the API's list has them all. */
    static final int NAMED_IN_TEXT = 8;

    /**
     * In words: "2 training runs (Run 41: ehr-mlp, completed, of trainee1; ...), 1 more training run of another user
     * and 1 lesson (Foundations: Reading a confusion matrix)".
     */
    public String describe() {
        var parts = new ArrayList<String>();
        var runs = shown.stream().filter(u -> DatasetUse.RUN.equals(u.kind())).toList();
        var lessons =
                shown.stream().filter(u -> DatasetUse.LESSON.equals(u.kind())).toList();
        if (!runs.isEmpty()) {
            parts.add(count(runs.size(), "training run") + " (" + named(runs) + ")");
        }
        if (notShown > 0) {
            parts.add(count(notShown, runs.isEmpty() ? "training run" : "more training run") + " of "
                    + (notShown == 1 ? "another user" : "other users"));
        }
        if (!lessons.isEmpty()) {
            parts.add(count(lessons.size(), "lesson") + " (" + named(lessons) + ")");
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "nothing" : parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String named(List<DatasetUse> uses) {
        var names = uses.stream()
                .limit(NAMED_IN_TEXT)
                .map(u -> u.owner() == null ? u.name() : u.name() + ", of " + u.owner())
                .toList();
        var text = String.join("; ", names);
        return uses.size() > NAMED_IN_TEXT ? text + "; and " + (uses.size() - NAMED_IN_TEXT) + " more" : text;
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
