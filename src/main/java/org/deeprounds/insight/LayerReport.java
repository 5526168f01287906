package org.deeprounds.insight;

import java.util.List;
import java.util.Map;

/**
 * What DL4J recorded while a run trained, per layer, as {@code GET /api/v1/runs/{id}/layers} returns it (field names
 * are an API contract). Series share the run's {@code iterations} (its layer snapshots): element i of every series
 * belongs to iteration i. The score (training loss of the mini-batch) of every recorded iteration is in
 * {@code scoreIterations} and {@code scores}, which are longer: every iteration of a run up to
 * {@code deeprounds.insight.max-scores}.
 *
 * @param iterations the iterations with a layer snapshot
 * @param score the score at each snapshot
 * @param histogramIteration the iteration whose histograms are included (the latest, or the one asked for)
 * @param scoreIterations every recorded iteration
 * @param scores the score at each of them (NaN where the loss was not a number)
 */
public record LayerReport(
        long runId,
        List<Integer> iterations,
        List<Double> score,
        int histogramIteration,
        List<Layer> layers,
        List<Integer> scoreIterations,
        List<Double> scores) {

    /**
     * One layer.
     *
     * @param updateRatio per parameter ("W", "b", ...): log10 of mean |update| / mean |parameter| at each iteration;
     *     around -3 is healthy
     * @param activationMean mean of the layer's outputs over the mini-batch at each iteration
     * @param activationStd their standard deviation
     * @param parameters parameter histograms at {@code histogramIteration}, by parameter
     * @param gradients gradient histograms at {@code histogramIteration}, by parameter
     * @param updates update histograms at {@code histogramIteration}, by parameter
     */
    public record Layer(
            int index,
            String type,
            String description,
            Map<String, List<Double>> updateRatio,
            List<Double> activationMean,
            List<Double> activationStd,
            Map<String, Histogram> parameters,
            Map<String, Histogram> gradients,
            Map<String, Histogram> updates) {}

    /** Equal-width bins from {@code min} to {@code max}. */
    public record Histogram(double min, double max, List<Integer> counts) {}
}
