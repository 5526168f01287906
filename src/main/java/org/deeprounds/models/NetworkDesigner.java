package org.deeprounds.models;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Checks designs before anything is queued and summarises them. Impossible values and shapes that do not fit are
 * refused with the layer named; the parameter count comes from DL4J itself.
 */
@Service
public class NetworkDesigner {

    /** Bytes per float32 value. */
    static final int FLOAT_BYTES = 4;
    /** Adam keeps two extra values per weight; SGD with momentum one. */
    static final int ADAM_STATE = 2;

    private final ModelLimits limits;

    public NetworkDesigner(ModelLimits limits) {
        this.limits = limits;
    }

    /** Every problem with the design; empty when it can be trained. */
    public List<String> problems(NetworkSpec spec) {
        var problems = new ArrayList<String>();
        checkSettings(spec, problems);
        if (spec.layers().isEmpty()) {
            problems.add("The network has no layers; start from a template.");
            return problems;
        }
        checkLayerValues(spec, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        ShapeWalker.walk(spec, problems);
        if (!(spec.layers().getLast() instanceof LayerSpec.Output)) {
            problems.add("The last layer must be the output layer, which turns the network's signal into one"
                    + " probability per class.");
        }
        for (int i = 0; i < spec.layers().size() - 1; i++) {
            if (spec.layers().get(i) instanceof LayerSpec.Output) {
                problems.add("Layer " + (i + 1) + " (output): only the last layer can be the output layer.");
            }
        }
        if (problems.isEmpty()) {
            long parameters = summarise(spec).totalParameters();
            if (parameters > limits.maxParameters()) {
                problems.add(String.format(
                        "The network has %,d parameters, more than this server allows (%,d); use fewer filters or"
                                + " units, or pool before the dense layers.",
                        parameters, limits.maxParameters()));
            }
        }
        return problems;
    }

    /** Throws with every problem when the design cannot be trained. */
    public void validate(NetworkSpec spec) {
        var problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    /** The summary table; only for a design without problems. */
    public ModelSummary summarise(NetworkSpec spec) {
        var shapes = ShapeWalker.walk(spec, new ArrayList<>());
        var conf = NetworkFactory.configuration(spec);
        var rows = new ArrayList<ModelSummary.Row>();
        long total = 0;
        long activations = spec.input().kind() == InputShape.Kind.TABULAR
                ? spec.input().features()
                : ShapeWalker.Shape.of(spec.input()).values();
        for (int i = 0; i < spec.layers().size(); i++) {
            var layerConf = conf.getConf(i);
            long parameters = layerConf.getLayer().initializer().numParams(layerConf);
            total += parameters;
            activations += shapes.get(i).values();
            rows.add(new ModelSummary.Row(
                    i + 1, spec.layers().get(i).describe(), shapes.get(i).describe(), parameters));
        }
        int state = spec.optimiser() == NetworkSpec.Optimiser.ADAM ? ADAM_STATE : 1;
        // weights + gradients + optimiser state, and activations kept for backpropagation (x2 for their gradients)
        long memory = total * FLOAT_BYTES * (2 + state) + activations * spec.batchSize() * FLOAT_BYTES * 2;
        return new ModelSummary(rows, total, memory);
    }

    private void checkSettings(NetworkSpec spec, List<String> problems) {
        // A huge rate is allowed on purpose: watching a run diverge is a lesson.
        if (!(spec.learningRate() > 0) || Double.isInfinite(spec.learningRate())) {
            problems.add("Learning rate " + spec.learningRate() + ": use a positive value, typically 0.0001 to 0.1.");
        }
        if (spec.l2() < 0) {
            problems.add("L2 (weight decay) " + spec.l2() + ": use 0 or a small positive value such as 0.0001.");
        }
        if (spec.batchSize() < 1 || spec.batchSize() > limits.maxBatchSize()) {
            problems.add("Batch size " + spec.batchSize() + ": use 1 to " + limits.maxBatchSize() + ".");
        }
        if (spec.epochs() < 1 || spec.epochs() > limits.maxEpochs()) {
            problems.add("Epochs " + spec.epochs() + ": use 1 to " + limits.maxEpochs() + " on this server.");
        }
        if (spec.classes() < 2) {
            problems.add("The dataset must have at least two classes.");
        }
        if (spec.schedule() != null
                && (!(spec.schedule().factor() > 0)
                        || spec.schedule().factor() > 1
                        || spec.schedule().everyEpochs() < 1)) {
            problems.add("Learning-rate schedule: the factor must be between 0 and 1 and the step at least 1 epoch.");
        }
        AugmentationRules.check(spec, problems);
        checkClassWeights(spec, problems);
    }

    /** One positive, finite weight per class, in the dataset's class order; none means equal weights. */
    private static void checkClassWeights(NetworkSpec spec, List<String> problems) {
        var weights = spec.classWeights();
        if (weights.isEmpty()) {
            return;
        }
        if (weights.size() != spec.classes()) {
            problems.add("Class weights (classWeights): give one weight per class, " + spec.classes() + " in all, or"
                    + " none for equal weights; the design has " + weights.size() + ".");
            return;
        }
        for (int c = 0; c < weights.size(); c++) {
            var weight = weights.get(c);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                problems.add("Class weights (classWeights): the weight of class " + (c + 1) + " is " + weight
                        + "; each must be a positive number such as 1 or 2.5.");
            }
        }
    }

    private static void checkLayerValues(NetworkSpec spec, List<String> problems) {
        for (int i = 0; i < spec.layers().size(); i++) {
            var layer = spec.layers().get(i);
            var where = "Layer " + (i + 1) + " (" + layer.describe() + "): ";
            switch (layer) {
                case LayerSpec.Dense d -> positive(d.units(), where + "units", problems);
                case LayerSpec.Lstm l -> positive(l.units(), where + "units", problems);
                case LayerSpec.Conv2D c -> {
                    positive(c.filters(), where + "filters", problems);
                    positive(c.kernel(), where + "kernel size", problems);
                    positive(c.stride(), where + "stride", problems);
                }
                case LayerSpec.Conv1D c -> {
                    positive(c.filters(), where + "filters", problems);
                    positive(c.kernel(), where + "kernel width", problems);
                    positive(c.stride(), where + "stride", problems);
                }
                case LayerSpec.Pool2D p -> {
                    positive(p.size(), where + "window size", problems);
                    positive(p.stride(), where + "stride", problems);
                }
                case LayerSpec.Pool1D p -> {
                    positive(p.size(), where + "window size", problems);
                    positive(p.stride(), where + "stride", problems);
                }
                case LayerSpec.Dropout d -> {
                    if (!(d.rate() >= 0 && d.rate() < 1)) {
                        problems.add(where + "the dropout rate must be at least 0 and below 1 (e.g. 0.2 drops 20% of"
                                + " units).");
                    }
                }
                case LayerSpec.GlobalPool g -> {}
                case LayerSpec.Flatten f -> {}
                case LayerSpec.BatchNorm b -> {}
                case LayerSpec.Output o -> {}
            }
        }
    }

    private static void positive(int value, String what, List<String> problems) {
        if (value < 1) {
            problems.add(what + " is " + value + "; it must be at least 1.");
        }
    }
}
