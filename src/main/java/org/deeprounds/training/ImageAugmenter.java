package org.deeprounds.training;

import java.util.SplittableRandom;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.AugmentationRules;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Applies a design's {@link Augmentation} to training images: each image gets its own random flip, rotation, shift,
 * contrast, brightness and noise, drawn afresh every epoch. Only the trainer's training batches and the builder's
 * preview use it (ArchitectureTest): validation, test, evaluation, explanations and single cases always see the images
 * as they are.
 *
 * <p>Geometry is one resampling (flip, then rotation about the centre, then a whole-pixel shift), bilinear, with
 * pixels that come from outside the image filled from the nearest edge, so no black corners appear that the network
 * could learn from. Contrast is scaled around the image's own mean, then brightness and Gaussian noise are added, and
 * the result is clipped to 0..1 like the stored pixels.
 *
 * <p>Reproducible: the random draws of a batch depend only on the run's seed, the epoch and the batch's position in
 * it, so a re-run with the same seed, and a run resumed from a checkpoint, see the same augmented batches.
 */
public final class ImageAugmenter {

    /** Mixed into the seed so the augmentation draws are independent of the batch order drawn from the same seed. */
    private static final long SALT = 0x6A09E667F3BCC909L;

    private final Augmentation settings;
    private final int channels;
    private final int height;
    private final int width;

    public ImageAugmenter(Augmentation settings, InputShape shape) {
        if (shape.kind() != InputShape.Kind.IMAGE) {
            throw new IllegalArgumentException("Augmentation changes images; this input is " + shape.describe());
        }
        this.settings = settings;
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
    }

    /** The augmenter of a design, or null when it has none (or none that changes anything, or no images). */
    static ImageAugmenter of(NetworkSpec spec) {
        var augmentation = spec.augmentation();
        if (augmentation == null
                || !augmentation.active()
                || spec.input() == null
                || spec.input().kind() != InputShape.Kind.IMAGE) {
            return null;
        }
        return new ImageAugmenter(augmentation, spec.input());
    }

    /**
     * A training batch of {@code epoch} at position {@code index}, augmented; the batch itself is left as it is. The
     * same seed, epoch and position always give the same images.
     */
    DataSet training(DataSet batch, long seed, int epoch, int index) {
        var features = batch.getFeatures();
        var shape = features.shape();
        var pixels = features.dup('c').data().asFloat();
        var changed = augment(pixels, random(seed, epoch, index));
        return new DataSet(Nd4j.create(changed, shape, 'c'), batch.getLabels());
    }

    /**
     * What a run's provenance records about augmentation: null when the design has none; else the settings, in plain
     * words, where they apply and how the random draws are made, so that the run can be redone exactly.
     */
    static java.util.Map<String, Object> provenance(NetworkSpec spec) {
        if (of(spec) == null) {
            return null;
        }
        var augmentation = spec.augmentation();
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("horizontalFlip", augmentation.horizontalFlip());
        out.put("rotationDegrees", augmentation.rotationDegrees());
        out.put("shiftFraction", augmentation.shiftFraction());
        out.put("brightness", augmentation.brightness());
        out.put("contrast", augmentation.contrast());
        out.put("noise", augmentation.noise());
        out.put("description", AugmentationRules.describe(augmentation));
        out.put("appliedTo", "training split only, every epoch; validation and test unchanged");
        out.put("random", "per batch from the run's seed, epoch and batch position");
        return out;
    }

    /** The random source of one batch: a function of seed, epoch and position only. */
    static SplittableRandom random(long seed, int epoch, int index) {
        long mixed = seed ^ SALT;
        mixed = mixed * 0x9E3779B97F4A7C15L + epoch;
        mixed = mixed * 0xBF58476D1CE4E5B9L + index;
        return new SplittableRandom(mixed);
    }

    /**
     * Augments images laid out one after another as C x H x W floats in 0..1 into a new array. Every image draws from
     * its own stream split off {@code random}, so whether one image gets noise does not change what the next one gets.
     */
    public float[] augment(float[] images, SplittableRandom random) {
        int size = channels * height * width;
        if (images.length % size != 0) {
            throw new IllegalArgumentException(
                    images.length + " values are not whole images of " + channels + " x " + height + " x " + width);
        }
        var out = new float[images.length];
        for (int offset = 0; offset < images.length; offset += size) {
            augmentOne(images, out, offset, random.split());
        }
        return out;
    }

    private void augmentOne(float[] in, float[] out, int offset, SplittableRandom random) {
        boolean flip = settings.horizontalFlip() && random.nextBoolean();
        double angle = Math.toRadians(symmetric(random, settings.rotationDegrees()));
        // Whole pixels: a shift alone moves the image without blurring it.
        int dx = (int) Math.round(symmetric(random, settings.shiftFraction()) * width);
        int dy = (int) Math.round(symmetric(random, settings.shiftFraction()) * height);
        double contrast = 1 + symmetric(random, settings.contrast());
        double brightness = symmetric(random, settings.brightness());
        if (angle == 0) {
            translate(in, out, offset, flip, dx, dy);
        } else {
            rotate(in, out, offset, flip, angle, dx, dy);
        }
        int size = channels * height * width;
        double mean = 0;
        if (contrast != 1) {
            for (int i = offset; i < offset + size; i++) {
                mean += out[i];
            }
            mean /= size;
        }
        double noise = settings.noise();
        for (int i = offset; i < offset + size; i++) {
            double v = mean + (out[i] - mean) * contrast + brightness;
            if (noise > 0) {
                v += noise * random.nextGaussian();
            }
            out[i] = (float) Math.min(1, Math.max(0, v));
        }
    }

    /** Flip and whole-pixel shift: every output pixel is a copy of one input pixel (the nearest edge one outside). */
    private void translate(float[] in, float[] out, int offset, boolean flip, int dx, int dy) {
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = clamp(y - dy, height);
                for (int x = 0; x < width; x++) {
                    int sx = clamp(x - dx, width);
                    if (flip) {
                        sx = width - 1 - sx;
                    }
                    out[plane + y * width + x] = in[plane + sy * width + sx];
                }
            }
        }
    }

    /** Flip, rotation about the centre and shift, by mapping each output pixel back to where it comes from. */
    void rotate(float[] in, float[] out, int offset, boolean flip, double angle, int dx, int dy) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            double uy = y - dy - cy;
            for (int x = 0; x < width; x++) {
                double ux = x - dx - cx;
                double sx = cx + cos * ux + sin * uy;
                double sy = cy - sin * ux + cos * uy;
                if (flip) {
                    sx = width - 1 - sx;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int xa = clamp(x0, width);
                int xb = clamp(x0 + 1, width);
                int ya = clamp(y0, height);
                int yb = clamp(y0 + 1, height);
                for (int c = 0; c < channels; c++) {
                    int plane = offset + c * height * width;
                    double top = in[plane + ya * width + xa] * (1 - fx) + in[plane + ya * width + xb] * fx;
                    double bottom = in[plane + yb * width + xa] * (1 - fx) + in[plane + yb * width + xb] * fx;
                    out[plane + y * width + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
    }

    /** Uniform in -limit..limit; exactly 0 when the change is off. */
    private static double symmetric(SplittableRandom random, double limit) {
        return limit > 0 ? random.nextDouble(-limit, limit) : 0;
    }

    private static int clamp(int value, int size) {
        return value < 0 ? 0 : value >= size ? size - 1 : value;
    }
}
