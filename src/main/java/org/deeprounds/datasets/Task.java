package org.deeprounds.datasets;

/** What a model predicts: one of two classes (e.g. disease / no disease) or one of several. */
public enum Task {
    BINARY,
    MULTICLASS;

    static Task forClassCount(int classes) {
        return classes == 2 ? BINARY : MULTICLASS;
    }
}
