package org.deeprounds.datasets.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Examples of a dataset with identical content, found at import: table rows equal in every column but the id and
 * the target, DNA sequences with the same bases. Copies inflate a test score when one copy is trained on and another
 * tested, so all copies of one content share a split; copies with different labels are flagged, as they usually mean
 * an error in the labels. Part of {@code GET /api/v1/datasets/{id}} ({@code "duplicates"}); null for images and for
 * datasets imported before the check existed.
 *
 * @param unit what one example is: "row" or "sequence"
 * @param compared what was compared, e.g. "every column except 'Id' and the target 'Class'"
 * @param repeated how many different contents occur more than once
 * @param rows how many examples have such a content (all copies counted)
 * @param extraCopies {@code rows - repeated}: the examples beyond the first of each content
 * @param conflicting how many of the repeated contents carry two or more labels
 * @param examples a few repeated contents, those with different labels first
 * @param keptTogether all copies of a content are in one split
 */
public record Duplicates(
        String unit,
        String compared,
        int repeated,
        int rows,
        int extraCopies,
        int conflicting,
        List<ContentSet> examples,
        boolean keptTogether) {

    public Duplicates {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /**
     * One content that occurs more than once.
     *
     * @param size how many examples have it
     * @param members what the first of them are called ("p017", "line 12"), at most {@link
     *     DuplicateFinder#EXAMPLE_MEMBERS}
     * @param labels the label of each member shown
     * @param conflicting the copies do not all have the same label
     */
    public record ContentSet(int size, List<String> members, List<String> labels, boolean conflicting) {

        public ContentSet {
            members = List.copyOf(members);
            labels = List.copyOf(labels);
        }

        /** "p017 (+), p102 (-)", with "and 3 more" past the members shown. */
        public String describe() {
            var parts = new ArrayList<String>();
            for (int i = 0; i < members.size(); i++) {
                parts.add(members.get(i) + " (" + labels.get(i) + ")");
            }
            var text = String.join(", ", parts);
            return size > members.size() ? text + " and " + (size - members.size()) + " more" : text;
        }
    }

    /** The same report, saying whether the splits keep the copies of one content together. */
    public Duplicates keptTogether(boolean together) {
        return new Duplicates(unit, compared, repeated, rows, extraCopies, conflicting, examples, together);
    }

    /** Whether any content occurs twice. */
    public boolean any() {
        return repeated > 0;
    }

    /**
     * A sentence for the dataset page and the import dialog, e.g. "125 different sequences occur more than once: 310
     * sequences in all, 185 of them extra copies. 1 of them has different labels: p017 (+), p102 (-). ..."
     */
    public String describe() {
        var plural = unit + "s";
        if (!any()) {
            return "No duplicates: no two " + plural + " are the same (compared on " + compared + ").";
        }
        var text = new StringBuilder()
                .append(repeated)
                .append(" different ")
                .append(repeated == 1 ? unit + " occurs" : plural + " occur")
                .append(" more than once: ")
                .append(rows)
                .append(' ')
                .append(plural)
                .append(" in all, ")
                .append(extraCopies)
                .append(extraCopies == 1 ? " of them an extra copy" : " of them extra copies")
                .append(" (compared on ")
                .append(compared)
                .append(").");
        if (conflicting > 0) {
            var shown = examples.stream()
                    .filter(ContentSet::conflicting)
                    .limit(2)
                    .map(ContentSet::describe)
                    .toList();
            text.append(' ')
                    .append(conflicting)
                    .append(conflicting == 1 ? " of them has" : " of them have")
                    .append(" different labels, which usually means a labelling error: ")
                    .append(String.join("; ", shown))
                    .append(conflicting > shown.size() ? "; ..." : "")
                    .append('.');
        }
        if (keptTogether) {
            text.append(" All copies of one ")
                    .append(unit)
                    .append(" are kept in the same split, so the model is never tested on a copy of what it trained"
                            + " on.");
        } else {
            text.append(" The file's own splits put copies of one ")
                    .append(unit)
                    .append(" in different splits and are kept as given, so the test score may be optimistic.");
        }
        return text.toString();
    }
}
