package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;

/**
 * Where a table's column names come from: its first row (a header), or, for a file without one, names given at
 * import ({@code columnNames}) or generated ({@code column_1}, ...), with the first row read as data. Decided once at
 * import and stored in the summary ({@link DatasetSummary.TabularSummary#headerless()}), so a stored table is read
 * back exactly as it was scanned.
 */
record TableLayout(List<String> names, boolean headerless) {

    TableLayout {
        names = List.copyOf(names);
    }

    /**
     * The layout the import options ask for: {@code header=false} reads the first row as data; {@code header=true}
     * reads it as names; no answer reads it as names unless it looks like data, which is refused with {@link
     * HeaderlessCsvException} (see there why it is not guessed).
     */
    static TableLayout decide(Path file, ImportOptions options, String fileName) throws IOException {
        var first = CsvFirstRow.read(file);
        if (first.cells().isEmpty()) {
            throw new DatasetFormatException(fileName + ": the file is empty; expected a header row");
        }
        var given = options.columnNames();
        if (Boolean.FALSE.equals(options.header())) {
            if (given.isEmpty()) {
                return new TableLayout(first.generatedNames(), true);
            }
            if (given.size() != first.cells().size()) {
                throw new DatasetFormatException(fileName + ": columnNames gives " + given.size() + " names, but line"
                        + " 1 has " + first.cells().size() + " values; give one name per column, in order");
            }
            requireDistinct(given, fileName, "columnNames");
            return new TableLayout(given, true);
        }
        if (!given.isEmpty()) {
            throw new DatasetFormatException(fileName + ": columnNames names the columns of a file without a header"
                    + " row; send it with header=false (this file's own header row names its columns)");
        }
        if (options.header() == null && first.looksLikeData()) {
            throw new HeaderlessCsvException(fileName, first);
        }
        requireDistinct(first.cells(), fileName, "line 1");
        return new TableLayout(first.cells(), false);
    }

    /** How a stored table was laid out at import (tables imported before headerless files existed have a header). */
    static TableLayout of(DatasetSummary.TabularSummary tabular) {
        return new TableLayout(tabular.header(), tabular.headerless());
    }

    /** The table's rows: with a header row, after it; without, from the first line. Blank lines skipped, cells trimmed. */
    CSVParser open(Path file) throws IOException {
        var builder = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(false);
        var format = headerless
                ? builder.setHeader(names.toArray(String[]::new))
                        .setSkipHeaderRecord(false)
                        .get()
                : builder.setHeader().setSkipHeaderRecord(true).get();
        return format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /**
     * What is wrong with a row whose value count differs from the header's, naming the line and the columns: a
     * missing value for the last columns, or a value with no column (often a comma inside an unquoted value).
     */
    String raggedRow(String fileName, long line, List<String> values) {
        var text = fileName + " line " + line + ": " + values.size() + " values, but the header has " + names.size()
                + " columns";
        if (values.size() < names.size()) {
            int from = values.size();
            return text + ": column " + (from + 1) + " '" + names.get(from) + "'"
                    + (names.size() - from > 1 ? " and the " + (names.size() - from - 1) + " after it get" : " gets")
                    + " no value. Every row needs one value per column (leave a missing value empty or write NA).";
        }
        return text + ": value " + (names.size() + 1) + " ('" + values.get(names.size()) + "') has no column. Every"
                + " row needs one value per column; a value that contains a comma needs double quotes.";
    }

    /** Two columns with one name cannot be told apart (and a header of data repeats values): name them. */
    private static void requireDistinct(List<String> names, String fileName, String where) {
        var positions = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < names.size(); i++) {
            positions
                    .computeIfAbsent(names.get(i).strip(), n -> new ArrayList<>())
                    .add(i + 1);
        }
        var repeated = positions.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> "'" + e.getKey() + "' names columns "
                        + String.join(
                                " and ",
                                e.getValue().stream().map(String::valueOf).toList()))
                .toList();
        if (!repeated.isEmpty()) {
            throw new DatasetFormatException(fileName + " " + where + ": every column needs its own name, but "
                    + String.join("; ", repeated) + ". Rename the columns so that each name appears once.");
        }
    }
}
