package org.deeprounds.datasets.formats;

import java.util.List;
import org.deeprounds.datasets.model.DatasetFormatException;

/**
 * A table whose first row looks like data rather than column names, imported without saying whether it has a header
 * row. Refused rather than guessed: read as a header, the first patient would be lost and become the column names;
 * read as data with made-up names, a table with numeric column names would gain a patient of names. The API answers
 * with the row and the names it would use, so a client can import again with {@code header=false}.
 */
public class HeaderlessCsvException extends DatasetFormatException {

    private final transient CsvFirstRow firstRow;

    HeaderlessCsvException(String fileName, CsvFirstRow firstRow) {
        super(message(fileName, firstRow));
        this.firstRow = firstRow;
    }

    /** The file's first row, as read. */
    public List<String> firstRow() {
        return firstRow.cells();
    }

    /** The names the import gives the columns with {@code header=false} and no {@code columnNames}. */
    public List<String> proposedColumnNames() {
        return firstRow.generatedNames();
    }

    static final int SHOWN_VALUES = 6;

    private static String message(String fileName, CsvFirstRow row) {
        var numbers = row.numbers();
        var shown = String.join(", ", numbers.subList(0, Math.min(SHOWN_VALUES, numbers.size())))
                + (numbers.size() > SHOWN_VALUES ? ", ..." : "");
        int columns = row.cells().size();
        var names = row.generatedNames();
        return fileName + " line 1: the first row looks like data, not column names: " + numbers.size() + " of its "
                + columns + " values are numbers (" + shown + "). Read as a header, the first row would be lost and"
                + " its values would become the column names. If the file has no header row, import it with"
                + " header=false and columnNames naming the " + columns + " columns in order (for example"
                + " columnNames=age,sex,...), or without columnNames to call them " + names.getFirst() + " to "
                + names.getLast() + " (then, for example, targetColumn=" + names.getLast() + "); in the import"
                + " dialog, untick 'The first row holds column names'. If these are the column names, import with"
                + " header=true.";
    }
}
