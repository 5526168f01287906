package org.deeprounds.datasets.model;

/**
 * The three parts of every dataset. Training fits on {@code TRAIN}, model choice (early stopping, thresholds) uses
 * {@code VALIDATION}, and {@code TEST} is read only once, by evaluation, after training.
 */
public enum Split {
    TRAIN("train", 'T'),
    VALIDATION("validation", 'V'),
    TEST("test", 'S');

    private final String key;
    private final char code;

    Split(String key, char code) {
        this.key = key;
        this.code = code;
    }

    /** The name used in JSON and files. */
    public String key() {
        return key;
    }

    /** One byte per example in the stored split assignment. */
    public byte code() {
        return (byte) code;
    }

    public static Split ofCode(byte code) {
        for (var split : values()) {
            if (split.code == code) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split code " + (char) code);
    }
}
