package org.deeprounds.insight;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.api.StatsUpdateConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link StatsListener} on a time budget. A report copies every parameter, gradient, update and activation into
 * histograms; at a fixed frequency that costs a small, fast network a quarter of its speed. Instead an iteration is
 * reported when the time since the last report is at least the last report's cost divided by the budget (2% by
 * default), and never more often than every {@code minIterations} iterations, which bounds the file for long runs.
 */
final class BudgetedStatsListener implements TrainingListener {

    private static final long MAX_GAP_NANOS = 30_000_000_000L;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BudgetedStatsListener.class);

    private boolean broken;

    private final StatsListener stats;
    private final Switch config;
    private final double budget;
    private final int minIterations;
    private long dueNanos;
    private int lastReported = Integer.MIN_VALUE / 2;
    private long spentNanos;
    private int nextIteration;

    BudgetedStatsListener(StatsStorageRouter router, String session, String worker, double budget, int minIterations) {
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
        this.budget = budget;
        this.minIterations = Math.max(1, minIterations);
    }

    /** The first callback of an iteration: decides whether this one is reported. */
    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        arm();
        timed(() -> stats.onForwardPass(model, activations));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        arm();
        timed(() -> stats.onForwardPass(model, activations));
    }

    @Override
    public void onGradientCalculation(Model model) {
        timed(() -> stats.onGradientCalculation(model));
    }

    @Override
    public void onBackwardPass(Model model) {
        timed(() -> stats.onBackwardPass(model));
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        timed(() -> stats.iterationDone(model, iteration, epoch));
        if (config.on) {
            long now = System.nanoTime();
            // The first report also gathers the static information (hardware, model): not what later ones cost.
            dueNanos = lastReported < 0 ? now : now + Math.min(MAX_GAP_NANOS, (long) (spentNanos / budget));
            lastReported = iteration;
            config.on = false;
        }
        spentNanos = 0;
        nextIteration = iteration + 1;
    }

    @Override
    public void onEpochStart(Model model) {
        timed(() -> stats.onEpochStart(model));
    }

    @Override
    public void onEpochEnd(Model model) {
        timed(() -> stats.onEpochEnd(model));
    }

    private void arm() {
        config.on = nextIteration - lastReported >= minIterations && System.nanoTime() >= dueNanos;
    }

    /**
     * Statistics must never fail or hang a run: after the first failure (a full disk, a closed store) recording stops
     * for this session and training goes on.
     */
    private void timed(Runnable call) {
        if (broken) {
            return;
        }
        long start = System.nanoTime();
        try {
            call.run();
        } catch (Throwable e) {
            broken = true;
            log.warn("Layer statistics stopped for this training session: {}", e.toString());
        }
        spentNanos += System.nanoTime() - start;
    }

    /** What the views show, with a reporting frequency of 1 while armed and never otherwise. */
    private static final class Switch implements StatsUpdateConfiguration {
        private final StatsUpdateConfiguration defaults;
        private boolean on;

        Switch(StatsUpdateConfiguration defaults) {
            this.defaults = defaults;
        }

        @Override
        public int reportingFrequency() {
            return on ? 1 : Integer.MAX_VALUE;
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
            return defaults.collectHistograms(type);
        }

        @Override
        public int numHistogramBins(StatsType type) {
            return defaults.numHistogramBins(type);
        }

        @Override
        public boolean collectMean(StatsType type) {
            return defaults.collectMean(type);
        }

        @Override
        public boolean collectStdev(StatsType type) {
            return defaults.collectStdev(type);
        }

        @Override
        public boolean collectMeanMagnitudes(StatsType type) {
            return defaults.collectMeanMagnitudes(type);
        }
    }
}
