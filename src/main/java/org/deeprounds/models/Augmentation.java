package org.deeprounds.models;

/**
 * Random changes applied to each training image every epoch, so the network sees plausible variations of the same
 * film instead of memorising it. Validation and test images are never changed. All ranges are symmetric around "no
 * change"; zero switches a change off.
 *
 * @param horizontalFlip mirror left-right at random (half the images); wrong for anatomy with a side (situs)
 * @param rotationDegrees rotate by up to this many degrees either way
 * @param shiftFraction move by up to this share of the width and height
 * @param brightness add up to this much (of the full 0..1 range) to every pixel
 * @param contrast scale the contrast around the image's mean by up to this factor either way (0.2 = 0.8x to 1.2x)
 * @param noise add Gaussian noise with this standard deviation (of the full range)
 */
public record Augmentation(
        boolean horizontalFlip,
        double rotationDegrees,
        double shiftFraction,
        double brightness,
        double contrast,
        double noise) {

    /** Whether it changes anything at all. */
    public boolean active() {
        return horizontalFlip
                || rotationDegrees > 0
                || shiftFraction > 0
                || brightness > 0
                || contrast > 0
                || noise > 0;
    }
}
