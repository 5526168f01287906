package org.deeprounds.datasets.model;

/** How a table column is used; inferred at import and editable before training. */
public enum ColumnType {
    /** A measurement: scaled with mean and spread from the training split. */
    NUMERIC,
    /** A few named values (e.g. blood group): one-hot encoded. */
    CATEGORICAL,
    /** Exactly two values (e.g. smoker yes/no). */
    BINARY,
    /** Identifies a row or patient: never a feature. */
    IDENTIFIER,
    /** Left out of the model. */
    IGNORE,
    /** The label to predict. */
    TARGET
}
