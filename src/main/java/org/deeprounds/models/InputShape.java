package org.deeprounds.models;

/**
 * What one example looks like to the network.
 *
 * @param kind IMAGE (height x width x channels), SEQUENCE (channels x length, e.g. one-hot DNA: 4 x L) or TABULAR
 *     (features)
 */
public record InputShape(Kind kind, int height, int width, int channels, int length, int features) {

    public enum Kind {
        IMAGE,
        SEQUENCE,
        TABULAR
    }

    public static InputShape image(int height, int width, int channels) {
        return new InputShape(Kind.IMAGE, height, width, channels, 0, 0);
    }

    public static InputShape sequence(int channels, int length) {
        return new InputShape(Kind.SEQUENCE, 0, 0, channels, length, 0);
    }

    public static InputShape tabular(int features) {
        return new InputShape(Kind.TABULAR, 0, 0, 0, 0, features);
    }

    public String describe() {
        return switch (kind) {
            case IMAGE -> height + " x " + width + " x " + channels;
            case SEQUENCE -> channels + " x " + length;
            case TABULAR -> String.valueOf(features);
        };
    }
}
