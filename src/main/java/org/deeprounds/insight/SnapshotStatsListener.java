package org.deeprounds.insight;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.api.StatsUpdateConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link StatsListener} following a {@link SnapshotPlan}. DL4J's listener asks its configuration, at each
 * callback, whether this iteration is reported ({@code reportingFrequency}) and what to collect; this one answers per
 * iteration: a light report (score, update:parameter ratios, activation and gradient spread, learning rate) at every
 * planned iteration, and histograms of weights, gradients and updates only at the plan's snapshots. Every report
 * carries the same summary statistics, because DL4J's overview draws them against the score's iterations and its
 * model page expects them in every report. Nothing else is collected: only what our views and DL4J's UI show.
 */
final class SnapshotStatsListener implements TrainingListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotStatsListener.class);

    private enum Mode {
        OFF,
        LIGHT,
        FULL
    }

    private final StatsListener stats;
    private final Switch config;
    private final SnapshotPlan plan;
    private boolean broken;

    SnapshotStatsListener(StatsStorageRouter router, String session, String worker, SnapshotPlan plan) {
        this.plan = plan;
        this.config = new Switch(new DefaultStatsUpdateConfiguration.Builder()
                .collectHistogramsActivations(false)
                .collectMeanMagnitudesActivations(false)
                .collectMeanParameters(false)
                .collectMeanUpdates(false)
                .collectMeanGradients(false)
                .collectStdevParameters(false)
                .collectStdevUpdates(false)
                .collectMeanMagnitudesGradients(false)
                .build());
        this.stats = new StatsListener(router, null, config, session, worker);
    }

    /** The first callback of an iteration: decides what this one records, from the network's own iteration count. */
    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        arm(model);
        guarded(() -> stats.onForwardPass(model, activations));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        arm(model);
        guarded(() -> stats.onForwardPass(model, activations));
    }

    @Override
    public void onGradientCalculation(Model model) {
        guarded(() -> stats.onGradientCalculation(model));
    }

    @Override
    public void onBackwardPass(Model model) {
        guarded(() -> stats.onBackwardPass(model));
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        // Decided again here, for callers that report without a forward pass through listeners.
        config.mode = modeFor(iteration);
        guarded(() -> stats.iterationDone(model, iteration, epoch));
        config.mode = Mode.OFF;
    }

    @Override
    public void onEpochStart(Model model) {
        guarded(() -> stats.onEpochStart(model));
    }

    @Override
    public void onEpochEnd(Model model) {
        guarded(() -> stats.onEpochEnd(model));
    }

    private void arm(Model model) {
        long iteration = model instanceof MultiLayerNetwork n
                ? n.getIterationCount()
                : model instanceof ComputationGraph g ? g.getIterationCount() : -1;
        config.mode = iteration < 0 ? Mode.OFF : modeFor(iteration);
    }

    private Mode modeFor(long iteration) {
        if (plan.snapshot(iteration)) {
            return Mode.FULL;
        }
        return plan.scored(iteration) ? Mode.LIGHT : Mode.OFF;
    }

    /**
     * Statistics must never fail or hang a run: after the first failure (a full disk, a closed store) recording stops
     * for this session and training goes on.
     */
    private void guarded(Runnable call) {
        if (broken) {
            return;
        }
        try {
            call.run();
        } catch (Throwable e) {
            broken = true;
            log.warn("Layer statistics stopped for this training session: {}", e.toString());
        }
    }

    /** What the views show; reporting frequency 1 while armed and never otherwise; histograms only for snapshots. */
    private static final class Switch implements StatsUpdateConfiguration {
        private final StatsUpdateConfiguration defaults;
        private Mode mode = Mode.OFF;

        Switch(StatsUpdateConfiguration defaults) {
            this.defaults = defaults;
        }

        @Override
        public int reportingFrequency() {
            return mode == Mode.OFF ? Integer.MAX_VALUE : 1;
        }

        @Override
        public boolean collectPerformanceStats() {
            return defaults.collectPerformanceStats();
        }

        @Override
        public boolean collectMemoryStats() {
            return defaults.collectMemoryStats();
        }

        @Override
        public boolean collectGarbageCollectionStats() {
            return defaults.collectGarbageCollectionStats();
        }

        @Override
        public boolean collectLearningRates() {
            return defaults.collectLearningRates();
        }

        @Override
        public boolean collectHistograms(StatsType type) {
            return mode == Mode.FULL && defaults.collectHistograms(type);
        }

        @Override
        public int numHistogramBins(StatsType type) {
            return defaults.numHistogramBins(type);
        }

        @Override
        public boolean collectMean(StatsType type) {
            return mode != Mode.OFF && defaults.collectMean(type);
        }

        @Override
        public boolean collectStdev(StatsType type) {
            return mode != Mode.OFF && defaults.collectStdev(type);
        }

        @Override
        public boolean collectMeanMagnitudes(StatsType type) {
            return mode != Mode.OFF && defaults.collectMeanMagnitudes(type);
        }
    }
}
