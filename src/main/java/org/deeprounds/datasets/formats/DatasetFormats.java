package org.deeprounds.datasets.formats;

import java.util.List;
import java.util.Locale;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;

/** Every format DeepRounds reads, in the one place they are registered, and how one is chosen. */
public final class DatasetFormats {

    /**
     * In order of preference: a .csv upload is a patient table unless GENOMICS is asked for; an .npz or .zip holds
     * images unless SIGNAL is asked for.
     */
    static final List<DatasetFormat> ALL = List.of(
            new MedMnistNpzFormat(),
            new ImageFolderZipFormat(),
            new FastaFormat(),
            new TableCsvFormat(),
            new SequenceCsvFormat(),
            new SignalNpzFormat(),
            new WfdbZipFormat());

    private DatasetFormats() {}

    /** The format a stored dataset names; an id this version does not know is an error, never a guess. */
    public static DatasetFormat byId(String id) {
        return ALL.stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new DatasetFormatException("the stored dataset names the format '" + id
                        + "', which this version of DeepRounds cannot read (it reads " + ids() + ")"));
    }

    /**
     * The format for an upload, by its extension and the kind of data asked for (none: the first format that takes
     * the extension).
     */
    public static DatasetFormat forUpload(String fileName, Modality requested) {
        var dot = fileName.lastIndexOf('.');
        var ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        var fits = ALL.stream().filter(f -> f.extensions().contains(ext)).toList();
        if (fits.isEmpty()) {
            throw new DatasetFormatException(fileName + ": unsupported file type"
                    + (ext.isEmpty() ? "" : " '." + ext + "'")
                    + "; expected .npz (MedMNIST images or signals), .zip (image folders or WFDB records),"
                    + " .fasta/.fa (DNA) or .csv (table or sequences)");
        }
        if (requested == null) {
            return fits.getFirst();
        }
        return fits.stream()
                .filter(f -> f.modality() == requested)
                .findFirst()
                .orElseThrow(() -> new DatasetFormatException("modality: a ."
                        + fits.getFirst().extensions().getFirst() + " file (" + fileName + ") cannot hold " + requested
                        + " data; it holds "
                        + fits.stream().map(DatasetFormat::modality).distinct().toList()));
    }

    private static List<String> ids() {
        return ALL.stream().map(DatasetFormat::id).toList();
    }
}
