package org.deeprounds.datasets.signal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import org.deeprounds.datasets.io.SafeZip;

/**
 * PhysioNet WFDB records packed in one zip, the way a set of records is downloaded or shared: each record's header
 * ({@code 100.hea}), its data files, and its beat annotations ({@code 100.atr}), side by side in any folder of the
 * zip. Records are taken in the order of their header paths, so reading a zip twice gives the same beats in the same
 * order.
 */
public final class WfdbZip {

    /** One record, read whole: its leads in physical units (NaN where missing) and its annotations. */
    public record Record(String name, WfdbHeader header, float[][] leads, List<WfdbAnnotations.Annotation> beats) {}

    private WfdbZip() {}

    /** The header entries, in path order; a zip without one is refused, naming what it holds. */
    public static List<ZipEntry> headers(SafeZip zip, String fileName) throws SignalFormatException {
        var headers = zip.entries().stream()
                .filter(e -> !e.isDirectory()
                        && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".hea"))
                .sorted(Comparator.comparing(ZipEntry::getName))
                .toList();
        if (headers.isEmpty()) {
            throw new SignalFormatException(fileName
                    + ": no WFDB header (.hea) in the zip; a record is a .hea file with"
                    + " its .dat and .atr files (found: "
                    + zip.entries().stream().limit(10).map(ZipEntry::getName).toList() + ")");
        }
        return headers;
    }

    /** Reads one record: its header, every signal, and its {@code .atr} annotations, which must be there. */
    public static Record read(SafeZip zip, String fileName, ZipEntry headerEntry, long maxSamples) throws IOException {
        var path = headerEntry.getName();
        var folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        WfdbHeader header;
        try (var in = zip.open(headerEntry)) {
            header = WfdbHeader.read(fileName + ": " + path, in);
        }
        var signals = WfdbSignals.read(header, name -> zip.open(entry(zip, fileName, folder + name, path)), maxSamples);
        var leads = new float[signals.signalCount()][];
        for (int s = 0; s < leads.length; s++) {
            leads[s] = signals.physical(s);
        }
        var annotationPath = path.substring(0, path.length() - 4) + ".atr";
        var annotationEntry = zip.entries().stream()
                .filter(e -> e.getName().equals(annotationPath))
                .findFirst()
                .orElseThrow(() -> new SignalFormatException(fileName + ": record " + header.recordName() + " has no "
                        + annotationPath + "; beats are labelled from the record's .atr annotations"));
        try (var in = zip.open(annotationEntry)) {
            var beats =
                    WfdbAnnotations.read(fileName + ": " + annotationPath, in, WfdbAnnotations.DEFAULT_MAX_ANNOTATIONS);
            return new Record(header.recordName(), header, leads, beats);
        }
    }

    /** The lead names of a record, e.g. [MLII, V5]; "lead 1", ... where the header gives none. */
    public static List<String> leadNames(WfdbHeader header) {
        var names = new ArrayList<String>();
        for (var signal : header.signals()) {
            var description = signal.description();
            names.add(description == null || description.isBlank() ? "lead " + (names.size() + 1) : description);
        }
        return names;
    }

    private static ZipEntry entry(SafeZip zip, String fileName, String wanted, String header)
            throws SignalFormatException {
        for (var entry : zip.entries()) {
            if (entry.getName().equals(wanted)) {
                return entry;
            }
        }
        throw new SignalFormatException(
                fileName + ": " + header + " names the data file " + wanted + ", which is not in the zip");
    }
}
