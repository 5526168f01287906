package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.deeprounds.datasets.model.Task;

/**
 * A patient table: CSV with a header row (or without one, when told: {@link TableLayout}), one row per patient (or
 * visit), a target column. Column types are inferred (numeric, binary, categorical, identifier); {@code NA}, empty,
 * {@code ?} and {@code NaN} count as missing. Imputation values (median, most frequent) and normalisation (mean,
 * spread) are fitted on the training split only. With a group column (a patient id on several rows) all rows of one
 * group land in one split, and so do rows equal in every column but the identifiers and the target ({@link
 * Duplicates}). Whole-number columns with a few values are suggested as categorical, never made so silently.
 */
public final class TabularScanner {

    static final Set<String> MISSING = Set.of("", "na", "n/a", "?", "nan", "null", "none");
    public static final int MAX_CATEGORIES = 50;
    static final int PREVIEW_ROWS = 20;
    static final int BINS = 10;
    /** A column this numeric is a numeric column with a typo, not a categorical one. */
    static final double NUMERIC_SHARE = 0.9;
    /** Below this many rows, all-different values are no evidence of an identifier. */
    static final int MIN_ROWS_FOR_ID = 10;
    /** Whole-number columns with this many values may be codes for categories (two values are binary already). */
    static final int MIN_CODES = 3;
    /** More different whole numbers than this are a measurement (an age, a count), not codes. */
    static final int MAX_CODES = 10;
    /** Codes repeat: a column of ten values on twelve rows is more likely a measurement than ten kinds. */
    static final int ROWS_PER_CODE = 5;

    private TabularScanner() {}

    /** What pass one learns about a column. */
    private static final class Column {
        final String name;
        int missing;
        int numeric;
        int text;
        long firstTextLine;
        String firstText;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        /** Set by the first number with a fractional part: ages or counts stay whole numbers in the statistics. */
        boolean fractional;

        final Set<String> distinct = new LinkedHashSet<>();
        boolean manyDistinct;

        Column(String name) {
            this.name = name;
        }

        void add(String value, long line) {
            if (isMissing(value)) {
                missing++;
                return;
            }
            try {
                double v = Double.parseDouble(value);
                if (Double.isFinite(v)) {
                    numeric++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    fractional |= v != Math.rint(v);
                } else {
                    missing++;
                    return;
                }
            } catch (NumberFormatException e) {
                if (text++ == 0) {
                    firstTextLine = line;
                    firstText = value;
                }
            }
            if (!manyDistinct && distinct.add(value) && distinct.size() > MAX_CATEGORIES) {
                manyDistinct = true;
                distinct.clear();
            }
        }

        int present() {
            return numeric + text;
        }
    }

    static boolean isMissing(String value) {
        return MISSING.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    static DatasetSummary scan(Path file, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        var layout = TableLayout.decide(file, options, name);
        List<String> header = layout.names();
        var columns = new ArrayList<Column>();
        var labelIndex = new LinkedHashMap<String, Integer>();
        var rowLabels = new IntList();
        var rowLines = new IntList();
        // Copies are compared on every column but the target and the identifiers known by name (and the group).
        var knownCompared = new IntList();
        var copies = new DuplicateFinder();
        var groupValues = new ArrayList<String>();
        var givenSplits = new ArrayList<Split>();
        var previewRows = new ArrayList<List<String>>();
        String target;
        String group;
        int splitIndex;
        try (var parser = open(layout, file, name)) {
            if (header.size() > context.maxColumns()) {
                throw new DatasetFormatException(name + ": the table has " + header.size() + " columns; at most "
                        + context.maxColumns() + " are accepted. Keep the columns the model should learn from (and the"
                        + " target), or ask an administrator to raise deeprounds.datasets.max-columns.");
            }
            target = requireColumn(header, options.targetColumn(), "target column", name, true);
            group = requireColumn(header, options.groupColumn(), "group column", name, false);
            for (var sensitive : options.sensitiveColumns()) {
                requireColumn(header, sensitive, "sensitive column", name, true);
                if (sensitive.strip().equals(target)) {
                    throw new DatasetFormatException(name + ": the target '" + target + "' cannot also be sensitive");
                }
            }
            header.forEach(h -> columns.add(new Column(h)));
            int targetIndex = header.indexOf(target);
            int groupIndex = group == null ? -1 : header.indexOf(group);
            splitIndex = splitColumn(header, target, group);
            for (int c = 0; c < header.size(); c++) {
                if (c != targetIndex && c != groupIndex && c != splitIndex && !isIdName(header.get(c))) {
                    knownCompared.add(c);
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new DatasetFormatException(layout.raggedRow(name, line, record.toList()));
                }
                for (int c = 0; c < header.size(); c++) {
                    columns.get(c).add(record.get(c), line);
                }
                var fingerprint = new DuplicateFinder.Fingerprint();
                for (int i = 0; i < knownCompared.size(); i++) {
                    fingerprint.add(record.get(knownCompared.get(i)));
                }
                copies.add(fingerprint);
                var label = record.get(targetIndex).strip();
                if (isMissing(label)) {
                    throw new DatasetFormatException(
                            name + " line " + line + ", column '" + target + "': the target value is missing");
                }
                if (labelIndex.size() <= MAX_CATEGORIES) {
                    labelIndex.putIfAbsent(label, labelIndex.size());
                }
                rowLabels.add(labelIndex.getOrDefault(label, -1));
                rowLines.add((int) Math.min(Integer.MAX_VALUE, line));
                if (groupIndex >= 0) {
                    var g = record.get(groupIndex).strip();
                    if (isMissing(g)) {
                        throw new DatasetFormatException(
                                name + " line " + line + ", column '" + group + "': the group id is missing");
                    }
                    groupValues.add(g);
                }
                if (splitIndex >= 0) {
                    givenSplits.add(GivenSplits.parse(record.get(splitIndex), name, line));
                }
                if (previewRows.size() < PREVIEW_ROWS) {
                    previewRows.add(record.toList());
                }
            }
        }
        if (rowLabels.size() == 0) {
            throw new DatasetFormatException(name + ": the file has a header but no rows");
        }
        var classes = List.copyOf(new TreeSet<>(labelIndex.keySet()));
        if (classes.size() < 2) {
            throw new DatasetFormatException(name + ": target column '" + target + "' has one class only ('"
                    + classes.getFirst() + "'); a classifier needs two or more");
        }
        if (classes.size() > MAX_CATEGORIES || rowLabels.contains(-1)) {
            throw new DatasetFormatException(name + ": target column '" + target + "' has more than " + MAX_CATEGORIES
                    + " different values; is it a measurement rather than a class?");
        }
        var types = new LinkedHashMap<String, ColumnType>();
        for (var column : columns) {
            // The file's split says where a row is used, never what it predicts.
            types.put(
                    column.name,
                    splitIndex >= 0 && column.name.equals(header.get(splitIndex))
                            ? ColumnType.IGNORE
                            : inferType(column, target, group, name));
        }
        var suggested = new java.util.HashSet<String>();
        for (var column : columns) {
            if (types.get(column.name) == ColumnType.NUMERIC && looksLikeCodes(column)) {
                suggested.add(column.name);
            }
        }
        // Rows carry the index of first appearance; classes are listed sorted.
        var sortedIndex =
                labelIndex.keySet().stream().mapToInt(classes::indexOf).toArray();
        var labels = rowLabels.map(i -> sortedIndex[i]);
        var idColumn = types.entrySet().stream()
                .filter(e ->
                        e.getValue() == ColumnType.IDENTIFIER && !e.getKey().equals(group))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        // Text that never repeats is an identifier too, known only now: then compare again without it.
        boolean moreIdentifiers = java.util.stream.IntStream.range(0, header.size())
                .anyMatch(c -> types.get(header.get(c)) == ColumnType.IDENTIFIER && knownCompared.contains(c));
        var found = moreIdentifiers ? duplicateRows(file, layout, name, types, splitIndex) : copies.find();
        var groups = group == null ? null : groupValues.toArray(String[]::new);
        Split[] splits;
        DatasetSummary.SplitPlan plan = null;
        if (splitIndex >= 0) {
            // The file's own split stands even where copies straddle it: the duplicate report still names them.
            var completed = GivenSplits.complete(
                    givenSplits.toArray(Split[]::new),
                    labels,
                    found.any() ? found.groupKeys(groups) : groups,
                    options,
                    name);
            splits = completed.splits();
            plan = new DatasetSummary.SplitPlan(
                    "FILE",
                    completed.validationCarved() ? options.seed() : null,
                    completed.validationCarved() ? options.validationRatio() : null,
                    null,
                    group,
                    0);
        } else if (found.any()) {
            splits = Splitter.keepingTogether(
                    labels, found.groupKeys(groups), options.seed(), options.validationRatio(), options.testRatio());
        } else if (group != null) {
            splits = Splitter.grouped(labels, groups, options.seed(), options.validationRatio(), options.testRatio());
        } else {
            splits = Splitter.stratified(labels, options.seed(), options.validationRatio(), options.testRatio());
        }
        plan = plan != null
                ? plan
                : group != null
                        ? new DatasetSummary.SplitPlan(
                                "GROUPED",
                                options.seed(),
                                options.validationRatio(),
                                options.testRatio(),
                                group,
                                new java.util.HashSet<>(groupValues).size())
                        : new DatasetSummary.SplitPlan(
                                "STRATIFIED", options.seed(), options.validationRatio(), options.testRatio(), null, 0);
        ScanContext.requireEveryClassInTrain(labels, splits, classes, name);
        var rowNames = new RowNames(idColumn != null ? idColumn : group, rowLines);
        var reported = found.report(
                "row",
                comparedDescription(header, types, target),
                row -> classes.get(labels[row]),
                rowNames.lookUp(file, layout, name, found));
        var duplicates = splitIndex >= 0 && found.any()
                ? reported.keptTogether(GivenSplits.together(splits, found.groupKeys(null)))
                : reported;
        var summaries =
                trainStatistics(file, layout, name, columns, types, suggested, splits, options.sensitiveColumns());
        context.writeSplits(splits);
        return new DatasetSummary(
                Modality.EHR,
                Task.forClassCount(classes.size()),
                "CSV table",
                classes,
                ScanContext.positiveClass(classes, options.positiveClass(), name),
                ScanContext.splitSummaries(labels, splits, classes),
                plan,
                null,
                null,
                new DatasetSummary.TabularSummary(
                        target,
                        group,
                        idColumn,
                        options.sensitiveColumns().stream().map(String::strip).toList(),
                        summaries,
                        List.copyOf(header),
                        previewRows,
                        labels.length,
                        true,
                        layout.headerless()),
                duplicates);
    }

    /**
     * Whole numbers with a few values, each on several rows: codes for kinds (1-4 for a type of chest pain) as often
     * as an ordered score or a count, which only the user can tell apart. Suggested, never applied: one-hot encoding
     * a score throws its order away, and changing types silently would change what existing lessons train on. Two
     * values are already binary (one input either way), so a 0/1 column such as smoker or diabetes stays as it is.
     */
    private static boolean looksLikeCodes(Column column) {
        int values = column.distinct.size();
        return !column.manyDistinct
                && !column.fractional
                && column.text == 0
                && values >= MIN_CODES
                && values <= MAX_CODES
                && column.numeric >= ROWS_PER_CODE * values;
    }

    /**
     * Rows equal in every column but the identifiers and the target, in a pass of its own: for a table whose
     * identifiers are not all known by name (text that never repeats, known once the whole file was read).
     */
    private static DuplicateFinder.Found duplicateRows(
            Path file, TableLayout layout, String name, Map<String, ColumnType> types, int splitIndex)
            throws IOException {
        var header = layout.names();
        var compared = java.util.stream.IntStream.range(0, header.size())
                .filter(c -> {
                    var type = types.get(header.get(c));
                    return type != ColumnType.IDENTIFIER && type != ColumnType.TARGET && c != splitIndex;
                })
                .toArray();
        var finder = new DuplicateFinder();
        try (var parser = open(layout, file, name)) {
            for (CSVRecord record : parser) {
                var fingerprint = new DuplicateFinder.Fingerprint();
                for (int c : compared) {
                    fingerprint.add(record.get(c));
                }
                finder.add(fingerprint);
            }
        }
        return finder.find();
    }

    private static String comparedDescription(List<String> header, Map<String, ColumnType> types, String target) {
        var skipped = header.stream()
                .filter(h -> types.get(h) == ColumnType.IDENTIFIER)
                .map(h -> "'" + h + "'")
                .toList();
        return "every column except " + (skipped.isEmpty() ? "" : String.join(", ", skipped) + " and ") + "the target '"
                + target + "'";
    }

    /** How the duplicate report names a row: by its id where the table has one ("Id 1182404, line 140"), else by line. */
    private record RowNames(String column, IntList lines) {

        IntFunction<String> lookUp(Path file, TableLayout layout, String name, DuplicateFinder.Found found)
                throws IOException {
            var ids = new HashMap<Integer, String>();
            if (found.any() && column != null) {
                var wanted = new java.util.HashSet<Integer>();
                for (var set : found.sets()) {
                    for (int k = 0; k < Math.min(set.length, DuplicateFinder.EXAMPLE_MEMBERS); k++) {
                        wanted.add(set[k]);
                    }
                }
                int index = layout.names().indexOf(column);
                try (var parser = open(layout, file, name)) {
                    int row = 0;
                    for (CSVRecord record : parser) {
                        if (wanted.contains(row)) {
                            ids.put(row, record.get(index));
                        }
                        row++;
                    }
                }
            }
            return row -> ids.containsKey(row)
                    ? column + " " + ids.get(row) + ", line " + lines.get(row)
                    : "line " + lines.get(row);
        }
    }

    private static CSVParser open(TableLayout layout, Path file, String name) throws IOException {
        try {
            return layout.open(file);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(name + " line 1: the header is not usable: " + e.getMessage());
        }
    }

    private static String requireColumn(
            List<String> header, String column, String what, String name, boolean required) {
        if (column == null || column.isBlank()) {
            if (required) {
                throw new DatasetFormatException(
                        name + ": a " + what + " is required (columns: " + String.join(", ", header) + ")");
            }
            return null;
        }
        var wanted = column.strip();
        if (!header.contains(wanted)) {
            throw new DatasetFormatException(name + ": " + what + " '" + wanted + "' is not in the header (columns: "
                    + String.join(", ", header) + ")");
        }
        return wanted;
    }

    /** The index of the file's split column (named 'split', any case), or -1; never the target or the group. */
    private static int splitColumn(List<String> header, String target, String group) {
        for (int c = 0; c < header.size(); c++) {
            var column = header.get(c);
            if (GivenSplits.isSplitColumn(column) && !column.equals(target) && !column.equals(group)) {
                return c;
            }
        }
        return -1;
    }

    /** "id", "patient_id": a column that names rows by its name. */
    private static boolean isIdName(String column) {
        return column.equalsIgnoreCase("id") || column.toLowerCase(Locale.ROOT).endsWith("_id");
    }

    private static ColumnType inferType(Column column, String target, String group, String name) {
        if (column.name.equals(target)) {
            return ColumnType.TARGET;
        }
        if (column.name.equals(group)) {
            return ColumnType.IDENTIFIER;
        }
        int present = column.present();
        boolean idName = isIdName(column.name);
        if (column.numeric > 0 && column.text > 0 && column.numeric >= NUMERIC_SHARE * present && !idName) {
            throw new DatasetFormatException(name + " line " + column.firstTextLine + ", column '" + column.name
                    + "': '" + column.firstText + "' is not a number (the column's other " + column.numeric
                    + " values are numeric; mark missing values as NA or leave them empty)");
        }
        // Text that never repeats names rows (a patient or sample code), it does not describe them.
        boolean uniqueText = column.text > 0
                && column.numeric == 0
                && present >= MIN_ROWS_FOR_ID
                && (column.manyDistinct || column.distinct.size() == present);
        if (idName || uniqueText) {
            return ColumnType.IDENTIFIER;
        }
        if (column.text > 0 && column.manyDistinct) {
            return ColumnType.IGNORE;
        }
        if (present == 0) {
            return ColumnType.IGNORE;
        }
        if (!column.manyDistinct && column.distinct.size() == 2) {
            return ColumnType.BINARY;
        }
        return column.text == 0 ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }

    /** Pass two: histograms over all rows; imputation and scaling values from the training rows only. */
    private static List<DatasetSummary.ColumnSummary> trainStatistics(
            Path file,
            TableLayout layout,
            String name,
            List<Column> columns,
            Map<String, ColumnType> types,
            Set<String> codes,
            Split[] splits,
            List<String> sensitive)
            throws IOException {
        int n = columns.size();
        var train = new TrainNumbers[n];
        var bins = new int[n][BINS];
        var categoryCounts = new ArrayList<Map<String, Integer>>();
        var trainCategoryCounts = new ArrayList<Map<String, Integer>>();
        for (int c = 0; c < n; c++) {
            var column = columns.get(c);
            train[c] = types.get(column.name) == ColumnType.NUMERIC ? new TrainNumbers(column.min, column.max) : null;
            categoryCounts.add(new HashMap<>());
            trainCategoryCounts.add(new HashMap<>());
        }
        try (var parser = open(layout, file, name)) {
            int row = 0;
            for (CSVRecord record : parser) {
                boolean inTrain = splits[row++] == Split.TRAIN;
                for (int c = 0; c < n; c++) {
                    var value = record.get(c).strip();
                    if (isMissing(value)) {
                        continue;
                    }
                    var column = columns.get(c);
                    var type = types.get(column.name);
                    if (type == ColumnType.NUMERIC) {
                        double v = Double.parseDouble(value);
                        double width = (column.max - column.min) / BINS;
                        int bin = width == 0 ? 0 : (int) Math.min(BINS - 1, (v - column.min) / width);
                        bins[c][bin]++;
                        if (inTrain) {
                            train[c].add(v);
                            if (codes.contains(column.name)) {
                                // The most frequent code fills gaps if the user makes the column categorical.
                                trainCategoryCounts.get(c).merge(value, 1, Integer::sum);
                            }
                        }
                    } else if (type == ColumnType.CATEGORICAL
                            || type == ColumnType.BINARY
                            || type == ColumnType.TARGET) {
                        categoryCounts.get(c).merge(value, 1, Integer::sum);
                        if (inTrain) {
                            trainCategoryCounts.get(c).merge(value, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        var result = new ArrayList<DatasetSummary.ColumnSummary>();
        for (int c = 0; c < n; c++) {
            var column = columns.get(c);
            var type = types.get(column.name);
            boolean isSensitive = sensitive.stream().anyMatch(s -> s.strip().equals(column.name));
            if (type == ColumnType.NUMERIC) {
                var stats = train[c];
                var labels = new ArrayList<String>();
                double width = (column.max - column.min) / BINS;
                for (int b = 0; b < BINS; b++) {
                    labels.add(String.format(Locale.ROOT, "%.3g", column.min + b * width));
                }
                result.add(new DatasetSummary.ColumnSummary(
                        column.name,
                        type,
                        column.missing,
                        column.manyDistinct ? -1 : column.distinct.size(),
                        column.min,
                        column.max,
                        ImageStats.round(column.sum / Math.max(1, column.numeric)),
                        stats.count == 0
                                ? null
                                : column.fractional ? round4(stats.median()) : (double) Math.round(stats.median()),
                        stats.count == 0 ? null : round4(stats.mean),
                        stats.count == 0 ? null : round4(stats.std()),
                        mode(trainCategoryCounts.get(c)),
                        labels,
                        Arrays.stream(bins[c]).boxed().toList(),
                        isSensitive,
                        categories(column),
                        column.numeric > 0 && !column.fractional,
                        codes.contains(column.name) ? ColumnType.CATEGORICAL : null));
            } else {
                var counts = categoryCounts.get(c);
                var top = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(MAX_CATEGORIES)
                        .toList();
                var mode = mode(trainCategoryCounts.get(c));
                result.add(new DatasetSummary.ColumnSummary(
                        column.name,
                        type,
                        column.missing,
                        column.manyDistinct ? -1 : column.distinct.size(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        mode,
                        top.stream().map(Map.Entry::getKey).toList(),
                        top.stream().map(Map.Entry::getValue).toList(),
                        isSensitive,
                        categories(column),
                        column.numeric > 0 && column.text == 0 && !column.fractional,
                        null));
            }
        }
        return result;
    }

    /**
     * Mean and spread (Welford) and a fine histogram for the median of one column's training values, in constant
     * memory: the median is exact to within 1/4096 of the column's range.
     */
    private static final class TrainNumbers {
        static final int FINE_BINS = 4096;
        final double min;
        final double width;
        final int[] fine = new int[FINE_BINS];
        long count;
        double mean;
        double m2;

        TrainNumbers(double min, double max) {
            this.min = min;
            this.width = (max - min) / FINE_BINS;
        }

        void add(double v) {
            count++;
            double delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
            fine[width == 0 ? 0 : (int) Math.min(FINE_BINS - 1, (v - min) / width)]++;
        }

        double std() {
            return Math.sqrt(m2 / count);
        }

        double median() {
            double half = count / 2.0;
            long seen = 0;
            for (int b = 0; b < FINE_BINS; b++) {
                if (seen + fine[b] >= half && fine[b] > 0) {
                    return min + width * (b + (half - seen) / fine[b]);
                }
                seen += fine[b];
            }
            return min;
        }
    }

    /** A growable list of ints: one per row, so a long table costs 4 bytes a row, not an object. */
    static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        boolean contains(int value) {
            for (int i = 0; i < size; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        int[] map(java.util.function.IntUnaryOperator f) {
            var out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = f.applyAsInt(values[i]);
            }
            return out;
        }
    }

    /** The most frequent value, or null where none was counted. */
    private static String mode(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static List<String> categories(Column column) {
        return column.manyDistinct
                ? List.of()
                : column.distinct.stream().sorted().toList();
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
