package org.deeprounds.insight;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Looks into a run's network with real inputs: the feature maps of one validation image, the learned filters of
 * convolution layers, and units that never fire (dead ReLUs) or are stuck at their limits (saturated tanh/sigmoid) on
 * validation cases. Uses the finished model, or during training the latest checkpoint. Never the test split.
 */
@Service
public class NetworkProbe {

    static final int CASES = 64;
    static final int MAX_MAPS = 16;
    static final int MAX_FILTERS = 32;

    private final RunService runs;
    private final DatasetService datasets;

    NetworkProbe(RunService runs, DatasetService datasets) {
        this.runs = runs;
        this.datasets = datasets;
    }

    /** What was probed, and each layer's findings. */
    public record Probe(
            String weights, int cases, int sample, String sampleLabel, String sampleImage, List<LayerProbe> layers) {}

    /**
     * One layer.
     *
     * @param units units (dense, LSTM) or channels (convolution)
     * @param dead units never above zero on any of the cases (ReLU only)
     * @param saturated units at their limits on at least 90% of their outputs (tanh, sigmoid)
     * @param featureMaps PNG data URLs of the sample's maps, convolution layers only
     * @param filters PNG data URLs of the first 2-D convolution layers' filters (averaged over input channels)
     */
    public record LayerProbe(
            int index,
            String activation,
            int units,
            int dead,
            int saturated,
            List<String> featureMaps,
            List<String> filters) {}

    /** Probes run {@code runId} with validation case {@code sample} (0-based) for the feature maps. */
    @PreAuthorize("isAuthenticated()")
    public Probe probe(long runId, int sample) {
        var folder = runs.folderOfOrDeny(runId);
        var run = runs.get(runId);
        var weights = weights(folder, run);
        // Many pages of one run probe the same weights: once per weights file version and sample.
        long modified;
        try {
            modified = Files.getLastModifiedTime(weights.file()).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var key = runId + ":" + weights.file().getFileName() + ":" + modified + ":" + sample;
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var probe = compute(runId, run, weights, sample);
        synchronized (cache) {
            if (cache.size() >= 32) {
                cache.clear();
            }
            cache.put(key, probe);
        }
        return probe;
    }

    private final java.util.Map<String, Probe> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private Probe compute(long runId, RunInfo run, Weights weights, int sample) {
        var network = load(weights.file());
        var examples = new ArrayList<Example>();
        try {
            datasets.readExamplesFor(run.owner(), false, run.datasetId(), Split.VALIDATION, e -> {
                if (examples.size() < CASES) {
                    examples.add(e);
                }
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The validation cases of run " + runId + " cannot be read: " + e.getMessage(), e);
        }
        if (examples.isEmpty()) {
            throw new IllegalStateException("Run " + runId + "'s dataset has no validation cases to look with.");
        }
        int chosen = Math.floorMod(sample, examples.size());
        var spec = run.spec();
        var features = Trainer.SplitData.of(examples, spec.input(), spec.classes())
                .data()
                .getFeatures();
        List<INDArray> activations = network.feedForward(features, false);
        var layers = new ArrayList<LayerProbe>();
        boolean image = spec.input().kind() == org.deeprounds.models.InputShape.Kind.IMAGE;
        for (int i = 0; i < spec.layers().size() && i + 1 < activations.size(); i++) {
            var layer = spec.layers().get(i);
            var activation = activationOf(layer);
            INDArray out = activations.get(i + 1);
            var units = unitValues(out);
            int dead = 0;
            int saturated = 0;
            for (var values : units) {
                if (activation == LayerSpec.Activation.RELU
                        && values.maxNumber().doubleValue() <= 0) {
                    dead++;
                }
                if (saturates(activation, values)) {
                    saturated++;
                }
            }
            var maps = image && out.rank() == 4 ? maps(out, chosen) : List.<String>of();
            var filters = image && layer instanceof LayerSpec.Conv2D
                    ? filters(network.getLayer(i).getParam("W"))
                    : List.<String>of();
            layers.add(new LayerProbe(
                    i,
                    activation == null ? "" : activation.name().toLowerCase(java.util.Locale.ROOT),
                    units.size(),
                    dead,
                    saturated,
                    maps,
                    filters));
        }
        var classes = datasetsClasses(run);
        int label = examples.get(chosen).label();
        String sampleImage = image
                ? png(features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(chosen))
                        .get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)))
                : null;
        return new Probe(
                weights.description(),
                examples.size(),
                chosen,
                label < classes.size() ? classes.get(label) : Integer.toString(label),
                sampleImage,
                List.copyOf(layers));
    }

    private List<String> datasetsClasses(RunInfo run) {
        try {
            return datasets.get(run.datasetId()).classes();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    record Weights(Path file, String description) {}

    private static Weights weights(org.deeprounds.training.RunFolder folder, RunInfo run) {
        var model = folder.model();
        if (Files.exists(model)) {
            return new Weights(model, "the trained model (best validation epoch " + run.bestEpoch() + ")");
        }
        var checkpoint = folder.checkpoint();
        if (Files.exists(checkpoint)) {
            return new Weights(
                    checkpoint,
                    "the latest checkpoint, written during training (epoch " + run.epoch() + " or earlier)");
        }
        throw new java.util.NoSuchElementException("Run " + run.id() + " has no weights to look at yet: the first"
                + " checkpoint is written when its first epoch ends.");
    }

    private static MultiLayerNetwork load(Path file) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
        }
    }

    private static LayerSpec.Activation activationOf(LayerSpec layer) {
        return switch (layer) {
            case LayerSpec.Dense d -> d.activation();
            case LayerSpec.Conv2D c -> c.activation();
            case LayerSpec.Conv1D c -> c.activation();
            case LayerSpec.Lstm l -> l.activation();
            default -> null;
        };
    }

    /** Each unit's (or channel's) outputs over all cases and positions. */
    private static List<INDArray> unitValues(INDArray out) {
        var units = new ArrayList<INDArray>();
        long count = out.rank() == 2 ? out.size(1) : out.size(1);
        for (int u = 0; u < count && out.rank() >= 2; u++) {
            units.add(
                    out.rank() == 2
                            ? out.getColumn(u)
                            : out.get(
                                            org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                            org.nd4j.linalg.indexing.NDArrayIndex.point(u))
                                    .ravel());
        }
        return units;
    }

    private static boolean saturates(LayerSpec.Activation activation, INDArray values) {
        if (activation != LayerSpec.Activation.TANH && activation != LayerSpec.Activation.SIGMOID) {
            return false;
        }
        double n = values.length();
        double atLimit = activation == LayerSpec.Activation.TANH
                ? org.nd4j.linalg.ops.transforms.Transforms.abs(values)
                        .gt(0.99)
                        .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                        .sumNumber()
                        .doubleValue()
                : org.nd4j.linalg.ops.transforms.Transforms.abs(values.sub(0.5))
                        .gt(0.49)
                        .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                        .sumNumber()
                        .doubleValue();
        return atLimit / n >= 0.9;
    }

    private static List<String> maps(INDArray out, int sample) {
        var maps = new ArrayList<String>();
        var one = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(sample));
        for (int c = 0; c < Math.min(MAX_MAPS, one.size(0)); c++) {
            maps.add(png(one.get(org.nd4j.linalg.indexing.NDArrayIndex.point(c))));
        }
        return maps;
    }

    private static List<String> filters(INDArray weights) {
        var filters = new ArrayList<String>();
        if (weights == null || weights.rank() != 4) {
            return filters;
        }
        for (int f = 0; f < Math.min(MAX_FILTERS, weights.size(0)); f++) {
            filters.add(png(
                    weights.get(org.nd4j.linalg.indexing.NDArrayIndex.point(f)).mean(0)));
        }
        return filters;
    }

    /** A 2-D array as a greyscale PNG data URL, stretched from its own minimum (black) to maximum (white). */
    static String png(INDArray map) {
        int h = (int) map.size(0);
        int w = (int) map.size(1);
        double min = map.minNumber().doubleValue();
        double max = map.maxNumber().doubleValue();
        double range = max - min < 1e-12 ? 1 : max - min;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(255 * (map.getDouble(y, x) - min) / range);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static boolean hasSpatialLayers(NetworkSpec spec) {
        return spec.layers().stream().anyMatch(l -> l instanceof LayerSpec.Conv2D);
    }
}
