package org.deeprounds.datasets.model;

/** What a model predicts: one of two classes (e.g. disease / no disease) or one of several. */
public enum Task {
    BINARY,
    MULTICLASS;

    public static Task forClassCount(int classes) {
        return classes == 2 ? BINARY : MULTICLASS;
    }
}
