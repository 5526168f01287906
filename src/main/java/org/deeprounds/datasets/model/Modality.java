package org.deeprounds.datasets.model;

/**
 * The kinds of medical data DeepRounds teaches with, as stored with each dataset and named in curricula. What each kind
 * means (its summary, how a network sees it, how a case is explained) is {@link ModalityData}, one sealed type each.
 */
public enum Modality {
    IMAGING("Imaging"),
    GENOMICS("Genomics"),
    EHR("EHR / tabular"),
    SIGNAL("Signals (ECG)");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
