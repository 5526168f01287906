package org.deeprounds.models;

import org.deeprounds.datasets.ColumnType;
import org.deeprounds.datasets.DatasetSummary;

/** What one example of a dataset looks like to a network, derived from the dataset's summary. */
public final class DatasetInputs {

    private DatasetInputs() {}

    /**
     * Images as they are; DNA one-hot as 4 x the encoded length; tables with one input per numeric or binary column,
     * one per category of a categorical column, and one 0/1 indicator per column with missing values if chosen.
     */
    public static InputShape shapeOf(DatasetSummary summary) {
        return switch (summary.modality()) {
            case IMAGING ->
                InputShape.image(
                        summary.imaging().height(),
                        summary.imaging().width(),
                        summary.imaging().channels());
            case GENOMICS -> InputShape.sequence(4, summary.genomics().encodedLength());
            case EHR -> InputShape.tabular(tabularFeatures(summary.tabular()));
        };
    }

    static int tabularFeatures(DatasetSummary.TabularSummary tabular) {
        int features = 0;
        for (var column : tabular.columns()) {
            features += switch (column.type()) {
                case NUMERIC, BINARY -> 1;
                case CATEGORICAL -> Math.max(1, column.distinct());
                case IDENTIFIER, IGNORE, TARGET -> 0;
            };
            if (tabular.missingIndicators() && column.missing() > 0 && usedAsFeature(column.type())) {
                features++;
            }
        }
        return features;
    }

    private static boolean usedAsFeature(ColumnType type) {
        return type == ColumnType.NUMERIC || type == ColumnType.BINARY || type == ColumnType.CATEGORICAL;
    }
}
