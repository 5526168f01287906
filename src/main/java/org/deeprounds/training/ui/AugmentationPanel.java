package org.deeprounds.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.AugmentationRules;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.training.ImageAugmenter;

/**
 * The builder's augmentation settings for an image dataset, with a preview: a few real training images of the dataset
 * (the ones its page shows), each before and after one random draw of the settings on screen. Shown for images only.
 */
public class AugmentationPanel extends VerticalLayout {

    /** Training images shown at once in the preview. */
    static final int SHOWN = 4;

    private static final String IMAGE_SIZE = "84px";

    final Checkbox flip = new Checkbox("Flip left-right");
    final NumberField rotation = field("Rotate up to (degrees)", AugmentationRules.MAX_ROTATION_DEGREES, 1);
    final NumberField shift = field("Shift up to (% of the size)", percent(AugmentationRules.MAX_SHIFT_FRACTION), 1);
    final NumberField brightness = field("Brightness up to (± %)", percent(AugmentationRules.MAX_BRIGHTNESS), 1);
    final NumberField contrast = field("Contrast up to (± %)", percent(AugmentationRules.MAX_CONTRAST), 1);
    final NumberField noise = field("Noise (SD, % of the range)", percent(AugmentationRules.MAX_NOISE), 0.5);
    final HorizontalLayout preview = new HorizontalLayout();
    final Button others = new Button("Show other examples");

    private final transient DatasetService datasets;
    private final transient Runnable changed;
    private transient List<Sample> samples = List.of();
    private transient InputShape input;
    private int first;
    private long previewSeed = new SplittableRandom().nextLong();
    private boolean setting;

    /** One training image as the network gets it: C x H x W values in 0..1. */
    record Sample(String label, float[] pixels) {}

    /** @param changed told when the trainee changes a setting */
    public AugmentationPanel(DatasetService datasets, Runnable changed) {
        this.datasets = datasets;
        this.changed = changed;
        setId("augmentation");
        setPadding(false);
        flip.setHelperText("Mirror half the images. Leave it off where the side matters: on a chest film the heart"
                + " is on the left, so a flipped film shows dextrocardia.");
        rotation.setHelperText("Films are rarely taken perfectly straight; a few degrees is realistic.");
        shift.setHelperText("Patients are not always centred in the frame.");
        brightness.setHelperText("Exposure differs between machines and settings.");
        contrast.setHelperText("Scaled around each image's own mean.");
        noise.setHelperText("Grain, as on a low-dose image.");
        flip.addValueChangeListener(e -> settingChanged());
        for (var field : List.of(rotation, shift, brightness, contrast, noise)) {
            field.addValueChangeListener(e -> settingChanged());
        }
        preview.setId("augmentation-preview");
        preview.setWrap(true);
        others.setId("augmentation-others");
        others.addThemeVariants(ButtonVariant.LUMO_SMALL);
        others.addClickListener(e -> {
            first += SHOWN;
            previewSeed = new SplittableRandom().nextLong();
            renderPreview();
        });
        add(
                new H3("Augmentation"),
                new Paragraph("Each epoch every training image is changed at random within these limits, so the network"
                        + " learns what does not matter (a slight tilt, a brighter exposure) instead of memorising the"
                        + " films. Validation and test images are never changed. Leave a value at 0 to switch that"
                        + " change off."),
                new FormLayout(flip, rotation, shift, brightness, contrast, noise),
                new Paragraph("Training images of this dataset before (left) and after (right) one random draw:"),
                preview,
                others);
        setVisible(false);
    }

    /** Shows the panel for an image dataset (with its training images to preview) and hides it for any other. */
    public void show(long datasetId, InputShape shape) {
        this.input = shape;
        first = 0;
        boolean images = shape != null && shape.kind() == InputShape.Kind.IMAGE;
        setVisible(images);
        samples = images ? samples(datasetId, shape) : List.of();
        if (images) {
            renderPreview();
        }
    }

    /** The settings on screen; null when the dataset has no images or nothing is switched on. */
    public Augmentation value() {
        if (input == null || input.kind() != InputShape.Kind.IMAGE) {
            return null;
        }
        var value = new Augmentation(
                flip.getValue(),
                number(rotation),
                fraction(shift),
                fraction(brightness),
                fraction(contrast),
                fraction(noise));
        return value.active() ? value : null;
    }

    /** Puts a design's settings on screen (null: all off). */
    public void setValue(Augmentation value) {
        setting = true;
        flip.setValue(value != null && value.horizontalFlip());
        rotation.setValue(value == null ? 0 : value.rotationDegrees());
        shift.setValue(value == null ? 0 : percent(value.shiftFraction()));
        brightness.setValue(value == null ? 0 : percent(value.brightness()));
        contrast.setValue(value == null ? 0 : percent(value.contrast()));
        noise.setValue(value == null ? 0 : percent(value.noise()));
        setting = false;
        renderPreview();
    }

    /** A lesson that locks augmentation shows its settings without letting them change. */
    public void setLocked(boolean locked) {
        flip.setReadOnly(locked);
        List.of(rotation, shift, brightness, contrast, noise).forEach(f -> f.setReadOnly(locked));
    }

    /**
     * The run page's line about augmentation, e.g. "Training images augmented each epoch: flip left-right, rotate up
     * to ±10°; validation and test images unchanged."; empty for a design without it.
     */
    public static String summary(NetworkSpec spec) {
        var augmentation = spec == null ? null : spec.augmentation();
        if (augmentation == null || !augmentation.active()) {
            return "";
        }
        return "Training images augmented each epoch: " + AugmentationRules.describe(augmentation)
                + "; validation and test images unchanged.";
    }

    private void settingChanged() {
        if (setting) {
            return;
        }
        renderPreview();
        changed.run();
    }

    /** The same images and random draw until "Show other examples", so a changed setting shows its own effect. */
    private void renderPreview() {
        preview.removeAll();
        if (input == null || !isVisible()) {
            return;
        }
        if (samples.isEmpty()) {
            preview.add(new Span("This dataset has no stored preview images to show."));
            others.setEnabled(false);
            return;
        }
        others.setEnabled(samples.size() > SHOWN || value() != null);
        var augmentation = value();
        var augmenter = augmentation == null
                ? null
                : new ImageAugmenter(
                        // Out-of-range values are reported by the design's checks; the preview shows the nearest legal.
                        clamped(augmentation), input);
        var random = new SplittableRandom(previewSeed);
        for (int i = 0; i < Math.min(SHOWN, samples.size()); i++) {
            var sample = samples.get((first + i) % samples.size());
            var after = augmenter == null ? sample.pixels() : augmenter.augment(sample.pixels(), random.split());
            var pair = new HorizontalLayout(
                    image(sample.pixels(), sample.label() + " training image, before"),
                    image(after, sample.label() + " training image, after augmentation"));
            pair.setSpacing(false);
            pair.getStyle().set("gap", "var(--lumo-space-xs)");
            var card = new VerticalLayout(pair, new Span(sample.label()));
            card.setPadding(false);
            card.setSpacing(false);
            card.setWidth("auto");
            card.setAlignItems(FlexComponent.Alignment.CENTER);
            card.addClassName("augmentation-example");
            preview.add(card);
        }
    }

    /** The dataset's stored training previews, alternating between classes so each page shows more than one. */
    private List<Sample> samples(long datasetId, InputShape shape) {
        var summary = datasets.summary(datasetId);
        if (summary.imaging() == null) {
            return List.of();
        }
        var byClass = new java.util.LinkedHashMap<String, List<DatasetSummary.PreviewImage>>();
        summary.imaging().previews().stream()
                .filter(p -> p.split().equals(Split.TRAIN.key()))
                .forEach(p -> byClass.computeIfAbsent(p.label(), k -> new ArrayList<>())
                        .add(p));
        var out = new ArrayList<Sample>();
        int most = byClass.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (var images : byClass.values()) {
                if (i < images.size()) {
                    var p = images.get(i);
                    out.add(new Sample(p.label(), pixels(datasets.previewFile(datasetId, p.file()), shape)));
                }
            }
        }
        return out;
    }

    /** A stored preview as the network sees the image: channel-first values in 0..1 (pixel / 255, as on import). */
    static float[] pixels(java.nio.file.Path file, InputShape shape) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the preview " + file.getFileName(), e);
        }
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        var out = new float[c * h * w];
        for (int y = 0; y < Math.min(h, image.getHeight()); y++) {
            for (int x = 0; x < Math.min(w, image.getWidth()); x++) {
                if (c == 1) {
                    out[y * w + x] = image.getRaster().getSample(x, y, 0) / 255f;
                } else {
                    int rgb = image.getRGB(x, y);
                    for (int ch = 0; ch < c; ch++) {
                        out[ch * h * w + y * w + x] = ((rgb >> (16 - 8 * ch)) & 0xFF) / 255f;
                    }
                }
            }
        }
        return out;
    }

    private Image image(float[] pixels, String description) {
        int h = input.height();
        int w = input.width();
        int c = input.channels();
        var image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (c == 1) {
                    image.getRaster().setSample(x, y, 0, Math.round(pixels[y * w + x] * 255));
                } else {
                    int rgb = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        rgb = (rgb << 8) | Math.round(pixels[Math.min(ch, c - 1) * h * w + y * w + x] * 255);
                    }
                    image.setRGB(x, y, rgb);
                }
            }
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var shown = new Image(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()), description);
        shown.setWidth(IMAGE_SIZE);
        shown.setHeight(IMAGE_SIZE);
        shown.getStyle().set("image-rendering", "pixelated").set("border-radius", "4px");
        shown.addClassName("preview-image");
        return shown;
    }

    private static Augmentation clamped(Augmentation a) {
        return new Augmentation(
                a.horizontalFlip(),
                clamp(a.rotationDegrees(), AugmentationRules.MAX_ROTATION_DEGREES),
                clamp(a.shiftFraction(), AugmentationRules.MAX_SHIFT_FRACTION),
                clamp(a.brightness(), AugmentationRules.MAX_BRIGHTNESS),
                clamp(a.contrast(), AugmentationRules.MAX_CONTRAST),
                clamp(a.noise(), AugmentationRules.MAX_NOISE));
    }

    private static double clamp(double value, double max) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(max, value));
    }

    private static NumberField field(String label, double max, double step) {
        var field = new NumberField(label);
        field.setMin(0);
        field.setMax(max);
        field.setStep(step);
        field.setValue(0.0);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static double number(NumberField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    /** Percent on screen, a fraction of the full range in the design. */
    private static double fraction(NumberField field) {
        return number(field) / 100;
    }

    /** 0.07 as 7, not 7.000000000000001. */
    private static double percent(double fraction) {
        return Math.round(fraction * 100 * 1e6) / 1e6;
    }
}
