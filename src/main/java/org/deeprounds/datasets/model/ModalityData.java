package org.deeprounds.datasets.model;

import org.deeprounds.datasets.model.DatasetSummary.GenomicsSummary;
import org.deeprounds.datasets.model.DatasetSummary.ImagingSummary;
import org.deeprounds.datasets.model.DatasetSummary.SignalSummary;
import org.deeprounds.datasets.model.DatasetSummary.TabularSummary;

/**
 * One kind of input, with its own summary and what a clinician is offered for it: how a single case is explained and
 * what a "try a case" takes. Stored datasets name their kind by {@link Modality}; {@link DatasetSummary#data()} turns
 * that into one of these. Code that differs by kind switches over this type with record patterns and no default, so a
 * new kind fails to compile until every such place (input shape, preview, explanation, case entry) handles it.
 */
public sealed interface ModalityData {

    /** How one case's prediction is explained for this kind of input. */
    Explanation explanation();

    /** What a user gives to try the model on a case of their own. */
    String caseInput();

    /** Images, {@code height x width x channels}. */
    record Images(ImagingSummary summary) implements ModalityData {
        @Override
        public Explanation explanation() {
            return Explanation.PIXEL_SALIENCY;
        }

        @Override
        public String caseInput() {
            return "a PNG or JPEG image";
        }
    }

    /** DNA sequences, one-hot {@code 4 x length}. */
    record Dna(GenomicsSummary summary) implements ModalityData {
        @Override
        public Explanation explanation() {
            return Explanation.BASE_MUTAGENESIS;
        }

        @Override
        public String caseInput() {
            return "a DNA sequence";
        }
    }

    /** Signals over time, {@code leads x samples}. */
    record Signals(SignalSummary summary) implements ModalityData {
        @Override
        public Explanation explanation() {
            return Explanation.SALIENCY_OVER_TIME;
        }

        @Override
        public String caseInput() {
            return "a beat from a real recording, or " + summary.length() + " samples per lead";
        }
    }

    /** Patient tables, encoded column by column. */
    record Table(TabularSummary summary) implements ModalityData {
        @Override
        public Explanation explanation() {
            return Explanation.FEATURE_CONTRIBUTIONS;
        }

        @Override
        public String caseInput() {
            return "a patient's values";
        }
    }

    /** The explanation methods, named as the evaluation page and the model card name them. */
    enum Explanation {
        PIXEL_SALIENCY("saliency map and occlusion: which pixels moved the score"),
        BASE_MUTAGENESIS("in-silico mutagenesis: how much changing each base lowers the score"),
        SALIENCY_OVER_TIME("saliency over time: which moments of the signal moved the score"),
        FEATURE_CONTRIBUTIONS("contributions: how much each value pulled the score from the training average");

        private final String description;

        Explanation(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
