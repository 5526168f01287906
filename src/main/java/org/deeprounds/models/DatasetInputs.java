package org.deeprounds.models;

import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ModalityData;

/** What one example of a dataset looks like to a network, derived from the dataset's summary. */
public final class DatasetInputs {

    private DatasetInputs() {}

    /**
     * Images as they are; DNA one-hot as 4 x the encoded length; signals as leads x samples; tables as their encoded
     * feature count. DNA and signals are both sequences to a network (channels over positions); what a position
     * means is the dataset's {@link ModalityData}.
     */
    public static InputShape shapeOf(DatasetSummary summary) {
        return switch (summary.data()) {
            case ModalityData.Images(var images) ->
                InputShape.image(images.height(), images.width(), images.channels());
            case ModalityData.Dna(var dna) -> InputShape.sequence(4, dna.encodedLength());
            case ModalityData.Signals(var signals) -> InputShape.sequence(signals.channels(), signals.length());
            case ModalityData.Table(var table) -> InputShape.tabular(table.encodedFeatures());
        };
    }
}
