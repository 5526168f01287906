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

/** A patient table: one row per patient, a header (or names offered for a headerless file), a target column. */
final class TableCsvFormat implements DatasetFormat {

    @Override
    public String id() {
        return "table-csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public Modality modality() {
        return Modality.EHR;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        return TabularScanner.scan(source, options, context);
    }

    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        table(source(folder), summary, splits, wanted, sink);
    }

    private static void table(Path file, DatasetSummary summary, byte[] splits, Set<Split> wanted, Example.Sink sink)
            throws IOException {
        var tabular = summary.tabular();
        var columns = tabular.columns();
        int targetIndex = tabular.header().indexOf(tabular.targetColumn());
        int features = tabular.encodedFeatures();
        try (var parser = TableLayout.of(tabular).open(file)) {
            int row = 0;
            for (var record : parser) {
                if (!wanted.contains(Split.ofCode(splits[row++]))) {
                    continue;
                }
                var out = new float[features];
                int at = 0;
                for (int c = 0; c < columns.size(); c++) {
                    at = ExampleReader.encode(columns.get(c), record.get(c), tabular.missingIndicators(), out, at);
                }
                sink.accept(new Example(
                        out, summary.classes().indexOf(record.get(targetIndex).strip())));
            }
        }
    }
}
