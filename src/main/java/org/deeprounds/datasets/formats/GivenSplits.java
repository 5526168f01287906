package org.deeprounds.datasets.formats;

import java.util.ArrayList;
import java.util.Locale;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;

/**
 * Splits a file states itself, row by row: a table's {@code split} column or a FASTA header's {@code split=} tag,
 * each {@code train}, {@code validation} or {@code test}. A published benchmark is comparable only on its published
 * split, so the import keeps it exactly. Where the file gives train and test only, validation (which early stopping
 * and threshold choice need) is carved from the training rows: per class, seeded, the import's validation share of
 * them, copies and groups kept together; the test rows are never touched.
 */
public final class GivenSplits {

    /** The column (any case) or header tag that carries the split. */
    static final String NAME = "split";

    private GivenSplits() {}

    /** Whether a table column is the split column. */
    public static boolean isSplitColumn(String column) {
        return column.strip().equalsIgnoreCase(NAME);
    }

    /** One value of the split column or tag; anything but train, validation or test is refused with where it is. */
    static Split parse(String value, String fileName, long line) {
        var key = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (var split : Split.values()) {
            if (split.key().equals(key)) {
                return split;
            }
        }
        throw new DatasetFormatException(fileName + " line " + line + ": split '" + (value == null ? "" : value.strip())
                + "' is not train, validation or test (the file's '" + NAME + "' gives each row its split; remove"
                + " it to let DeepRounds split)");
    }

    /** Whether every example with one group key is in one split. */
    static boolean together(Split[] splits, String[] keys) {
        var seen = new java.util.HashMap<String, Split>();
        for (int i = 0; i < splits.length; i++) {
            var first = seen.putIfAbsent(keys[i], splits[i]);
            if (first != null && first != splits[i]) {
                return false;
            }
        }
        return true;
    }

    /** What {@link #complete} did, for the summary's split plan. */
    record Completed(Split[] splits, boolean validationCarved) {}

    /**
     * The file's splits, with validation carved from training where the file gives none. The file must give some
     * training and some test rows.
     *
     * @param groups a group key per example (copies of one content, one patient's rows) kept in one split when
     *     carving; null when every example stands alone
     */
    static Completed complete(Split[] given, int[] labels, String[] groups, ImportOptions options, String fileName) {
        boolean train = false;
        boolean validation = false;
        boolean test = false;
        for (var split : given) {
            train |= split == Split.TRAIN;
            validation |= split == Split.VALIDATION;
            test |= split == Split.TEST;
        }
        if (!train || !test) {
            throw new DatasetFormatException(
                    fileName + ": the '" + NAME + "' values give no " + (train ? "test" : "train")
                            + " rows; a file that states its splits needs train and test rows (validation is optional)");
        }
        var splits = given.clone();
        if (validation) {
            return new Completed(splits, false);
        }
        var rows = new ArrayList<Integer>();
        for (int i = 0; i < given.length; i++) {
            if (given[i] == Split.TRAIN) {
                rows.add(i);
            }
        }
        var trainLabels = rows.stream().mapToInt(i -> labels[i]).toArray();
        var trainGroups = rows.stream()
                .map(i -> groups == null ? Integer.toString(i) : groups[i])
                .toArray(String[]::new);
        var carved = Splitter.keepingTogether(trainLabels, trainGroups, options.seed(), options.validationRatio(), 0);
        for (int k = 0; k < rows.size(); k++) {
            splits[rows.get(k)] = carved[k];
        }
        return new Completed(splits, true);
    }
}
