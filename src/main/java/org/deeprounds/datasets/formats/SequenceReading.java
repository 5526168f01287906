package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;

/** Reading DNA back, shared by the two sequence formats (FASTA, CSV with a sequence column). */
final class SequenceReading {

    private SequenceReading() {}

    /** @param csv whether the stored source is a CSV with a sequence column (else FASTA) */
    static void sequences(
            Path folder, boolean csv, DatasetSummary summary, byte[] splits, Set<Split> wanted, Example.Sink sink)
            throws IOException {
        var genomics = summary.genomics();
        var source = folder.resolve(ScanContext.SOURCE + (csv ? ".csv" : ".fasta"));
        var labels = folder.resolve(ScanContext.LABELS);
        var options = ImportOptions.of("read", Modality.GENOMICS, Long.MAX_VALUE)
                .withTarget(genomics.labelColumn(), null, java.util.List.of())
                .withLabelsFile(Files.exists(labels) ? labels : null);
        int[] index = {0};
        SequenceScanner.forEach(source, csv, options, source.getFileName().toString(), sequence -> {
            if (wanted.contains(Split.ofCode(splits[index[0]++]))) {
                sink.accept(new Example(
                        ExampleReader.oneHot(sequence.bases(), genomics.encodedLength()),
                        summary.classes().indexOf(sequence.label())));
            }
        });
    }
}
