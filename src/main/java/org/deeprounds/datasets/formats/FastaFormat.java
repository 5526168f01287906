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

/** FASTA DNA sequences, labelled in their headers or by a labels CSV beside them. */
final class FastaFormat implements DatasetFormat {

    @Override
    public String id() {
        return "fasta";
    }

    @Override
    public List<String> extensions() {
        return List.of("fasta", "fa", "fna", "fas", "ffn");
    }

    @Override
    public Modality modality() {
        return Modality.GENOMICS;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        return SequenceScanner.scan(source, false, options, context);
    }

    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        SequenceReading.sequences(folder, false, summary, splits, wanted, sink);
    }
}
