package org.deeprounds.models;

import java.util.Map;

/**
 * What each layer kind and setting does, written for clinicians, in one place so the builder can show it beside
 * each field.
 */
public final class LayerHelp {

    private LayerHelp() {}

    public static final Map<Class<? extends LayerSpec>, String> LAYERS = Map.ofEntries(
            Map.entry(
                    LayerSpec.Dense.class,
                    "Every input is connected to every unit, like a panel of experts each weighing all the findings."
                            + " More units can learn more, and overfit more. Placed straight after a convolution it"
                            + " flattens first, so it sees where each pattern was found."),
            Map.entry(
                    LayerSpec.Conv2D.class,
                    "A set of small filters slides over the image; each filter learns one local pattern, such as an edge"
                            + " or the soft margin of an opacity, wherever it appears."),
            Map.entry(
                    LayerSpec.Conv1D.class,
                    "Filters slide along the DNA; a filter 8 bases wide can learn a motif such as a TATA box."),
            Map.entry(
                    LayerSpec.Pool2D.class,
                    "Keeps the strongest (max) or average response in each small window: the map gets smaller and the"
                            + " network tolerates small shifts in position."),
            Map.entry(LayerSpec.Pool1D.class, "The same along a sequence: halves its length with a window of 2."),
            Map.entry(
                    LayerSpec.GlobalPool.class,
                    "One value per filter over the whole image or sequence: answers 'is the pattern anywhere?'."),
            Map.entry(
                    LayerSpec.BatchNorm.class,
                    "Re-centres and re-scales each feature per batch; training often becomes faster and steadier."),
            Map.entry(
                    LayerSpec.Dropout.class,
                    "While training, switches off a random share of units so that no single one becomes indispensable;"
                            + " a guard against overfitting small datasets."),
            Map.entry(
                    LayerSpec.Lstm.class,
                    "A recurrent layer with a memory cell: it reads the sequence step by step and learns what to remember."),
            Map.entry(
                    LayerSpec.Output.class,
                    "Turns the network's signal into one probability per class (softmax), trained with cross-entropy."),
            Map.entry(
                    LayerSpec.Flatten.class,
                    "Lays the filters' responses out as one long list, keeping where each one was. The dense layer"
                            + " after it gives every position its own weight, so it can learn that the -10 box (TATAAT)"
                            + " sits about 10 bases before the start of transcription and the -35 box about 17 bases"
                            + " before that; global pooling only asks whether a pattern occurs anywhere."));

    public static final Map<String, String> SETTINGS = Map.of(
            "learningRate",
            "How big a step the weights take after each batch. Too high and the loss explodes (diverges); too low"
                    + " and learning crawls. 0.001 is a good start with Adam.",
            "batchSize",
            "How many examples the network sees before each update. Larger batches are smoother and faster per"
                    + " example, smaller ones noisier.",
            "epochs",
            "How many times the network sees the whole training split. Watch the validation loss: when it rises"
                    + " while the training loss falls, the network is memorising (overfitting).",
            "l2",
            "Weight decay: pulls weights towards zero so the network prefers simpler explanations.",
            "seed",
            "Fixes the random starting weights and shuffling, so a run can be repeated exactly.",
            "optimiser",
            "Adam adapts the step size for each weight and is a robust default; SGD with momentum is the classic.",
            "classWeights",
            "Makes a mistake on a rare class cost more while training, in proportion to how rare it is in the"
                    + " training split, so the network cannot do well by mostly answering the common class.");
}
