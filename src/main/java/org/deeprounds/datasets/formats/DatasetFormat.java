package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;

/**
 * A file format DeepRounds imports, in one class: the extensions it is recognised by, the kind of data it holds, how an
 * upload is scanned into a summary (and its splits), and how the stored dataset is read back as examples. Every format
 * is listed once in {@link DatasetFormats}; a stored dataset names its format by {@link #id()}, so reading never
 * guesses from a display name. Adding a format means a class here and a line there; the compiler then lists what else
 * must know about it.
 */
public sealed interface DatasetFormat
        permits MedMnistNpzFormat,
                ImageFolderZipFormat,
                FastaFormat,
                SequenceCsvFormat,
                TableCsvFormat,
                SignalNpzFormat,
                WfdbZipFormat {

    /** Stored with each dataset ({@code dataset.format_id}); never changes once released. */
    String id();

    /** File extensions it is chosen for, lower case without the dot; the first is how the upload is stored. */
    List<String> extensions();

    /** The kind of data it holds. */
    Modality modality();

    /** Checks an upload ({@code source}, stored as {@code source.<first extension>}) and describes it. */
    DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException;

    /**
     * Reads the stored dataset in {@code folder} back as encoded examples of the wanted splits, in file order.
     *
     * @param splits one split code per example, in file order ({@link ScanContext#SPLITS_FILE})
     */
    void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException;

    /** How the upload is stored in the dataset's folder. */
    default Path source(Path folder) {
        return folder.resolve(ScanContext.SOURCE + "." + extensions().getFirst());
    }
}
