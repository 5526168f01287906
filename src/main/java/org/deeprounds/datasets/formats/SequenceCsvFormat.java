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

/** A CSV with a DNA sequence column and a label column (asked for as GENOMICS). */
final class SequenceCsvFormat implements DatasetFormat {

    @Override
    public String id() {
        return "sequence-csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public Modality modality() {
        return Modality.GENOMICS;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        return SequenceScanner.scan(source, true, options, context);
    }

    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        SequenceReading.sequences(folder, true, summary, splits, wanted, sink);
    }
}
