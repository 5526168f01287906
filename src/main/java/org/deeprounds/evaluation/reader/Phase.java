package org.deeprounds.evaluation.reader;

import java.util.Locale;

/** The two rounds of a reader study: without the model, then with its probability. */
public enum Phase {
    UNASSISTED,
    ASSISTED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase named {@code text} ("unassisted" or "assisted"); a clear error otherwise. */
    public static Phase of(String text) {
        for (var phase : values()) {
            if (phase.key().equals(text)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("phase must be 'unassisted' or 'assisted', not '" + text + "'");
    }
}
