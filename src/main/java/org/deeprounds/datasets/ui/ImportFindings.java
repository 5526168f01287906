package org.deeprounds.datasets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprounds.datasets.DatasetInfo;

/**
 * What an import found that the user should know before training, in the same words on the import dialog's result
 * and on the dataset page: copies (and copies with different labels), and columns that may be codes for categories.
 */
final class ImportFindings {

    private ImportFindings() {}

    /** One sentence per finding; empty when there is nothing to say (no copies, no suggestions, or an image set). */
    static List<String> of(DatasetInfo info) {
        var findings = new ArrayList<String>();
        var duplicates = info.duplicates();
        if (duplicates != null && duplicates.any()) {
            findings.add(duplicates.describe());
        }
        var empty = java.util.stream.Stream.of("validation", "test")
                .filter(split -> info.splits().get(split).size() == 0)
                .toList();
        if (!empty.isEmpty()) {
            findings.add("The " + String.join(" and the ", empty) + " split" + (empty.size() == 1 ? " is" : "s are")
                    + " empty: the file has too few different examples to hold some back, so a model trained on it"
                    + " cannot be checked on data it has not seen.");
        }
        var suggested = info.suggestedColumnTypes();
        if (suggested != null && !suggested.isEmpty()) {
            var columns = suggested.keySet().stream().map(c -> "'" + c + "'").toList();
            findings.add((columns.size() == 1 ? "Column " : "Columns ") + String.join(", ", columns)
                    + (columns.size() == 1 ? " holds" : " hold") + " only a few different whole numbers, which may be"
                    + " codes for kinds (e.g. 1-4 for a type of symptom) rather than measurements. They are used as"
                    + " numbers; if they stand for kinds, make them "
                    + suggested.values().iterator().next().name().toLowerCase(Locale.ROOT)
                    + " with 'Edit column types' on the dataset page.");
        }
        return findings;
    }
}
