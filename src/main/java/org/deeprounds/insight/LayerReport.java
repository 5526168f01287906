package org.deeprounds.insight;

import java.util.List;
import java.util.Map;

/**
 * What DL4J recorded while a run trained, per layer, as {@code GET /api/v1/runs/{id}/layers} returns it (field names
 * are an API contract). Series share the run's {@code iterations}: element i of every series belongs to iteration i.
 *
 * @param histogramIteration the iteration whose histograms are included (the latest, or the one asked for)
 */
public record LayerReport(
        long runId, List<Integer> iterations, List<Double> score, int histogramIteration, List<Layer> layers) {

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
