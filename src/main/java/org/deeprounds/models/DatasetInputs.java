package org.deeprounds.models;

import org.deeprounds.datasets.DatasetSummary;

/** What one example of a dataset looks like to a network, derived from the dataset's summary. */
public final class DatasetInputs {

    private DatasetInputs() {}

    /** Images as they are; DNA one-hot as 4 x the encoded length; tables as their encoded feature count. */
    public static InputShape shapeOf(DatasetSummary summary) {
        return switch (summary.modality()) {
            case IMAGING ->
                InputShape.image(
                        summary.imaging().height(),
                        summary.imaging().width(),
                        summary.imaging().channels());
            case GENOMICS -> InputShape.sequence(4, summary.genomics().encodedLength());
            case EHR -> InputShape.tabular(summary.tabular().encodedFeatures());
        };
    }
}
