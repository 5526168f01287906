package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;

/**
 * The first row of a CSV table, and whether it reads as column names or as the first patient. Tables from UCI and
 * other archives often ship without a header row ({@code 63.0,1.0,1.0,145.0,...}); read as a header, the first
 * patient would silently become the column names.
 *
 * @param cells the row's values, trimmed; empty for an empty file
 */
public record CsvFirstRow(List<String> cells) {

    /** How a column is called when the file names none: {@code column_1}, {@code column_2}, ... */
    public static final String GENERATED_PREFIX = "column_";

    public CsvFirstRow {
        cells = List.copyOf(cells);
    }

    /** The first non-empty row of a CSV file; no cells for an empty file. */
    public static CsvFirstRow read(Path file) throws IOException {
        var format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (var parser = format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            var records = parser.iterator();
            return new CsvFirstRow(records.hasNext() ? records.next().toList() : List.of());
        }
    }

    /** The cells that are numbers: a column is named with words, a patient is described with numbers. */
    public List<String> numbers() {
        return cells.stream().filter(CsvFirstRow::isNumber).toList();
    }

    /**
     * Whether the row reads as data: most of its values are numbers, or all but one (a headerless table whose class
     * is a word, as in {@code 5.1,3.5,1.4,0.2,Iris-setosa}). A header with a few numeric names ("2019", "2020")
     * among words still reads as a header.
     */
    public boolean looksLikeData() {
        int numbers = numbers().size();
        return numbers > 0 && (numbers * 2 > cells.size() || numbers >= cells.size() - 1);
    }

    /** Names for a file without a header row: {@code column_1} ... {@code column_n}, one per value of this row. */
    public List<String> generatedNames() {
        return generatedNames(cells.size());
    }

    static List<String> generatedNames(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> GENERATED_PREFIX + i)
                .toList();
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
