package org.deeprounds.datasets;

/** The three kinds of medical data DeepRounds teaches with. */
public enum Modality {
    IMAGING("Imaging"),
    GENOMICS("Genomics"),
    EHR("EHR / tabular");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
