package org.deeprounds.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.stats.BaseStatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeprounds.models.NetworkDesigner;
import org.deeprounds.training.RunService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads a run's recorded layer statistics into per-layer series, for the API and the run page. */
@Service
public class LayerInsights {

    private final RunService runs;
    private final StatsFiles files;
    private final NetworkDesigner designer;

    LayerInsights(RunService runs, StatsFiles files, NetworkDesigner designer) {
        this.runs = runs;
        this.files = files;
        this.designer = designer;
    }

    /**
     * The run's layers with their series; histograms at the last report at or before {@code iteration} (null: the
     * latest). A run the user may not see: {@link org.springframework.security.access.AccessDeniedException}; none,
     * or no statistics yet: {@link NoSuchElementException}.
     */
    @PreAuthorize("isAuthenticated()")
    public LayerReport report(long runId, Integer iteration) {
        var folder = runs.folderOfOrDeny(runId);
        var run = runs.get(runId);
        var storage = files.existing(folder.path())
                .orElseThrow(() -> new NoSuchElementException("Run " + runId + " has no layer statistics yet: they"
                        + " are recorded from its first iteration on."));
        // Every open page of a run asks again at each epoch: decode the file once per new snapshot, not per page.
        var session = Long.toString(runId);
        int count = storage.getNumUpdateRecordsFor(session);
        var key = new CacheKey(runId, count, iteration);
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var built = build(runId, run, storage, iteration);
        synchronized (cache) {
            if (cache.size() >= 64) {
                cache.clear();
            }
            cache.put(key, built);
        }
        return built;
    }

    private record CacheKey(long runId, int snapshots, Integer iteration) {}

    private final Map<CacheKey, LayerReport> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private LayerReport build(
            long runId, org.deeprounds.training.RunInfo run, StatsStorage storage, Integer iteration) {
        var all = reports(storage, Long.toString(runId));
        // Light reports carry the score of (nearly) every iteration; snapshots also carry the histograms.
        var reports = all.stream().filter(LayerInsights::isSnapshot).toList();
        if (reports.isEmpty()) {
            throw new NoSuchElementException("Run " + runId + " has no layer statistics yet: the first snapshot is"
                    + " taken in its first iteration.");
        }
        var rows = designer.summarise(run.spec()).rows();
        var iterations = reports.stream().map(StatsReport::getIterationCount).toList();
        var score = reports.stream().map(StatsReport::getScore).toList();
        StatsReport chosen = null;
        for (var report : reports) {
            if (iteration == null || report.getIterationCount() <= iteration) {
                chosen = report;
            }
        }
        var layers = new ArrayList<LayerReport.Layer>();
        for (int i = 0; i < run.spec().layers().size(); i++) {
            var key = Integer.toString(i);
            var ratios = new LinkedHashMap<String, List<Double>>();
            for (var report : reports) {
                var params = report.getMeanMagnitudes(StatsType.Parameters);
                var updates = report.getMeanMagnitudes(StatsType.Updates);
                if (params == null || updates == null) {
                    continue;
                }
                params.forEach((name, magnitude) -> {
                    if (name.startsWith(key + "_")) {
                        var update = updates.get(name);
                        double ratio = update == null || magnitude == 0 ? Double.NaN : Math.log10(update / magnitude);
                        ratios.computeIfAbsent(name.substring(key.length() + 1), k -> new ArrayList<>())
                                .add(Double.isFinite(ratio) ? ratio : null);
                    }
                });
            }
            // Weights first, then biases and the rest, in a stable order.
            var ordered = new LinkedHashMap<String, List<Double>>();
            ratios.keySet().stream()
                    .sorted(java.util.Comparator.comparing((String k) -> !k.equals("W"))
                            .thenComparing(k -> k))
                    .forEach(k -> ordered.put(k, ratios.get(k)));
            layers.add(new LayerReport.Layer(
                    i,
                    run.spec().layers().get(i).getClass().getSimpleName(),
                    i < rows.size() ? rows.get(i).description() : "",
                    ordered,
                    series(reports, StatsType.Activations, key, true),
                    series(reports, StatsType.Activations, key, false),
                    histograms(chosen, StatsType.Parameters, key),
                    histograms(chosen, StatsType.Gradients, key),
                    histograms(chosen, StatsType.Updates, key)));
        }
        return new LayerReport(
                runId,
                iterations,
                score,
                chosen == null ? 0 : chosen.getIterationCount(),
                List.copyOf(layers),
                all.stream().map(StatsReport::getIterationCount).toList(),
                all.stream()
                        .map(r -> Double.isFinite(r.getScore()) ? r.getScore() : null)
                        .toList());
    }

    /** A layer snapshot, as opposed to a light per-iteration report: it has the weights' histograms. */
    static boolean isSnapshot(StatsReport report) {
        var histograms = report.getHistograms(StatsType.Parameters);
        return histograms != null && !histograms.isEmpty();
    }

    static List<StatsReport> reports(StatsStorage storage, String session) {
        var out = new ArrayList<StatsReport>();
        for (var worker : storage.listWorkerIDsForSession(session)) {
            for (var update : storage.getAllUpdatesAfter(session, BaseStatsListener.TYPE_ID, worker, 0)) {
                if (update instanceof StatsReport report) {
                    out.add(report);
                }
            }
        }
        // A resumed run trains again from its checkpoint's iteration: where the iterations go back in time, the later
        // session replaces everything the interrupted one recorded from there on.
        out.sort(java.util.Comparator.comparingLong(StatsReport::getTimeStamp));
        var byIteration = new java.util.TreeMap<Integer, StatsReport>();
        for (var report : out) {
            byIteration.tailMap(report.getIterationCount(), true).clear();
            byIteration.put(report.getIterationCount(), report);
        }
        return List.copyOf(byIteration.values());
    }

    private static List<Double> series(List<StatsReport> reports, StatsType type, String key, boolean mean) {
        var values = new ArrayList<Double>();
        for (var report : reports) {
            var map = mean ? report.getMean(type) : report.getStdev(type);
            values.add(map == null ? null : map.get(key));
        }
        return values;
    }

    private static Map<String, LayerReport.Histogram> histograms(StatsReport report, StatsType type, String key) {
        var out = new LinkedHashMap<String, LayerReport.Histogram>();
        if (report == null || report.getHistograms(type) == null) {
            return out;
        }
        report.getHistograms(type).forEach((name, h) -> {
            if (name.startsWith(key + "_")) {
                var counts = new ArrayList<Integer>();
                for (int c : h.getBinCounts()) {
                    counts.add(c);
                }
                out.put(name.substring(key.length() + 1), new LayerReport.Histogram(h.getMin(), h.getMax(), counts));
            }
        });
        return out;
    }
}
