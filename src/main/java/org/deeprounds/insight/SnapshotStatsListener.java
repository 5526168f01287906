package org.deeprounds.insight;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.BaseStatsListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.Histogram;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.api.StatsUpdateConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Writes DL4J's statistics reports following a {@link SnapshotPlan}: a light report (score, learning rates,
 * update:parameter ratios, activation and gradient spread, performance and memory) at every planned iteration, and a
 * snapshot (the same plus histograms of weights, gradients and updates) at the plan's snapshots. DL4J's own {@link
 * StatsListener} writes the session's static information (model, hardware, software) and its first report; every later
 * report is built here in the same format, with the figures computed in Java by {@link ArrayStats}: DL4J's listener
 * computes each with an ND4J reduction whose call overhead, about forty times per report, slowed a lesson-length run by
 * half. Every report carries the same summary statistics, because DL4J's overview pairs them with the score's
 * iterations by position.
 */
final class SnapshotStatsListener implements TrainingListener {

    /** Bins of each histogram, as DL4J's default. */
    static final int HISTOGRAM_BINS = 20;

    /**
     * A light report estimates each array's figures (a layer's weights, their updates and gradients, its activations)
     * from at most this many of its values, spread evenly over it: the largest arrays (a dense layer's weights, a
     * convolution's activation maps) hold hundreds of thousands. Snapshots, which the verdicts read, use every value.
     */
    static final int LIGHT_VALUES = 4096;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotStatsListener.class);

    private enum Mode {
        OFF,
        LIGHT,
        FULL
    }

    private final StatsStorageRouter router;
    private final String session;
    private final String worker;
    private final SnapshotPlan plan;
    /** DL4J's listener, for the first iteration only: it writes the static information the UI needs. */
    private final StatsListener first;

    private boolean firstDone;
    private boolean broken;
    private Mode mode = Mode.OFF;

    private Map<String, Double> activationMeans;
    private Map<String, Double> activationStdevs;
    private Map<String, Double> gradientStdevs;
    private Map<String, Histogram> gradientHistograms;

    private long startMillis;
    private long lastReportMillis;
    private long totalExamples;
    private long totalMinibatches;
    private long examplesSinceReport;
    private long minibatchesSinceReport;
    private final Map<String, long[]> gcAtLastReport = new HashMap<>();

    SnapshotStatsListener(StatsStorageRouter router, String session, String worker, SnapshotPlan plan) {
        this.router = router;
        this.session = session;
        this.worker = worker;
        this.plan = plan;
        this.first = new StatsListener(router, null, collected(), session, worker);
    }

    /**
     * What every report carries, as DL4J's configuration of its own listener: everything DL4J collects by default but
     * activation histograms and magnitudes and the parameters', updates' and gradients' means and spreads that no chart
     * shows (gradient spread is shown).
     */
    static StatsUpdateConfiguration collected() {
        return new DefaultStatsUpdateConfiguration.Builder()
                .reportingFrequency(1)
                .collectHistogramsActivations(false)
                .collectMeanMagnitudesActivations(false)
                .collectMeanParameters(false)
                .collectMeanUpdates(false)
                .collectMeanGradients(false)
                .collectStdevParameters(false)
                .collectStdevUpdates(false)
                .collectMeanMagnitudesGradients(false)
                .build();
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (!firstDone) {
            guarded(() -> first.onForwardPass(model, activations));
            return;
        }
        // DL4J names a network's activations "input", then its layers by index.
        var named = new LinkedHashMap<String, INDArray>();
        for (int i = 0; i < activations.size(); i++) {
            named.put(i == 0 ? "input" : Integer.toString(i - 1), activations.get(i));
        }
        onForwardPass(model, named);
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (!firstDone) {
            guarded(() -> first.onForwardPass(model, activations));
            return;
        }
        mode = modeFor(iterationOf(model));
        if (mode == Mode.OFF) {
            return;
        }
        guarded(() -> {
            activationMeans = new LinkedHashMap<>();
            activationStdevs = new LinkedHashMap<>();
            activations.forEach((name, array) -> {
                if (array == null) {
                    return;
                }
                var moments = ArrayStats.moments(ArrayStats.values(array), stride(array));
                activationMeans.put(name, moments.mean());
                activationStdevs.put(name, moments.stdev());
            });
        });
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!firstDone) {
            guarded(() -> first.onGradientCalculation(model));
            return;
        }
        if (mode == Mode.OFF) {
            return;
        }
        guarded(() -> {
            gradientStdevs = new LinkedHashMap<>();
            gradientHistograms = new LinkedHashMap<>();
            model.gradient().gradientForVariable().forEach((name, array) -> {
                var values = ArrayStats.values(array);
                var moments = ArrayStats.moments(values, stride(array));
                gradientStdevs.put(name, moments.stdev());
                if (mode == Mode.FULL) {
                    gradientHistograms.put(name, ArrayStats.histogram(values, moments, HISTOGRAM_BINS));
                }
            });
        });
    }

    @Override
    public void onEpochStart(Model model) {
        // Epochs are read from each report's iteration; DL4J's listener records nothing here either.
    }

    @Override
    public void onEpochEnd(Model model) {
        // As onEpochStart.
    }

    @Override
    public void onBackwardPass(Model model) {
        // Nothing to record: updates are read when the iteration is done.
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        long now = System.currentTimeMillis();
        if (!firstDone) {
            guarded(() -> first.iterationDone(model, iteration, epoch));
            firstDone = true;
            startMillis = now;
            lastReportMillis = now;
            totalExamples = model.batchSize();
            totalMinibatches = 1;
            return;
        }
        totalExamples += model.batchSize();
        examplesSinceReport += model.batchSize();
        totalMinibatches++;
        minibatchesSinceReport++;
        // Decided again here, for callers that report without a forward pass through listeners.
        mode = modeFor(iteration);
        if (mode != Mode.OFF) {
            guarded(() -> router.putUpdate(report(model, iteration, now)));
        }
        mode = Mode.OFF;
        activationMeans = null;
        activationStdevs = null;
        gradientStdevs = null;
        gradientHistograms = null;
    }

    private SbeStatsReport report(Model model, int iteration, long now) {
        var report = new SbeStatsReport();
        report.reportIDs(session, BaseStatsListener.TYPE_ID, worker, now);
        double seconds = Math.max(1, now - lastReportMillis) / 1000.0;
        report.reportPerformance(
                now - startMillis,
                totalExamples,
                totalMinibatches,
                examplesSinceReport / seconds,
                minibatchesSinceReport / seconds);
        examplesSinceReport = 0;
        minibatchesSinceReport = 0;
        lastReportMillis = now;
        reportMemory(report);
        reportGarbageCollection(report);
        report.reportScore(model.score());
        report.reportLearningRates(learningRates(model));

        var params = model.paramTable(true);
        var updates = model.gradient().gradientForVariable();
        var paramMagnitudes = new LinkedHashMap<String, Double>();
        var updateMagnitudes = new LinkedHashMap<String, Double>();
        var paramHistograms = new LinkedHashMap<String, Histogram>();
        var updateHistograms = new LinkedHashMap<String, Histogram>();
        summarise(params, paramMagnitudes, paramHistograms);
        summarise(updates, updateMagnitudes, updateHistograms);
        if (mode == Mode.FULL) {
            report.reportHistograms(StatsType.Gradients, gradientHistograms == null ? Map.of() : gradientHistograms);
        }
        // Empty for a light report, never absent: DL4J's model page reads the histograms of the latest report, and a
        // run cancelled mid-epoch ends on a light one.
        report.reportHistograms(StatsType.Parameters, paramHistograms);
        report.reportHistograms(StatsType.Updates, updateHistograms);
        if (activationMeans != null) {
            report.reportMean(StatsType.Activations, activationMeans);
            report.reportStdev(StatsType.Activations, activationStdevs);
        }
        if (gradientStdevs != null) {
            report.reportStdev(StatsType.Gradients, gradientStdevs);
        }
        report.reportMeanMagnitudes(StatsType.Parameters, paramMagnitudes);
        report.reportMeanMagnitudes(StatsType.Updates, updateMagnitudes);
        report.reportStatsCollectionDurationMS((int) (System.currentTimeMillis() - now));
        report.reportIterationCount(iteration);
        return report;
    }

    private void summarise(
            Map<String, INDArray> arrays, Map<String, Double> magnitudes, Map<String, Histogram> histograms) {
        arrays.forEach((name, array) -> {
            var values = ArrayStats.values(array);
            var moments = ArrayStats.moments(values, stride(array));
            magnitudes.put(name, moments.meanMagnitude());
            if (mode == Mode.FULL) {
                histograms.put(name, ArrayStats.histogram(values, moments, HISTOGRAM_BINS));
            }
        });
    }

    /** As DL4J reports them: the JVM heap, off-heap memory, and each GPU's use. */
    private static void reportMemory(SbeStatsReport report) {
        var runtime = Runtime.getRuntime();
        long[] gpuUsed = null;
        long[] gpuTotal = null;
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int devices = ops.getAvailableDevices();
        if (devices > 0) {
            gpuUsed = new long[devices];
            gpuTotal = new long[devices];
            for (int i = 0; i < devices; i++) {
                gpuTotal[i] = ops.getDeviceTotalMemory(i);
                gpuUsed[i] = gpuTotal[i] - ops.getDeviceFreeMemory(i);
            }
        }
        report.reportMemoryUse(
                runtime.totalMemory(),
                runtime.maxMemory(),
                Pointer.totalBytes(),
                Pointer.maxBytes(),
                gpuUsed,
                gpuTotal);
    }

    /** Collections and their time since the previous report, per collector. */
    private void reportGarbageCollection(SbeStatsReport report) {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            long[] now = {bean.getCollectionCount(), bean.getCollectionTime()};
            long[] before = gcAtLastReport.put(bean.getName(), now);
            if (before != null) {
                report.reportGarbageCollection(bean.getName(), (int) (now[0] - before[0]), (int) (now[1] - before[1]));
            }
        }
    }

    /** Each parameter's current learning rate, keyed as DL4J keys parameters ("0_W"); 0 for updaters without one. */
    private static Map<String, Double> learningRates(Model model) {
        var rates = new HashMap<String, Double>();
        if (model instanceof MultiLayerNetwork network) {
            var layers = network.getLayers();
            for (int i = 0; i < layers.length; i++) {
                var layer = layers[i];
                var config = layer.conf().getLayer();
                for (String param : config.initializer().paramKeys(config)) {
                    double rate = config.getUpdaterByParam(param)
                            .getLearningRate(layer.getIterationCount(), layer.getEpochCount());
                    rates.put(i + "_" + param, Double.isNaN(rate) ? 0.0 : rate);
                }
            }
        }
        return rates;
    }

    private static long iterationOf(Model model) {
        return model instanceof MultiLayerNetwork n
                ? n.getIterationCount()
                : model instanceof ComputationGraph g ? g.getIterationCount() : -1;
    }

    private Mode modeFor(long iteration) {
        if (iteration < 0) {
            return Mode.OFF;
        }
        if (plan.snapshot(iteration)) {
            return Mode.FULL;
        }
        return plan.scored(iteration) ? Mode.LIGHT : Mode.OFF;
    }

    /** Every value for a snapshot; an even sample of {@value #LIGHT_VALUES} for a light report. */
    private int stride(INDArray array) {
        return mode == Mode.FULL ? 1 : ArrayStats.stride(array.length(), LIGHT_VALUES);
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
}
