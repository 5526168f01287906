package org.deeprounds.datasets.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What the importer was told about a file besides its bytes.
 *
 * @param classNames names for integer labels 0..K-1 (imaging npz), optional
 * @param labelsFile a CSV of {@code id,label} for a FASTA file whose headers carry no labels, optional
 * @param sequenceLength pad or crop DNA to this length; null means the longest sequence
 * @param header whether a CSV table's first row names its columns: true, false (the first row is data), or null to
 *     read it as names unless it looks like data (then the import is refused, see {@code HeaderlessCsvException})
 * @param columnNames names for the columns of a table without a header row ({@code header=false}), in order; empty
 *     for {@code column_1}, {@code column_2}, ...
 * @param samplingFrequency samples per second of signals imported as they are (a signal npz), optional: it puts
 *     seconds on the time axis and lets R peaks be found in previews
 */
public record ImportOptions(
        String name,
        Modality modality,
        String targetColumn,
        String groupColumn,
        List<String> sensitiveColumns,
        String positiveClass,
        List<String> classNames,
        Path labelsFile,
        Integer sequenceLength,
        long seed,
        double validationRatio,
        double testRatio,
        long maxUncompressedBytes,
        Boolean header,
        List<String> columnNames,
        Double samplingFrequency) {

    public ImportOptions {
        sensitiveColumns = sensitiveColumns == null ? List.of() : List.copyOf(sensitiveColumns);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
    }

    /** Defaults for everything but the name and modality. */
    public static ImportOptions of(String name, Modality modality, long maxUncompressedBytes) {
        return new ImportOptions(
                name,
                modality,
                null,
                null,
                List.of(),
                null,
                List.of(),
                null,
                null,
                Splitter.DEFAULT_SEED,
                Splitter.DEFAULT_VALIDATION_RATIO,
                Splitter.DEFAULT_TEST_RATIO,
                maxUncompressedBytes,
                null,
                List.of(),
                null);
    }

    public ImportOptions withTarget(String target, String group, List<String> sensitive) {
        return new ImportOptions(
                name,
                modality,
                target,
                group,
                sensitive,
                positiveClass,
                classNames,
                labelsFile,
                sequenceLength,
                seed,
                validationRatio,
                testRatio,
                maxUncompressedBytes,
                header,
                columnNames,
                samplingFrequency);
    }

    public ImportOptions withLabelsFile(Path labels) {
        return new ImportOptions(
                name,
                modality,
                targetColumn,
                groupColumn,
                sensitiveColumns,
                positiveClass,
                classNames,
                labels,
                sequenceLength,
                seed,
                validationRatio,
                testRatio,
                maxUncompressedBytes,
                header,
                columnNames,
                samplingFrequency);
    }

    /** Says whether a table's first row names its columns, and names them for a file without a header row. */
    public ImportOptions withHeader(Boolean hasHeader, List<String> names) {
        return new ImportOptions(
                name,
                modality,
                targetColumn,
                groupColumn,
                sensitiveColumns,
                positiveClass,
                classNames,
                labelsFile,
                sequenceLength,
                seed,
                validationRatio,
                testRatio,
                maxUncompressedBytes,
                hasHeader,
                names,
                samplingFrequency);
    }
}
